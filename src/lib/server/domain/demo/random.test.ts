import { describe, expect, it } from 'vitest';
import { DEMO_MAX_INNOVATIONS, EXTERNAL_ID_SCRAMBLE } from './corpus';
import { permute50, Random, scrambleIndex, WeightedTable } from './random';

describe('Random', () => {
	it('gives the same sequence for the same seed and another for another seed', () => {
		const draw = (seed: string) => {
			const random = new Random(seed);
			return Array.from({ length: 20 }, () => random.uint32());
		};
		expect(draw('jippnas')).toEqual(draw('jippnas'));
		expect(draw('jippnas')).not.toEqual(draw('jippnas2'));
	});

	it('keeps integers within both bounds and reaches them', () => {
		const random = new Random('bounds');
		const seen = new Set<number>();
		for (let i = 0; i < 2000; i++) {
			const n = random.int(3, 7);
			expect(n).toBeGreaterThanOrEqual(3);
			expect(n).toBeLessThanOrEqual(7);
			seen.add(n);
		}
		expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
	});

	it('samples distinct items', () => {
		const random = new Random('sample');
		const picked = random.sample(['a', 'b', 'c', 'd'], 3);
		expect(new Set(picked).size).toBe(3);
		expect(random.sample(['a'], 3)).toEqual(['a']);
	});

	it('draws from a weighted table in proportion to the weights', () => {
		const random = new Random('weights');
		const table = new WeightedTable([
			{ value: 'a', weight: 1 },
			{ value: 'b', weight: 3 },
			{ value: 'zero', weight: 0 }
		]);
		const counts: Record<string, number> = { a: 0, b: 0, zero: 0 };
		for (let i = 0; i < 20_000; i++) counts[table.draw(random)]!++;
		expect(counts.zero).toBe(0);
		expect(counts.b! / 20_000).toBeGreaterThan(0.72);
		expect(counts.b! / 20_000).toBeLessThan(0.78);
	});
});

describe('index permutations', () => {
	it('scrambleIndex never gives two indices the same number with the corpus constants', () => {
		for (const [multiplier, offset] of Object.values(EXTERNAL_ID_SCRAMBLE)) {
			const seen = new Uint8Array(DEMO_MAX_INNOVATIONS);
			let repeats = 0;
			for (let i = 0; i < DEMO_MAX_INNOVATIONS; i++) {
				const n = scrambleIndex(i, DEMO_MAX_INNOVATIONS, multiplier, offset);
				if (seen[n]) repeats++;
				seen[n] = 1;
			}
			expect(repeats).toBe(0);
		}
		// A multiplier sharing a factor with the modulus would repeat: the check can fail.
		expect(scrambleIndex(0, 10, 5, 0)).toBe(scrambleIndex(2, 10, 5, 0));
	});

	it('permute50 is one-to-one and stays within 50 bits', () => {
		const key = [1, 2, 3, 4];
		const seen = new Set<number>();
		let largest = 0;
		for (let i = 0; i < 100_000; i++) {
			const n = permute50(i, key);
			largest = Math.max(largest, n);
			seen.add(n);
		}
		expect(seen.size).toBe(100_000);
		expect(largest).toBeLessThan(2 ** 50);
		expect(permute50(5, [9, 9, 9, 9])).not.toBe(permute50(5, key));
	});
});
