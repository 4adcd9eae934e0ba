import { describe, expect, it } from 'vitest';
import { FUNCTION_WORDS, foldCase, standardSpelling, wordList, words } from './text';

describe('search text', () => {
	it('folds case and diacritics, keeps offsets', () => {
		expect(foldCase('Pelayanan Café')).toBe('pelayanan cafe');
		expect(words('KTP  Keliling!')).toEqual([
			{ word: 'ktp', start: 0, end: 3 },
			{ word: 'keliling', start: 5, end: 13 }
		]);
		expect(wordList('SI-PERUT laper, 2023')).toEqual(['si', 'perut', 'laper', '2023']);
		expect(wordList('Ibu Désa')).toEqual(['ibu', 'desa']);
	});

	it('folds spelling variants to the standard form', () => {
		expect(['ijin', 'perijinan', 'diijinkan', 'akte', 'praktek', 'propinsi'].map(standardSpelling)).toEqual([
			'izin',
			'perizinan',
			'diizinkan',
			'akta',
			'praktik',
			'provinsi'
		]);
	});

	it('keeps content words out of the function words ("Sekolah Ibu")', () => {
		for (const word of ['sekolah', 'ibu', 'si', 'tahun', 'baru', 'umum']) expect(FUNCTION_WORDS.has(word)).toBe(false);
		expect(FUNCTION_WORDS.has('dan')).toBe(true);
	});
});
