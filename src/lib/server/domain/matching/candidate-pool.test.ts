import { describe, expect, it } from 'vitest';
import { CandidatePool } from './candidate-pool';
import { DEFAULT_MATCH_CONFIG, prepareRecord } from './score';
import type { MatchRecord } from './types';

const TEXT = 'Realisasi PBB naik dari 55,1% menjadi 69,9%, menjangkau 2.340 wajib pajak, anggaran Rp 120 juta.';

function member(id: number, innovationId: string, overrides: Partial<MatchRecord> = {}) {
	const record: MatchRecord = { key: `panrb:${id}`, source: 'panrb', title: 'BU TAAT (Bersama Untuk PBB Lunas)', agencyId: 'A', regionCode: '32.78', year: 2022, text: TEXT, ...overrides };
	return { sourceRecordId: id, innovationId, prepared: prepareRecord(record) };
}

describe('CandidatePool', () => {
	it('links to the best member sharing a loaded key and skips other regions without scoring them', () => {
		const pool = new CandidatePool({ maxBlockSize: 10 });
		pool.remember(member(1, 'inv-a'));
		pool.remember(member(2, 'inv-b', { regionCode: '33.01' }));
		expect(pool.missingKeys(['n:BUTAAT', 'n:BUTAAT', 'f:2340'])).toEqual(['n:BUTAAT', 'f:2340']);
		pool.loadKey('n:BUTAAT', [1, 2]);
		expect(pool.missingKeys(['n:BUTAAT'])).toEqual([]);
		const incoming = member(3, 'new', { source: 'lan', key: 'lan:3' });
		const { link } = pool.match(incoming.prepared, ['n:BUTAAT'], DEFAULT_MATCH_CONFIG);
		expect(link?.member.innovationId).toBe('inv-a');
		expect(pool.comparisons).toBe(1);
	});

	it('stops comparing a key once it holds more records than the block bound', () => {
		const pool = new CandidatePool({ maxBlockSize: 2 });
		pool.loadKey('n:BUTAAT', []);
		pool.add(member(1, 'inv-a'), ['n:BUTAAT']);
		pool.add(member(2, 'inv-b'), ['n:BUTAAT']);
		const lan = (id: number) => member(id, 'x', { source: 'lan', key: `lan:${id}` }).prepared;
		expect(pool.match(lan(9), ['n:BUTAAT'], DEFAULT_MATCH_CONFIG).link).not.toBeNull();
		pool.add(member(3, 'inv-c'), ['n:BUTAAT']);
		expect(pool.match(lan(9), ['n:BUTAAT'], DEFAULT_MATCH_CONFIG).link).toBeNull();
		pool.loadKey('f:2340', [1, 2, 3]);
		expect(pool.missingKeys(['f:2340', 'n:BUTAAT'])).toEqual([]);
		expect(pool.match(lan(9), ['f:2340'], DEFAULT_MATCH_CONFIG).link).toBeNull();
	});

	it('scores only the members sharing the most keys, and none that share a single word or figure', () => {
		const pool = new CandidatePool({ maxBlockSize: 10, maxCandidates: 1 });
		for (const key of ['n:BUTAAT', 'f:2340', 'f:55.1', 'w:lunas']) pool.loadKey(key, []);
		pool.add(member(1, 'inv-a'), ['f:2340']);
		pool.add(member(2, 'inv-b'), ['n:BUTAAT', 'f:2340', 'f:55.1']);
		const incoming = member(3, 'new', { source: 'lan', key: 'lan:3' }).prepared;
		expect(pool.match(incoming, ['n:BUTAAT', 'f:2340', 'f:55.1'], DEFAULT_MATCH_CONFIG).link?.member.innovationId).toBe('inv-b');
		expect(pool.comparisons).toBe(1);
		expect(pool.match(incoming, ['f:2340'], DEFAULT_MATCH_CONFIG).link).toBeNull();
		expect(pool.comparisons).toBe(1);
	});

	it('links within one source only on the same name and a high score, else sends the pair to review', () => {
		const pool = new CandidatePool({ maxBlockSize: 10 });
		pool.loadKey('n:BUTAAT', []);
		pool.add(member(1, 'inv-a', { source: 'lan', key: 'lan:1' }), ['n:BUTAAT']);
		// The same text and name again in the same source: a re-entered record, linked.
		expect(pool.match(member(2, 'x', { source: 'lan', key: 'lan:2' }).prepared, ['n:BUTAAT'], DEFAULT_MATCH_CONFIG).link?.member.innovationId).toBe('inv-a');
		// Another narrative: enough for a cross-source link, not for one within the source.
		const other = { year: 2024, text: 'Realisasi PBB naik dari 55,1% menjadi 69,9% di 12 kelurahan.' };
		const crossSource = pool.match(member(3, 'x', other).prepared, ['n:BUTAAT'], DEFAULT_MATCH_CONFIG);
		const withinSource = pool.match(member(4, 'x', { ...other, source: 'lan', key: 'lan:4' }).prepared, ['n:BUTAAT'], DEFAULT_MATCH_CONFIG);
		expect(crossSource.link?.score).toBeLessThan(DEFAULT_MATCH_CONFIG.sameSourceLinkThreshold);
		expect(withinSource.link).toBeNull();
		expect(withinSource.review?.member.innovationId).toBe('inv-a');
		// A record of a source the innovation already has counts as within the source.
		pool.add(member(5, 'inv-a', { key: 'panrb:5' }), ['n:BUTAAT']);
		expect(pool.match(member(6, 'x', other).prepared, ['n:BUTAAT'], DEFAULT_MATCH_CONFIG).link).toBeNull();
	});
});
