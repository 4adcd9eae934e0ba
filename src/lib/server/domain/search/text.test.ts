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

	it('finds the same words with the ASCII fast path as with the general one', () => {
		// The general path runs for any text with a non-ASCII character; the é adds one at the end.
		const texts = ['Anak-anak SI-PERUT laper, 2023 (KTP)', ' a  b ', `${'x'.repeat(41)} ok`, 'RT/RW 05/02: e-KTP'];
		for (const text of texts) {
			const general = words(`${text} é`).slice(0, -1);
			expect(words(text)).toEqual(general);
		}
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
