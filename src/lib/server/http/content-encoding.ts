import { brotliCompressSync, constants as zlibConstants, gzipSync, type BrotliOptions } from 'node:zlib';

/**
 * Content codings for response bodies: which one a client accepts, and compressing a whole body
 * in one call. Shared by `serve`'s compression of rendered responses (src/cli/compression.ts)
 * and the API's memoised answers (define-endpoint), so both send the same bytes.
 */

export type Encoding = 'br' | 'gzip';

/** Quality 4 / level 6: dynamic answers are compressed on every request, so speed matters. */
export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 6;
/** Smaller bodies are not worth compressing. */
export const COMPRESS_MIN_BYTES = 1024;

/** Brotli for text at a quality, told the body's size when it is known. */
export function brotliOptions(quality: number, sizeHint: number | null): BrotliOptions {
	return {
		params: {
			[zlibConstants.BROTLI_PARAM_QUALITY]: quality,
			[zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
			...(sizeHint !== null ? { [zlibConstants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {})
		}
	};
}

/** The encoding to use for an Accept-Encoding header: brotli first, then gzip, honouring q=0. */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding | null {
	const { br, gzip } = encodingWeights(acceptEncoding);
	if (br > 0 && br >= gzip) return 'br';
	if (gzip > 0) return 'gzip';
	return null;
}

/**
 * For an API answer, which costs its compression on every request when it is computed fresh:
 * gzip at level 3 when the client takes gzip (a 40 KB search answer in ~0.2 ms, half of brotli's
 * time at quality 4, for ~6 % more bytes), brotli otherwise. An answer sent again from a cache
 * (`kept`) is compressed once and kept, so there the smaller brotli is worth it. An encoding
 * the answer has `compressed` already comes first (no second compression, no second copy kept).
 */
export function chooseAnswerEncoding(
	acceptEncoding: string | null | undefined,
	kept: boolean,
	compressed: Partial<Record<Encoding, unknown>> = {}
): Encoding | null {
	const weight = encodingWeights(acceptEncoding);
	const order: readonly Encoding[] = kept ? ['br', 'gzip'] : ['gzip', 'br'];
	// A copy compressed already (an answer kept as gzip only) is sent as it is.
	return order.find((encoding) => weight[encoding] > 0 && compressed[encoding]) ?? order.find((encoding) => weight[encoding] > 0) ?? null;
}

/** Compresses an API answer the way `chooseAnswerEncoding` weighed it (see there). */
export function compressAnswer(body: Uint8Array, encoding: Encoding, kept: boolean): Buffer<ArrayBuffer> {
	return kept ? compress(body, encoding, 5, GZIP_LEVEL) : compress(body, encoding, BROTLI_QUALITY, 3);
}

function encodingWeights(acceptEncoding: string | null | undefined): Record<Encoding, number> {
	if (!acceptEncoding) return { br: 0, gzip: 0 };
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const weightOf = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
	return { br: weightOf('br'), gzip: weightOf('gzip') };
}

/** A whole text body compressed in one call. */
export function compressBody(body: Uint8Array, encoding: Encoding): Buffer<ArrayBuffer> {
	return compress(body, encoding, BROTLI_QUALITY, GZIP_LEVEL);
}

function compress(body: Uint8Array, encoding: Encoding, brotliQuality: number, gzipLevel: number): Buffer<ArrayBuffer> {
	return encoding === 'br' ? brotliCompressSync(body, brotliOptions(brotliQuality, body.byteLength)) : gzipSync(body, { level: gzipLevel });
}
