import { describe, expect, it } from 'vitest';
import { evaluateClusters } from './evaluate';

describe('evaluateClusters', () => {
	it('is perfect when the clusters agree, whatever the order', () => {
		expect(evaluateClusters([['b', 'a'], ['c']], [['c'], ['a', 'b']])).toMatchObject({ precision: 1, recall: 1, f1: 1, truePositives: 1 });
	});

	it('counts wrong and missing pairs', () => {
		// Truth: {a,b,c} (3 pairs), {d}. Predicted: {a,b}, {c,d} -> 1 right, 1 wrong, 2 missed.
		const result = evaluateClusters([['a', 'b'], ['c', 'd']], [['a', 'b', 'c'], ['d']]);
		expect(result).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 2 });
		expect(result.precision).toBeCloseTo(0.5);
		expect(result.recall).toBeCloseTo(1 / 3);
		expect(result.f1).toBeCloseTo(0.4);
	});

	it('scores singletons-only predictions as precise but with no recall', () => {
		expect(evaluateClusters([['a'], ['b']], [['a', 'b']])).toMatchObject({ precision: 1, recall: 0, f1: 0 });
	});
});
