/**
 * Texts by key, kept as UTF-8 bytes in a few large chunks instead of one string each: the search
 * index's catalogue cards (a quarter of a million JSON texts, ~250 MB) made every full garbage
 * collection of a server process ~130 ms longer as strings, and cost it nothing as bytes
 * (decision 007). Reading a text decodes it again, which is cheap for the twenty of a page.
 * A replaced or deleted text's bytes stay unused until the store is built again (the index is
 * rebuilt after many changes; see search-index-lifecycle.ts).
 */
export class TextStore {
	private readonly slots = new Map<string, number>();
	private readonly chunks: Uint8Array[] = [];
	private chunkOf = new Uint32Array(1024);
	private startOf = new Uint32Array(1024);
	private lengthOf = new Uint32Array(1024);
	private nextSlot = 0;
	private used = 0;

	constructor(private readonly chunkBytes = 8 * 2 ** 20) {}

	get size(): number {
		return this.slots.size;
	}

	has(key: string): boolean {
		return this.slots.has(key);
	}

	get(key: string): string | undefined {
		const slot = this.slots.get(key);
		if (slot === undefined) return undefined;
		const start = this.startOf[slot]!;
		return decoder.decode(this.chunks[this.chunkOf[slot]!]!.subarray(start, start + this.lengthOf[slot]!));
	}

	set(key: string, text: string): void {
		// UTF-8 takes at most three bytes per UTF-16 unit.
		const room = text.length * 3;
		let chunk = this.chunks.at(-1);
		if (!chunk || chunk.length - this.used < room) {
			chunk = new Uint8Array(Math.max(this.chunkBytes, room));
			this.chunks.push(chunk);
			this.used = 0;
		}
		const { written } = encoder.encodeInto(text, chunk.subarray(this.used));
		const slot = this.slotFor(key);
		this.chunkOf[slot] = this.chunks.length - 1;
		this.startOf[slot] = this.used;
		this.lengthOf[slot] = written;
		this.used += written;
	}

	delete(key: string): boolean {
		return this.slots.delete(key);
	}

	private slotFor(key: string): number {
		const known = this.slots.get(key);
		if (known !== undefined) return known;
		const slot = this.nextSlot++;
		if (slot >= this.startOf.length) {
			this.chunkOf = grown(this.chunkOf);
			this.startOf = grown(this.startOf);
			this.lengthOf = grown(this.lengthOf);
		}
		this.slots.set(key, slot);
		return slot;
	}
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function grown(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
	const next = new Uint32Array(array.length * 2);
	next.set(array);
	return next;
}
