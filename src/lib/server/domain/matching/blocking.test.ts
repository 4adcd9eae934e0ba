import { describe, expect, it } from 'vitest';
import { blockingKeys, buildBlocks, candidatePairs } from './blocking';
import type { MatchRecord } from './types';

function record(key: string, title: string, regionCode: string | null, agencyId: string | null = null): MatchRecord {
	return { key, source: 'panrb', title, agencyId, regionCode, year: 2022, text: '' };
}

describe('blocking', () => {
	it('keys a record by agency, region, name and uncommon title words', () => {
		expect(blockingKeys(record('a', 'Aplikasi BU TAAT (Bersama Untuk PBB Lunas)', '32.78', 'A-0157'))).toEqual([
			'agency:A-0157',
			'name:BERSAMAUNTUKPBBLUNAS',
			'name:BUTAAT',
			'region:32.78',
			'word:bersama',
			'word:lunas',
			'word:taat'
		]);
	});

	it('pairs records that share a block, each pair once and in order', () => {
		const records = [
			record('p:1', 'BU TAAT (Bersama Untuk PBB Lunas)', '32.78', 'A-0157'),
			record('k:2', 'BuTaat', '32.78'),
			record('l:3', 'Bersama Untuk PBB Lunas', null, 'A-0157'),
			record('k:4', 'SIP DATA', '53.11')
		];
		// BuTaat and the bare expansion share no block (no region on one, no agency on the other): only
		// the full title bridges them, and clustering joins them through it.
		expect(candidatePairs(records)).toEqual([
			['k:2', 'p:1'],
			['l:3', 'p:1']
		]);
	});

	it('skips blocks above the size cap instead of comparing all their pairs', () => {
		const records = Array.from({ length: 6 }, (_, i) => record(`r:${i}`, `Q${i}`, '35.10'));
		const { skipped } = buildBlocks(records, { maxBlockSize: 5 });
		expect(skipped).toEqual(['region:35.10']);
		expect(candidatePairs(records, { maxBlockSize: 5 })).toEqual([]);
		expect(candidatePairs(records, { maxBlockSize: 6 })).toHaveLength(15);
	});
});
