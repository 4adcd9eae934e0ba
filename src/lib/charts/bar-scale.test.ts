import { describe, expect, it } from 'vitest';
import { barWidths, shares } from './bar-scale';

describe('barWidths', () => {
	it('scales to the largest value', () => {
		expect(barWidths([50, 100, 25])).toEqual([50, 100, 25]);
	});

	it('keeps a sliver for small non-zero values and nothing for zero', () => {
		expect(barWidths([1, 10_000, 0])).toEqual([0.5, 100, 0]);
	});

	it('gives zero widths when every value is zero or the list is empty', () => {
		expect(barWidths([0, 0])).toEqual([0, 0]);
		expect(barWidths([])).toEqual([]);
	});

	it('rounds to one decimal', () => {
		expect(barWidths([1, 3])).toEqual([33.3, 100]);
	});
});

describe('shares', () => {
	it('gives whole percentages of the total', () => {
		expect(shares([1, 1, 2])).toEqual([25, 25, 50]);
	});

	it('is zero everywhere when the total is zero', () => {
		expect(shares([0, 0])).toEqual([0, 0]);
	});
});
