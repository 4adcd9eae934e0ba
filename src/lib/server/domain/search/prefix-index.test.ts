import { describe, expect, it } from 'vitest';
import { matchesEveryPrefix, PrefixIndex, searchPrefixes, suggestionWords } from './prefix-index';

const TITLES = ['Pelayanan Dokumen Kependudukan', 'Posyandu Keliling', 'Pelayanan Pajak Daerah', 'Kependudukan Cepat'];

function build(titles: string[]): { index: PrefixIndex; words: string[][] } {
	const index = new PrefixIndex();
	const words = titles.map((t) => suggestionWords(t));
	words.forEach((w, ref) => index.add(ref, w));
	index.seal();
	return { index, words };
}

describe('PrefixIndex', () => {
	it('counts and lists the references whose words start with a prefix', () => {
		const { index } = build(TITLES);
		expect(index.count('pel')).toBe(2);
		expect(index.count('kependudukan')).toBe(2);
		expect(index.count('x')).toBe(0);
		expect([...index.refsWithPrefix('k')].sort()).toEqual([0, 1, 3]);
	});

	it('keeps references added after sealing (the delta) findable', () => {
		const { index } = build(TITLES);
		index.add(9, suggestionWords('Kartu Pelajar'));
		expect([...index.refsWithPrefix('pel')].sort()).toEqual([0, 2, 9]);
	});

	it('matches every word in any order, best score first, within the limit', () => {
		const { index, words } = build(TITLES);
		const score = (ref: number, q: readonly string[]) => (matchesEveryPrefix(words[ref]!, q) ? -ref : null);
		expect(searchPrefixes(index, ['kependudukan', 'pel'], { limit: 5, score }).refs).toEqual([0]);
		expect(searchPrefixes(index, ['pel'], { limit: 1, score }).refs).toEqual([0]);
		expect(searchPrefixes(index, [], { limit: 5, score }).refs).toEqual([]);
	});

	it('corrects a word nothing starts with and reports it', () => {
		const { index, words } = build(TITLES);
		const score = (ref: number, q: readonly string[]) => (matchesEveryPrefix(words[ref]!, q) ? 0 : null);
		const correct = (w: string) => (w === 'pelayanam' ? 'pelayanan' : undefined);
		expect(searchPrefixes(index, ['pelayanam', 'kep'], { limit: 5, score, correct })).toEqual({
			refs: [0],
			corrected: ['pelayanan', 'kep']
		});
	});

	it('lists each word’s references in the order they were added, words in code-unit order', () => {
		// Against sorting every (word, reference) pair by word, then by when it was added.
		let seed = 7;
		const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
		const vocabulary = Array.from({ length: 300 }, (_, i) => `${'abcdefgh'[random(8)]}${'aiueo'[random(5)]}${'klmnprst'[random(8)]}${i % 7 ? '' : 'é'}${random(40)}`);
		const index = new PrefixIndex();
		const pairs: { word: string; ref: number; at: number }[] = [];
		for (let ref = 0; ref < 2000; ref++) {
			const words = [...new Set(Array.from({ length: 1 + random(5) }, () => vocabulary[random(vocabulary.length)]!))];
			index.add(ref, words);
			for (const word of words) pairs.push({ word, ref, at: pairs.length });
		}
		index.seal();
		pairs.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : a.at - b.at));
		for (const prefix of ['', 'a', 'ba', 'ki', 'e', ...vocabulary.slice(0, 40)]) {
			const expected = pairs.filter((p) => p.word.startsWith(prefix)).map((p) => p.ref);
			expect([...index.refsWithPrefix(prefix)]).toEqual(expected);
			expect(index.count(prefix)).toBe(expected.length);
		}
	});
});
