import type { Encoding } from './content-encoding';

/**
 * A JSON answer serialised once and kept by whoever caches it (the search's answers): an
 * endpoint sends its bytes as they are and keeps its compressed copies on it. A cache of these
 * holds a few buffers per answer instead of the answer's objects — about a thousand per search
 * answer, which the garbage collector had to mark again and again while 2,000 answers were kept
 * (decision 007).
 */
export class PreparedJson<T = unknown> {
	/** The JSON as UTF-8: a body given as bytes is not scanned and encoded again by Response. */
	readonly bytes: Buffer<ArrayBuffer>;
	/** How many times it was sent; compressed copies are kept from the second time on. */
	sent = 0;
	readonly encoded: Partial<Record<Encoding, Buffer<ArrayBuffer>>> = {};

	private constructor(json: string) {
		this.bytes = Buffer.from(json);
	}

	static of<T>(value: T): PreparedJson<T> {
		return new PreparedJson<T>(JSON.stringify(value));
	}

	/** JSON text put together by its owner (the search's answers, from prepared parts). */
	static fromJson<T>(json: string): PreparedJson<T> {
		return new PreparedJson<T>(json);
	}

	/** The value as objects again, for whoever renders it (a page). */
	parse(): T {
		return JSON.parse(this.bytes.toString('utf8')) as T;
	}
}
