/**
 * Uploaded source files under DATA_DIR/uploads, named by their SHA-256 so that the same file
 * uploaded twice is stored once and a changed or damaged copy is noticed before it is imported.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Stores the bytes (written beside the target, then renamed: never half a file). */
export async function storeUpload(uploadDir: string, bytes: Uint8Array, extension: string): Promise<{ storedName: string; checksum: string }> {
	const checksum = sha256(bytes);
	const storedName = `${checksum}${extension}`;
	const target = path.join(uploadDir, storedName);
	await mkdir(uploadDir, { recursive: true });
	const existing = await stat(target).catch(() => null);
	if (existing?.size === bytes.byteLength) return { storedName, checksum };
	const temporary = path.join(uploadDir, `.${storedName}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
	try {
		await writeFile(temporary, bytes, { flag: 'wx' });
		await rename(temporary, target);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
	return { storedName, checksum };
}

/** The stored bytes, checked against the checksum recorded when they were uploaded. */
export async function readUpload(uploadDir: string, storedName: string, checksum: string): Promise<Uint8Array> {
	let bytes: Buffer;
	try {
		bytes = await readFile(path.join(uploadDir, path.basename(storedName)));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new AppError(
			'FILE_UNREADABLE',
			code === 'ENOENT'
				? `Berkas unggahan ${storedName} tidak ada lagi di ${uploadDir}. Unggah ulang berkasnya.`
				: `Berkas unggahan ${storedName} tidak dapat dibaca (${code ?? 'galat'}).`
		);
	}
	if (sha256(bytes) !== checksum) {
		throw new AppError('FILE_UNREADABLE', `Berkas unggahan ${storedName} berubah sejak diunggah (checksum tidak cocok). Unggah ulang berkasnya.`);
	}
	return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
