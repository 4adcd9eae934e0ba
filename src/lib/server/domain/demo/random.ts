/**
 * Seeded pseudo-random numbers for the demo corpus. The same seed string always gives the same
 * sequence on every platform (pure 32-bit integer arithmetic), so a corpus can be regenerated
 * byte for byte. Not for anything secret.
 */

/** cyrb128: hashes a string into four 32-bit words, the state of sfc32. */
export function hashSeed(seed: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < seed.length; i++) {
		const k = seed.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export interface Weighted<T> {
	value: T;
	weight: number;
}

export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: string) {
		[this.a, this.b, this.c, this.d] = hashSeed(seed);
		// The first outputs of sfc32 still echo the seed; skip them.
		for (let i = 0; i < 12; i++) this.uint32();
	}

	/** sfc32: a fast 128-bit-state generator that passes PractRand. */
	uint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.uint32() / 4294967296;
	}

	/** Uniform integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** Uniform real in [min, max). */
	real(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)]!;
	}

	weighted<T>(items: readonly Weighted<T>[]): T {
		let total = 0;
		for (const item of items) total += item.weight;
		let r = this.next() * total;
		for (const item of items) {
			r -= item.weight;
			if (r < 0) return item.value;
		}
		return items[items.length - 1]!.value;
	}

	/** `count` distinct items in random order (fewer when the list is shorter). */
	sample<T>(items: readonly T[], count: number): T[] {
		const copy = items.slice();
		const n = Math.min(count, copy.length);
		for (let i = 0; i < n; i++) {
			const j = i + Math.floor(this.next() * (copy.length - i));
			[copy[i], copy[j]] = [copy[j]!, copy[i]!];
		}
		return copy.slice(0, n);
	}

	/** Approximately normal (sum of uniforms), for skewed weights. */
	gaussian(): number {
		return this.next() + this.next() + this.next() + this.next() - 2;
	}
}

/**
 * A sampler over fixed weights: builds the cumulative table once, then each draw is a binary
 * search, which keeps choosing among hundreds of agencies cheap for 250,000 innovations.
 */
export class WeightedTable<T> {
	private readonly cumulative: Float64Array;
	private readonly total: number;

	constructor(private readonly items: readonly Weighted<T>[]) {
		if (items.length === 0) throw new Error('weighted table without items');
		this.cumulative = new Float64Array(items.length);
		let sum = 0;
		items.forEach((item, i) => {
			sum += item.weight;
			this.cumulative[i] = sum;
		});
		this.total = sum;
	}

	draw(random: Random): T {
		const r = random.next() * this.total;
		let lo = 0;
		let hi = this.cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.cumulative[mid]! > r) hi = mid;
			else lo = mid + 1;
		}
		return this.items[lo]!.value;
	}
}

/**
 * An affine bijection of [0, modulus): distinct indices always give distinct numbers, so
 * external ids made from it never collide, while consecutive indices do not look sequential.
 * `multiplier` must be coprime with `modulus`.
 */
export function scrambleIndex(index: number, modulus: number, multiplier: number, offset: number): number {
	// index and multiplier stay below 10^7, so the product is exact in a double.
	return (index * multiplier + offset) % modulus;
}

/**
 * A keyed permutation of 50-bit numbers (a four-round Feistel network on two 25-bit halves).
 * Used for innovation ids: one seed never gives two innovations the same id.
 */
export function permute50(index: number, key: readonly number[]): number {
	const MASK = 0x1ffffff;
	let left = Math.floor(index / 0x2000000) & MASK;
	let right = index & MASK;
	for (let round = 0; round < 4; round++) {
		let f = Math.imul(right ^ key[round % key.length]!, 0x45d9f3b);
		f ^= f >>> 16;
		f = Math.imul(f, 0x45d9f3b);
		f ^= f >>> 13;
		const next = (left ^ f) & MASK;
		left = right;
		right = next;
	}
	return left * 0x2000000 + right;
}
