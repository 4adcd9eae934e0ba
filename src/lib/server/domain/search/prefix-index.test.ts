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
});
