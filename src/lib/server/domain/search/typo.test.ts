import { describe, expect, it } from 'vitest';
import { editDistance, trigramsOf, Vocabulary } from './typo';

describe('typo tolerance', () => {
	it('measures edits with transpositions', () => {
		expect(editDistance('pelayanam', 'pelayanan')).toBe(1);
		expect(editDistance('plaeyanan', 'pelayanan')).toBe(2);
		expect(editDistance('abc', 'abc')).toBe(0);
		expect(editDistance('kesehatan', 'pendidikan', 2)).toBe(3);
		expect(trigramsOf('ktp')).toContain('  k');
	});

	it('corrects to the most frequent close word, one edit for short words, two for long', () => {
		const vocabulary = new Vocabulary();
		for (const word of ['pelayanan', 'pelayanan', 'pelayaran', 'kependudukan', 'sekolah']) vocabulary.add(word);
		expect(vocabulary.correct('pelayanam')).toBe('pelayanan');
		expect(vocabulary.correct('kependudukkan')).toBe('kependudukan');
		expect(vocabulary.correct('kepndudkan')).toBe('kependudukan');
		expect(vocabulary.correct('sekolh')).toBe('sekolah');
		expect(vocabulary.correct('skolh')).toBeUndefined();
		expect(vocabulary.correct('zzzzzz')).toBeUndefined();
		expect(vocabulary.frequencyOf('pelayanan')).toBe(2);
	});
});
