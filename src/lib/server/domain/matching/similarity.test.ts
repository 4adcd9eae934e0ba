import { describe, expect, it } from 'vitest';
import {
	contentWords,
	dice,
	editDistance,
	extractNumbers,
	foldNarrative,
	foldText,
	fuzzyTokenOverlap,
	hashWord,
	jaccard,
	narrativeFeatures,
	narrativeSimilarity,
	tokenSetOverlap,
	tokensMatch,
	trigramDice,
	trigramJaccard
} from './similarity';

describe('string similarity', () => {
	it('folds case, accents and punctuation', () => {
		expect(foldText('  SI-PINTAR: Layanan  Écrit! ')).toBe('si pintar layanan ecrit');
	});

	it('computes Jaccard and Dice on sets', () => {
		const a = new Set(['a', 'b', 'c']);
		const b = new Set(['b', 'c', 'd']);
		expect(jaccard(a, b)).toBeCloseTo(0.5);
		expect(dice(a, b)).toBeCloseTo(2 / 3);
		expect(jaccard(new Set(), new Set())).toBe(0);
	});

	it('scores trigram similarity higher for spelling variants than for other words', () => {
		expect(trigramJaccard('Si Pintar', 'SI-PINTAR')).toBe(1);
		expect(trigramDice('pembayaran', 'pembayoran')).toBeGreaterThan(0.5);
		expect(trigramDice('pembayaran', 'perizinan')).toBeLessThan(0.3);
	});

	it('counts edits with swaps as one, and stops at the cutoff', () => {
		expect(editDistance('pencari', 'pencari')).toBe(0);
		expect(editDistance('pencari', 'pencrai')).toBe(1);
		expect(editDistance('pendaftaran', 'pendftaran')).toBe(1);
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('kitten', 'sitting', 1)).toBe(2);
		expect(editDistance('a', 'abcdef', 2)).toBe(3);
	});

	it('matches tokens with one typo only when they are long enough', () => {
		expect(tokensMatch('sederhana', 'sdeerhana')).toBe(true);
		expect(tokensMatch('pbb', 'pbc')).toBe(false);
		expect(tokensMatch('kerja', 'kerjasama')).toBe(false);
	});

	it('measures token overlap against the longer list, one partner per token', () => {
		expect(fuzzyTokenOverlap(['gerakan', 'online', 'layanan', 'pencrai', 'kerja'], ['gerakan', 'online', 'layanan', 'penwari', 'kerja'])).toBe(0.8);
		expect(fuzzyTokenOverlap(['a', 'a'], ['a', 'b'])).toBe(0.5);
		expect(fuzzyTokenOverlap([], ['a'])).toBe(0);
		expect(tokenSetOverlap(['pbb', 'lunas'], ['pbb', 'lunas', 'desa'])).toBe(1);
	});
});

describe('narrative similarity', () => {
	it('extracts figures in Indonesian notation and leaves out years', () => {
		expect([...extractNumbers('Dari 56,3% menjadi 69,2% bagi 1.320 warga sejak 2021, anggaran Rp 525 juta, tim 7 orang')].sort()).toEqual(
			['1320', '525', '56.3', '69.2', '7'].sort()
		);
	});

	it('drops stop words and short words from content words', () => {
		expect([...contentWords('Inovasi ini untuk warga di desa', new Set(['ini', 'untuk']))]).toEqual(['inovasi', 'warga', 'desa']);
	});

	it('rates paraphrases with the same figures far above another innovation on the same topic', () => {
		const original =
			'Realisasi penerimaan PBB-P2 naik dari 56,3% menjadi 69,2%. Layanan menjangkau 1.320 wajib pajak dengan anggaran Rp 525 juta.';
		const paraphrase = 'Sebanyak 1.320 wajib pajak terlayani; realisasi PBB-P2 berubah dari 56,3% ke 69,2%, biaya Rp 525 juta per tahun.';
		const other = 'Realisasi penerimaan PBB-P2 naik dari 41,0% menjadi 48,5%. Layanan menjangkau 870 wajib pajak dengan anggaran Rp 210 juta.';
		const same = narrativeSimilarity(original, paraphrase);
		const different = narrativeSimilarity(original, other);
		expect(same.sharedFigures).toEqual(['56.3', '69.2', '525', '1320']);
		expect(same.score).toBeGreaterThan(0.8);
		expect(different.sharedFigures).toEqual([]);
		expect(different.score).toBeLessThan(0.5);
	});

	it('ignores small whole numbers as evidence', () => {
		expect(narrativeSimilarity('tim 3 orang di 2 desa', 'ada 3 loket dan 2 petugas').sharedFigures).toEqual([]);
	});
});

describe('withinOneEdit', () => {
	it('agrees with the edit distance at cutoff 1', async () => {
		const { editDistance, withinOneEdit } = await import('./similarity');
		const words = ['pencari', 'pencrai', 'pencar', 'pencarii', 'xencari', 'pencarx', 'sederhana', 'sdeerhana', 'sederahna', 'abcd', 'abdc', 'bacd', 'abc', 'abcde', 'ab', ''];
		for (const a of words) for (const b of words) expect(withinOneEdit(a, b), `${a} ${b}`).toBe(editDistance(a, b, 1) <= 1);
	});
});

/** The implementations before the hand-written scans: the scans must not change any result. */
const before = {
	foldText(value: string): string {
		return value
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, ' ')
			.trim();
	},
	extractNumbers(text: string): Set<string> {
		const figures = new Set<string>();
		for (const match of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
			const raw = match[0];
			let canonical: string;
			if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) canonical = raw.replace(/\./g, '');
			else if (/^\d+,\d+$/.test(raw)) canonical = raw.replace(',', '.');
			else if (/^\d{1,3}(?:,\d{3})+$/.test(raw)) canonical = raw.replace(/,/g, '');
			else canonical = raw;
			const value = Number(canonical);
			if (!Number.isFinite(value)) continue;
			if (/^(19|20)\d\d$/.test(canonical)) continue;
			figures.add(String(value));
		}
		return figures;
	},
	words(folded: string, stopWords: ReadonlySet<string>): number[] {
		const stop = new Set([...stopWords].map(hashWord));
		const words = folded.split(' ').filter((word) => word.length >= 3 && !/^\d+$/.test(word));
		return [...new Set(words.map(hashWord).filter((hash) => !stop.has(hash)))].sort((x, y) => x - y);
	}
};

const TEXTS = [
	'',
	' ',
	'---',
	'a',
	'Ab',
	' Toli-Toli, Sulawesi_Tengah (2020): 56,3%! ',
	'UPPER lower 123 4567 ~`!@#$%^&*()[]{};:\'",.<>/?\\|',
	'Café Écrit naïve ﬁ ² 👍🏽 家',
	'Dari 56,3% menjadi 69,2% bagi 1.320 warga sejak 2021, anggaran Rp 525 juta, tim 7 orang',
	'1.2.3 1,2,3 1,234,567 12.345.678 1.23 0,5 .5 5. 5, 1999 2000 2099 2100 1899 19,5 20.00 007 0',
	'angka 99999999999999999999999999 dan ' + '9'.repeat(400) + ' serta 3.' + '1'.repeat(30),
	'akhir 12,', 'akhir 12.5.', '12', '1900', '1,000', '1.000,50', 'tahun2020an 2020a a2020',
	'\tbaris\r\nbaru\n\nlagi\u00A0dan\u2003lagi',
	'yang dan di untuk pada dengan ini itu yang yang Yang'
];

describe('hand-written scans give what the regex versions give', () => {
	const stopWords = new Set(['yang', 'dan', 'untuk', 'dengan', 'ini']);
	it.each(TEXTS)('%j', (text) => {
		expect(foldText(text)).toBe(before.foldText(text));
		expect([...extractNumbers(text)]).toEqual([...before.extractNumbers(text)]);
		const features = narrativeFeatures(text, stopWords);
		expect(features.words).toBeInstanceOf(Uint32Array);
		expect([...features.words]).toEqual(before.words(foldText(text), stopWords));
		const both = foldNarrative(text, stopWords);
		expect(both.folded).toBe(foldText(text));
		expect(both.narrative.figures).toEqual(features.figures);
		expect([...both.narrative.words]).toEqual([...features.words]);
	});

	it('keeps working when a long narrative follows short ones (scratch space grows)', () => {
		const long = Array.from({ length: 5000 }, (_, i) => `kata${i} ${i * 7}`).join(' ');
		expect(foldText(long)).toBe(before.foldText(long));
		expect([...narrativeFeatures(long, stopWords).words]).toEqual(before.words(foldText(long), stopWords));
		expect([...narrativeFeatures('kata pendek lagi', stopWords).words]).toEqual(before.words('kata pendek lagi', stopWords));
		expect(foldNarrative(long, stopWords).folded).toBe(before.foldText(long));
		expect([...foldNarrative(long, stopWords).narrative.words]).toEqual(before.words(foldText(long), stopWords));
		expect(foldNarrative('kata pendek lagi', stopWords).folded).toBe('kata pendek lagi');
	});

	it('leaves out stop words by hash', () => {
		expect([...narrativeFeatures('alpha beta gamma', new Set(['beta'])).words]).toEqual([hashWord('alpha'), hashWord('gamma')].sort((x, y) => x - y));
	});
});
