import { describe, expect, it } from 'vitest';
import { dcg, gain, mean, ndcgAtK } from './ndcg';

// Expected values computed by hand: gain 2^g - 1, discount log2(position + 1).
const judged = new Map([
	['a', 3],
	['b', 2],
	['c', 1]
]);

describe('nDCG@k', () => {
	it('uses exponential gains and log2 discounts', () => {
		expect([gain(0), gain(1), gain(2), gain(3)]).toEqual([0, 1, 3, 7]);
		// 7/1 + 3/log2(3) + 1/2 = 7 + 1.892789 + 0.5
		expect(dcg([3, 2, 1], 10)).toBeCloseTo(9.392789, 5);
		expect(dcg([3, 2, 1], 1)).toBe(7);
	});

	it('is 1 for the ideal order and less for a worse one', () => {
		expect(ndcgAtK(['a', 'b', 'c'], judged, 10)).toBe(1);
		// (1 + 3/log2(3) + 7/2) / (7 + 3/log2(3) + 1/2)
		expect(ndcgAtK(['c', 'b', 'a'], judged, 3)).toBeCloseTo(0.680606, 6);
	});

	it('counts unjudged items as 0 and cuts at k', () => {
		expect(ndcgAtK(['x', 'a'], new Map([['a', 3]]), 1)).toBe(0);
		// 7/log2(3) / 7
		expect(ndcgAtK(['x', 'a'], new Map([['a', 3]]), 2)).toBeCloseTo(0.630930, 6);
		expect(ndcgAtK([], judged, 10)).toBe(0);
	});

	it('normalises by the best top k of all judged items, not only those retrieved', () => {
		const tenOnes = new Map(Array.from({ length: 12 }, (_, i) => [`r${i}`, 1]));
		// 1 / sum_{i=1..10} 1/log2(i+1) = 1 / 4.543559
		expect(ndcgAtK(['r0'], tenOnes, 10)).toBeCloseTo(0.220092, 6);
	});

	it('gives a repeated item nothing the second time', () => {
		const two = new Map([
			['a', 3],
			['b', 3]
		]);
		// 7 / (7 + 7/log2(3))
		expect(ndcgAtK(['a', 'a'], two, 2)).toBeCloseTo(0.613147, 6);
	});

	it('ignores grade 0 and negative judgments in the ideal, and refuses a query without relevant items', () => {
		expect(ndcgAtK(['z', 'a'], new Map([['a', 2], ['z', 0], ['y', -1]]), 10)).toBeCloseTo(0.630930, 6);
		expect(() => ndcgAtK(['a'], new Map([['a', 0]]))).toThrow('undefined');
		expect(() => ndcgAtK(['a'], judged, 0)).toThrow('positive');
	});

	it('averages', () => {
		expect(mean([1, 0.5, 0])).toBe(0.5);
		expect(mean([])).toBe(0);
	});
});
