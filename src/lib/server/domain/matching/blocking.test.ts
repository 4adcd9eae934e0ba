import { describe, expect, it } from 'vitest';
import { blockingKeys, blockingPlace, buildBlocks, candidatePairs } from './blocking';
import type { MatchRecord } from './types';

function record(key: string, title: string, regionCode: string | null, agencyId: string | null = null): MatchRecord {
	return { key, source: 'panrb', title, agencyId, regionCode, year: 2022, text: '' };
}

describe('blocking', () => {
	it('keys a record by name, uncommon title words and telling figures, all within its province', () => {
		const keyed = { ...record('a', 'Aplikasi BU TAAT (Bersama Untuk PBB Lunas)', '32.78', 'A-0157'), text: 'Realisasi naik dari 55,1% ke 69,9% bagi 2.340 wajib pajak dalam 3 bulan sejak 2021.' };
		expect(blockingKeys(keyed)).toEqual([
			'f:p32:2340',
			'f:p32:55.1',
			'f:p32:69.9',
			'n:p32:BERSAMAUNTUKPBBLUNAS',
			'n:p32:BUTAAT',
			'w:p32:bersama',
			'w:p32:lunas',
			'w:p32:taat'
		]);
	});

	it('scopes keys to the agency when the record has no region', () => {
		expect(blockingKeys(record('a', 'SIPANDU', null, 'kemenkes'))).toEqual(['n:-:SIPANDU', 'w:akemenkes:sipandu']);
		expect(blockingPlace({ regionCode: '53.09', agencyId: 'x' })).toBe('p53');
		expect(blockingPlace({ regionCode: null, agencyId: null })).toBe('-');
	});

	it('pairs records that share a block, each pair once and in order', () => {
		const records = [
			record('p:1', 'BU TAAT (Bersama Untuk PBB Lunas)', '32.78', 'A-0157'),
			record('k:2', 'BuTaat', '32.78'),
			record('l:3', 'Bersama Untuk PBB Lunas', '32.78', 'A-0157'),
			record('k:4', 'SIP DATA', '53.11')
		];
		// BuTaat and the bare expansion share no block: only the full title bridges them, and
		// clustering joins them through it.
		expect(candidatePairs(records)).toEqual([
			['k:2', 'p:1'],
			['l:3', 'p:1']
		]);
	});

	it('skips blocks above the size cap instead of comparing all their pairs', () => {
		const records = Array.from({ length: 6 }, (_, i) => record(`r:${i}`, `SIPANDU`, '35.10'));
		const { skipped } = buildBlocks(records, { maxBlockSize: 5, maxCandidates: 10 });
		expect(skipped).toEqual(['n:p35:SIPANDU', 'w:p35:sipandu']);
		expect(candidatePairs(records, { maxBlockSize: 5, maxCandidates: 10 })).toEqual([]);
		expect(candidatePairs(records, { maxBlockSize: 6, maxCandidates: 10 })).toHaveLength(15);
	});
});
