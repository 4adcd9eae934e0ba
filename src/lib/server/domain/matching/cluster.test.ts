import { describe, expect, it } from 'vitest';
import { clusterRecords, type ScoredPair } from './cluster';

const link = (a: string, b: string, score = 0.9): ScoredPair => ({ a, b, score, decision: 'link' });
const review = (a: string, b: string, score = 0.6): ScoredPair => ({ a, b, score, decision: 'review' });

describe('clusterRecords', () => {
	it('joins linked records transitively and keeps every other record alone', () => {
		const { clusters } = clusterRecords(['p:1', 'k:2', 'l:3', 'k:9', 'p:5'], [link('p:1', 'k:2'), link('k:2', 'l:3')]);
		expect(clusters).toEqual([['k:2', 'l:3', 'p:1'], ['k:9'], ['p:5']]);
	});

	it('reports review pairs apart without joining them, dropping those already inside one cluster', () => {
		const { clusters, review: pending } = clusterRecords(
			['a', 'b', 'c', 'd'],
			[link('a', 'b'), review('a', 'b'), review('c', 'd', 0.55), review('b', 'c', 0.65), { a: 'a', b: 'd', score: 0.1, decision: 'distinct' }]
		);
		expect(clusters).toEqual([['a', 'b'], ['c'], ['d']]);
		expect(pending.map((p) => [p.a, p.b])).toEqual([
			['b', 'c'],
			['c', 'd']
		]);
	});

	it('gives the same output whatever the input order', () => {
		const keys = ['x', 'y', 'z', 'w'];
		const pairs = [link('w', 'x'), link('y', 'z'), link('x', 'y')];
		expect(clusterRecords([...keys].reverse(), [...pairs].reverse())).toEqual(clusterRecords(keys, pairs));
		expect(clusterRecords(keys, pairs).clusters).toEqual([['w', 'x', 'y', 'z']]);
	});
});
