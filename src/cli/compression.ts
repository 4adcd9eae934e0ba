import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';
import { brotliOptions, BROTLI_QUALITY, chooseEncoding, compressBody, COMPRESS_MIN_BYTES, GZIP_LEVEL } from '../lib/server/http/content-encoding';

export { chooseEncoding, type Encoding } from '../lib/server/http/content-encoding';

/**
 * Gzip/brotli for the responses the SvelteKit handler renders (pages, JSON). Static assets are
 * served precompressed by adapter-node and arrive here already encoded; those pass untouched,
 * as does anything that is not text, is tiny, or is an event stream (which must not buffer).
 */

const COMPRESSIBLE =
	/^(text\/(?!event-stream)|application\/(json|javascript|xml|manifest\+json|[a-z0-9.+-]+\+(json|xml))|image\/svg\+xml)/i;
/**
 * A body that ends in the same turn of the event loop as it started (a JSON answer, a page that
 * does not stream) is compressed in one call: ~0.5 ms for 40 KB instead of a stream's events and
 * flushes. Larger or slower bodies stream.
 */
const ONE_SHOT_MAX_BYTES = 256 * 1024;

export function isCompressible(contentType: string | undefined): boolean {
	return !!contentType && COMPRESSIBLE.test(contentType);
}

type WriteCallback = (error?: Error | null) => void;

/**
 * Makes `res` compress what is written to it, when the request accepts it and the response
 * turns out (at writeHead) to be compressible. Call before handing `res` to the app.
 */
export function compressResponse(req: IncomingMessage, res: ServerResponse): void {
	const encoding = chooseEncoding(req.headers['accept-encoding']);
	if (!encoding || req.method === 'HEAD') return;

	type Loose<R> = (this: ServerResponse, ...args: unknown[]) => R;
	const originalWriteHead = res.writeHead as unknown as Loose<ServerResponse>;
	const originalWrite = res.write as unknown as Loose<boolean>;
	const originalEnd = res.end as unknown as Loose<ServerResponse>;
	const originalOn = res.on;
	const originalRemoveListener = res.removeListener;
	let compressor: Gzip | BrotliCompress | undefined;
	/** Chunks of a body to compress, held until it ends or the turn of the event loop does. */
	let buffered: Uint8Array[] | null = null;
	let bufferedBytes = 0;
	let hintedLength: number | null = null;
	let ended = false;
	let flushScheduled = false;

	const decide = (statusCode: number) => {
		const type = res.getHeader('content-type');
		const length = Number(res.getHeader('content-length') ?? NaN);
		const cacheControl = String(res.getHeader('cache-control') ?? '');
		if (
			statusCode < 200 ||
			statusCode === 204 ||
			statusCode === 304 ||
			res.hasHeader('content-encoding') ||
			!isCompressible(typeof type === 'string' ? type : undefined) ||
			length < COMPRESS_MIN_BYTES ||
			/\bno-transform\b/i.test(cacheControl)
		) {
			return;
		}
		res.removeHeader('content-length');
		res.setHeader('content-encoding', encoding);
		const vary = String(res.getHeader('vary') ?? '');
		if (!/\baccept-encoding\b|\*/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
		hintedLength = Number.isFinite(length) ? length : null;
		buffered = [];
	};

	/** The body goes on longer than one turn (or grows large): compress it as a stream from here. */
	const startStream = () => {
		const pending = buffered ?? [];
		buffered = null;
		compressor = encoding === 'br' ? createBrotliCompress(brotliOptions(BROTLI_QUALITY, hintedLength)) : createGzip({ level: GZIP_LEVEL });
		const stream = compressor;
		stream.on('data', (chunk: Buffer) => {
			if (!originalWrite.call(res, chunk)) stream.pause();
		});
		originalOn.call(res, 'drain', () => stream.resume());
		stream.on('end', () => originalEnd.call(res));
		stream.on('error', (error) => res.destroy(error));
		for (const chunk of pending) stream.write(chunk);
	};

	res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
		let message: string | undefined;
		let headers: OutgoingHttpHeaders | unknown[] | undefined;
		if (typeof rest[0] === 'string') [message, headers] = rest as [string, typeof headers];
		else headers = rest[0] as typeof headers;
		if (Array.isArray(headers)) {
			// Raw header arrays are rare (none of our code uses them): pass them through as they are.
			return originalWriteHead.call(this, statusCode, ...rest);
		}
		if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
		if (!this.headersSent) decide(statusCode);
		return message === undefined
			? originalWriteHead.call(this, statusCode)
			: originalWriteHead.call(this, statusCode, message);
	} as typeof res.writeHead;

	// Chunks written in one turn of the event loop are flushed together, so a streamed page
	// still reaches the browser in pieces without flushing after every tiny write.
	const scheduleFlush = () => {
		if (flushScheduled) return;
		flushScheduled = true;
		setImmediate(() => {
			flushScheduled = false;
			if (ended) return;
			if (buffered) startStream();
			compressor?.flush();
		});
	};

	res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
		if (!this.headersSent) this.writeHead(this.statusCode);
		if (!compressor && !buffered) return originalWrite.call(this, chunk, ...rest);
		if (ended) return false;
		const [encodingOrCallback, callback] = rest;
		const done = (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback) as WriteCallback | undefined;
		const textEncoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : undefined;
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk, textEncoding) : (chunk as Uint8Array);
		scheduleFlush();
		if (buffered) {
			buffered.push(buffer);
			bufferedBytes += buffer.byteLength;
			if (done) process.nextTick(done);
			if (bufferedBytes <= ONE_SHOT_MAX_BYTES) return true;
			startStream();
			return true;
		}
		return compressor!.write(buffer, done);
	} as typeof res.write;

	res.end = function (this: ServerResponse, ...args: unknown[]) {
		const callback = typeof args[args.length - 1] === 'function' ? (args.pop() as () => void) : undefined;
		const [chunk, textEncoding] = args as [unknown, BufferEncoding | undefined];
		if (!this.headersSent) {
			// A body given whole to end() has a known size: small ones are not worth compressing.
			if (chunk != null && !this.hasHeader('content-length')) {
				const size = typeof chunk === 'string' ? Buffer.byteLength(chunk, textEncoding) : (chunk as Uint8Array).byteLength;
				this.setHeader('content-length', size);
			}
			this.writeHead(this.statusCode);
		}
		if (!compressor && !buffered) return originalEnd.call(this, ...args, ...(callback ? [callback] : []));
		if (ended) return this;
		ended = true;
		const last = chunk == null ? null : typeof chunk === 'string' ? Buffer.from(chunk, textEncoding) : (chunk as Uint8Array);
		if (buffered) {
			// The whole body is here: one call, one write.
			if (last) buffered.push(last);
			const body = buffered.length === 1 ? buffered[0]! : Buffer.concat(buffered);
			buffered = null;
			const compressed = compressBody(body, encoding);
			return originalEnd.call(this, compressed, ...(callback ? [callback] : []));
		}
		if (callback) this.once('finish', callback);
		if (last) compressor!.end(last);
		else compressor!.end();
		return this;
	} as typeof res.end;

	// Writers wait for 'drain' when write() returned false; with a compressor in between, that
	// is the compressor's drain, not the socket's.
	res.on = function (this: ServerResponse, event: string | symbol, listener: (...args: unknown[]) => void) {
		if (event === 'drain' && compressor) {
			compressor.on('drain', listener);
			return this;
		}
		return originalOn.call(this, event, listener);
	} as typeof res.on;
	res.removeListener = res.off = function (this: ServerResponse, event: string | symbol, listener: (...args: unknown[]) => void) {
		if (event === 'drain' && compressor) compressor.removeListener(event, listener);
		return originalRemoveListener.call(this, event, listener);
	} as typeof res.removeListener;
}
