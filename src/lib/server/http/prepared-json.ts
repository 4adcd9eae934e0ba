import { gunzipSync } from 'node:zlib';
import { compressAnswer, type Encoding } from './content-encoding';

/**
 * A JSON answer serialised once and kept by whoever caches it (the search's answers): an
 * endpoint sends its bytes as they are and keeps its compressed copies on it. A cache of these
 * holds a few buffers per answer instead of the answer's objects — about a thousand per search
 * answer, which the garbage collector had to mark again and again while 2,000 answers were kept
 * (decision 007).
 */
export class PreparedJson<T = unknown> {
	/** The JSON as UTF-8, unless it is kept compressed only (see `compact`). */
	#json: Buffer<ArrayBuffer> | null;
	/** The JSON's length in bytes. */
	readonly byteLength: number;
	/** How many times it was sent; compressed copies are kept from the second time on. */
	sent = 0;
	readonly encoded: Partial<Record<Encoding, Buffer<ArrayBuffer>>> = {};

	private constructor(json: string) {
		this.#json = Buffer.from(json);
		this.byteLength = this.#json.byteLength;
	}

	static of<T>(value: T): PreparedJson<T> {
		return new PreparedJson<T>(JSON.stringify(value));
	}

	/** JSON text put together by its owner (the search's answers, from prepared parts). */
	static fromJson<T>(json: string): PreparedJson<T> {
		return new PreparedJson<T>(json);
	}

	/**
	 * The JSON as UTF-8: a body given as bytes is not scanned and encoded again by Response. Of
	 * an answer kept compressed only, decompressed each time (clients that take no gzip, pages).
	 */
	get bytes(): Buffer<ArrayBuffer> {
		return this.#json ?? (gunzipSync(this.encoded.gzip!) as Buffer<ArrayBuffer>);
	}

	/**
	 * Keeps the answer as gzip only (compressed now, as its first sending would): about an
	 * eighth of the JSON's memory, so a cache holds several times more answers; most clients take
	 * gzip, and it is sent as it is.
	 */
	compact(): this {
		if (this.#json) {
			this.encoded.gzip ??= compressAnswer(this.#json, 'gzip', false);
			this.#json = null;
		}
		return this;
	}

	/** The value as objects again, for whoever renders it (a page). */
	parse(): T {
		return JSON.parse(this.bytes.toString('utf8')) as T;
	}
}
