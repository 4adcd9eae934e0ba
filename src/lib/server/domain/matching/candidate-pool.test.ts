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
		expect(pool.missingKeys(['name:BUTAAT', 'name:BUTAAT', 'region:32.78'])).toEqual(['name:BUTAAT', 'region:32.78']);
		pool.loadKey('name:BUTAAT', [1, 2]);
		expect(pool.missingKeys(['name:BUTAAT'])).toEqual([]);
		const incoming = member(3, 'new', { source: 'lan', key: 'lan:3' });
		const { link } = pool.match(incoming.prepared, ['name:BUTAAT'], DEFAULT_MATCH_CONFIG);
		expect(link?.member.innovationId).toBe('inv-a');
		expect(pool.comparisons).toBe(1);
	});

	it('stops comparing a key once it holds more records than the block bound', () => {
		const pool = new CandidatePool({ maxBlockSize: 2 });
		pool.loadKey('region:32.78', []);
		pool.add(member(1, 'inv-a'), ['region:32.78']);
		pool.add(member(2, 'inv-b'), ['region:32.78']);
		expect(pool.match(member(9, 'x').prepared, ['region:32.78'], DEFAULT_MATCH_CONFIG).link).not.toBeNull();
		pool.add(member(3, 'inv-c'), ['region:32.78']);
		expect(pool.match(member(9, 'x').prepared, ['region:32.78'], DEFAULT_MATCH_CONFIG).link).toBeNull();
		pool.loadKey('agency:A', [1, 2, 3]);
		expect(pool.missingKeys(['agency:A', 'region:32.78'])).toEqual([]);
		expect(pool.match(member(9, 'x').prepared, ['agency:A'], DEFAULT_MATCH_CONFIG).link).toBeNull();
	});
});
