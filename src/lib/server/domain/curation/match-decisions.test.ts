import { describe, expect, it } from 'vitest';
import { dependentDecisions, dependentsMessage, readDecisionState } from './match-decisions';

describe('dependentDecisions', () => {
	const merge = { id: 3, kind: 'merge' as const, innovationIds: ['inv-a', 'inv-b'], undoneAt: null };
	it('finds later decisions in force on the same innovations', () => {
		const others = [
			{ id: 2, kind: 'split' as const, innovationIds: ['inv-a'], undoneAt: null },
			{ id: 5, kind: 'split' as const, innovationIds: ['inv-b', 'inv-c'], undoneAt: null },
			{ id: 4, kind: 'merge' as const, innovationIds: ['inv-a'], undoneAt: '2025-01-01' },
			{ id: 6, kind: 'merge' as const, innovationIds: ['inv-x'], undoneAt: null },
			{ id: 7, kind: 'reject' as const, innovationIds: [], undoneAt: null }
		];
		expect(dependentDecisions(merge, others).map((d) => d.id)).toEqual([5]);
	});

	it('names them in the refusal', () => {
		expect(dependentsMessage(3, [{ id: 5 }, { id: 8 }])).toBe(
			'Keputusan #3 tidak dapat dibatalkan karena keputusan #5, #8 yang dibuat sesudahnya bergantung padanya. Batalkan keputusan #5, #8 terlebih dahulu.'
		);
	});
});

describe('readDecisionState', () => {
	it('fills what an empty state lacks', () => {
		expect(readDecisionState({})).toEqual({ moves: [], awards: [], before: [], afterVersions: {}, created: null, deleted: null });
		expect(readDecisionState(null).moves).toEqual([]);
	});
});
