import type { UploadMediaType } from '../../db/schema';

/**
 * What an uploaded file really is, from its first bytes. The file name and the type the browser
 * declares are written by the uploader and prove nothing: a renamed program or an HTML page
 * called "surat.pdf" must not be stored and later served as a PDF.
 */
export interface DetectedFileType {
	mediaType: UploadMediaType;
	/** The extension a downloaded copy should carry. */
	extension: '.pdf' | '.jpg' | '.png';
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, signature: number[]) =>
	bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** The type of the bytes, or null when they are not a PDF, JPEG or PNG. */
export function detectFileType(bytes: Uint8Array): DetectedFileType | null {
	if (startsWith(bytes, PNG)) return { mediaType: 'image/png', extension: '.png' };
	if (startsWith(bytes, JPEG)) return { mediaType: 'image/jpeg', extension: '.jpg' };
	if (startsWith(bytes, PDF)) return { mediaType: 'application/pdf', extension: '.pdf' };
	return null;
}

export const ALLOWED_MEDIA_TYPES: readonly UploadMediaType[] = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * A file name safe to keep and to send back in Content-Disposition: no folders, no control
 * characters, at most 200 characters, the extension of what the content really is.
 */
export function safeFileName(name: string, detected: DetectedFileType): string {
	const base = (name.split(/[\\/]/).pop() ?? '')
		.normalize('NFC')
		.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || 'dokumen';
	return `${stem.slice(0, 200 - detected.extension.length)}${detected.extension}`;
}
