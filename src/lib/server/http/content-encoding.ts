import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/**
 * Content codings for response bodies: which one a client accepts, and compressing a whole body
 * in one call. Shared by `serve`'s compression of rendered responses (src/cli/compression.ts)
 * and the API's memoised answers (define-endpoint), so both send the same bytes.
 */

export type Encoding = 'br' | 'gzip';

/** Quality 4 / level 6: dynamic answers are compressed on every request, so speed matters. */
export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 6;

/** The encoding to use for an Accept-Encoding header: brotli first, then gzip, honouring q=0. */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const weightOf = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
	const br = weightOf('br');
	const gzip = weightOf('gzip');
	if (br > 0 && br >= gzip) return 'br';
	if (gzip > 0) return 'gzip';
	return null;
}

/** A whole text body compressed in one call. */
export function compressBody(body: Uint8Array, encoding: Encoding): Buffer<ArrayBuffer> {
	return encoding === 'br'
		? brotliCompressSync(body, {
				params: {
					[zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
					[zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
					[zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
				}
			})
		: gzipSync(body, { level: GZIP_LEVEL });
}
