import { fail, redirect } from '@sveltejs/kit';
import { loadConfig } from '../config/env';
import { AppError } from '../errors';
import type { Actor } from '../policy';
import { fileStoreSettings, type FileStoreSettings } from '../storage/file-store';

/**
 * Helpers of the replication pages (replikasi/, notifikasi/): who is signed in, the settings
 * the document services need, the submitted form as plain text fields, AppError -> fail, and
 * file downloads with the headers every private file gets.
 */

/** Signed-in pages: the public is sent to sign in and brought back (like requirePermission). */
export function requireSignedIn(event: { locals: App.Locals; url: URL }): Actor {
	const actor = event.locals.actor ?? null;
	if (!actor) redirect(303, signInPath(event.url));
	return actor;
}

export function signInPath(url: URL): string {
	return `/masuk?kembali=${encodeURIComponent(url.pathname + url.search)}`;
}

/** Where replication documents are kept and the largest accepted (FILES_DIR, UPLOAD_MAX_MB). */
export function replicationFileStore(): FileStoreSettings {
	return fileStoreSettings(loadConfig());
}

export function uploadMaxMb(): number {
	return loadConfig().UPLOAD_MAX_MB;
}

/** The site's public address for links in notification e-mails. */
export function siteBaseUrl(url: URL): string {
	return loadConfig().BASE_URL ?? url.origin;
}

/** Room for the form fields and multipart boundaries around an uploaded file. */
const FORM_OVERHEAD = 256 * 1024;

/**
 * Reads the submitted form; a body larger than the upload limit is refused before it is read
 * (and so is one the server could not parse, such as a body over BODY_SIZE_LIMIT).
 */
export async function readForm(request: Request): Promise<FormData | null> {
	const limit = replicationFileStore().maxBytes + FORM_OVERHEAD;
	if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

export function tooLargeMessage(): string {
	return `Berkas terlalu besar: maksimal ${uploadMaxMb()} MB.`;
}

/** The text fields of a form (files and the CSRF token left out), to hand to a service and to refill the form. */
export function textFields(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) {
		if (name === 'csrf' || typeof value !== 'string') continue;
		values[name] = value;
	}
	return values;
}

/** A chosen file of the form (an empty file input sends a nameless, empty part: none). */
export function chosenFile(form: FormData, name: string): File | null {
	const value = form.get(name);
	if (value === null || typeof value === 'string') return null;
	return value.size === 0 && !value.name ? null : value;
}

export async function fileBytes(file: File): Promise<Uint8Array> {
	return new Uint8Array(await file.arrayBuffer());
}

/** What a replication form answers when refused: which form, the message, and what was typed. */
export interface ReplicationFormFailure {
	ok: false;
	action: string;
	message: string;
	values: Record<string, string>;
}

export function formRefusal(status: number, action: string, message: string, values: Record<string, string> = {}) {
	return fail(status, { ok: false, action, message, values } satisfies ReplicationFormFailure);
}

/** Runs a service; its AppError becomes the form's refusal (status + Indonesian message). */
export async function attempt<T>(
	action: string,
	values: Record<string, string>,
	work: () => Promise<T>
): Promise<{ value: T; failure?: undefined } | { failure: ReturnType<typeof formRefusal>; value?: undefined }> {
	try {
		return { value: await work() };
	} catch (error) {
		if (error instanceof AppError) return { failure: formRefusal(error.status, action, error.message, values) };
		throw error;
	}
}

/**
 * A stored or generated file as a download: its media type, the name it is saved under (ASCII
 * fallback plus the UTF-8 name), never sniffed, never cached by shared caches.
 */
export function fileDownload(file: { bytes: Uint8Array; fileName: string; mediaType: string }, options: { public?: boolean } = {}): Response {
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(file.bytes as BodyInit, {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.bytes.byteLength),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			// Certificates are public proof, but still per request: no shared cache keeps them.
			'cache-control': options.public ? 'private, max-age=300' : 'private, no-store'
		}
	});
}
