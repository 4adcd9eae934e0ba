/**
 * Replication documents on disk under FILES_DIR (default DATA_DIR/berkas), content-addressed:
 * `ab/cd/<sha256>`. The same file uploaded twice is stored once; a file is written beside its
 * target and renamed (never half a file); reading checks the bytes against the checksum
 * recorded at upload, so a damaged or swapped copy is never served.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config/env';
import { AppError } from '../errors';

export interface FileStoreSettings {
	/** Absolute folder the storage paths are relative to. */
	dir: string;
	/** Largest upload accepted, in bytes. */
	maxBytes: number;
}

export function fileStoreSettings(config: Pick<AppConfig, 'DATA_DIR' | 'FILES_DIR' | 'UPLOAD_MAX_MB'>): FileStoreSettings {
	return {
		dir: path.resolve(config.FILES_DIR ?? path.join(config.DATA_DIR, 'berkas')),
		maxBytes: config.UPLOAD_MAX_MB * 1024 * 1024
	};
}

export interface StoredFile {
	/** Relative to the store's folder, with forward slashes (kept in the database). */
	storagePath: string;
	sha256: string;
	sizeBytes: number;
}

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

const STORAGE_PATH = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

export function storagePathOf(checksum: string): string {
	return `${checksum.slice(0, 2)}/${checksum.slice(2, 4)}/${checksum}`;
}

/** Stores the bytes under their SHA-256; an identical file already there is kept as it is. */
export async function storeFile(dir: string, bytes: Uint8Array): Promise<StoredFile> {
	const checksum = sha256Hex(bytes);
	const storagePath = storagePathOf(checksum);
	const target = path.join(dir, ...storagePath.split('/'));
	const folder = path.dirname(target);
	await mkdir(folder, { recursive: true });
	const existing = await stat(target).catch(() => null);
	// Same name means same content, unless the copy on disk was damaged: then it is replaced.
	if (existing?.size === bytes.byteLength && sha256Hex(await readFile(target)) === checksum) {
		return { storagePath, sha256: checksum, sizeBytes: bytes.byteLength };
	}
	const temporary = path.join(folder, `.${checksum}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
	try {
		await writeFile(temporary, bytes, { flag: 'wx' });
		await rename(temporary, target);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
	return { storagePath, sha256: checksum, sizeBytes: bytes.byteLength };
}

/** The stored bytes, checked against the recorded checksum (FILE_UNREADABLE when missing or changed). */
export async function readStoredFile(dir: string, storagePath: string, checksum: string): Promise<Uint8Array> {
	// Only paths this store wrote: a stored value can never point outside the folder.
	if (!STORAGE_PATH.test(storagePath)) throw new AppError('STORED_FILE_UNREADABLE');
	let bytes: Buffer;
	try {
		bytes = await readFile(path.join(dir, ...storagePath.split('/')));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new AppError(
			'STORED_FILE_UNREADABLE',
			code === 'ENOENT'
				? 'Berkas ini tidak ada lagi di penyimpanan server. Hubungi admin JIPPNas.'
				: `Berkas ini tidak dapat dibaca dari penyimpanan server (${code ?? 'galat'}).`
		);
	}
	if (sha256Hex(bytes) !== checksum) {
		throw new AppError('STORED_FILE_UNREADABLE', 'Berkas ini berubah di penyimpanan server sejak diunggah (checksum tidak cocok). Hubungi admin JIPPNas.');
	}
	return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
