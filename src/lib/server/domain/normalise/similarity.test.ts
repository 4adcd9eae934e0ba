import { describe, expect, it } from 'vitest';
import { jaccard, trigramSimilarity, trigrams } from './similarity';

describe('trigrams', () => {
	it('pads each word as pg_trgm does', () => {
		expect([...trigrams('Ab')].sort()).toEqual(['  a', ' ab', 'ab '].sort());
		expect(trigrams('Kota Bekasi').has('  b')).toBe(true);
	});
	it('ignores case and punctuation', () => {
		expect(trigrams('TOLI-TOLI')).toEqual(trigrams('toli toli'));
	});
	it('gives nothing for an empty string', () => {
		expect(trigrams('  ').size).toBe(0);
	});
});

describe('trigramSimilarity', () => {
	it('is 1 for equal names and 0 for disjoint ones', () => {
		expect(trigramSimilarity('Kementerian Kesehatan', 'KEMENTERIAN KESEHATAN')).toBe(1);
		expect(trigramSimilarity('abc', 'xyz')).toBe(0);
		expect(jaccard(new Set(), new Set())).toBe(0);
	});
	it('ranks a one-letter typo above an unrelated name', () => {
		const typo = trigramSimilarity('Kementerian Keshatan', 'Kementerian Kesehatan');
		const other = trigramSimilarity('Kementerian Keshatan', 'Kementerian Pertanian');
		expect(typo).toBeGreaterThan(other);
		expect(typo).toBeLessThan(1);
	});
	it('is symmetric', () => {
		expect(trigramSimilarity('Ngada', 'Ngawi')).toBe(trigramSimilarity('Ngawi', 'Ngada'));
	});
});
