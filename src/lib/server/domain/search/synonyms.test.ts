import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';
import { SynonymTable } from './synonyms';
import { Vocabulary } from './typo';

const synonyms = new SynonymTable([
	{ term: 'KTP', expansion: 'Kartu Tanda Penduduk' },
	{ term: 'PTSP', expansion: 'Pelayanan Terpadu Satu Pintu' }
]);
const vocabulary = new Vocabulary();
for (const word of ['keliling', 'kartu', 'tanda', 'penduduk', 'pelayanan', 'sekolah', 'ibu']) vocabulary.add(word);
const known = new Set(['keliling', 'kartu', 'tanda', 'duduk', 'layan', 'sekolah', 'ibu', 'padu', 'satu', 'pintu']);
const parse = (q: string) => parseQuery(q, { hasStem: (s) => known.has(s), vocabulary, synonyms });

describe('query parsing', () => {
	it('expands abbreviations both ways', () => {
		const ktp = parse('ktp keliling');
		expect(ktp.clauses.map((c) => c.alternatives.map((a) => a.stems.join(' ')))).toEqual([['ktp', 'kartu tanda duduk'], ['keliling']]);
		const long = parse('kartu tanda penduduk');
		expect(long.clauses).toHaveLength(1);
		expect(long.clauses[0]!.alternatives.map((a) => a.stems.join(' '))).toEqual(['kartu tanda duduk', 'ktp']);
	});

	it('corrects unknown words and reports the corrected query', () => {
		const parsed = parse('pelayanam ktp');
		expect(parsed.corrected).toBe('pelayanan ktp');
		expect(parsed.clauses[0]!.alternatives[0]!.stems).toEqual(['layan']);
		expect(parse('sekolah ibu').corrected).toBeNull();
	});

	it('drops function words but keeps content words, and builds the acronym key', () => {
		const parsed = parse('sekolah untuk ibu');
		expect(parsed.clauses.map((c) => c.text)).toEqual(['sekolah', 'ibu']);
		expect(parse('si perut laper').acronymKey).toBe('siperutlaper');
		expect(parse('dan').clauses).toHaveLength(1);
	});

	it('matches a query span that is an expansion missing its last word, and never widens to a part', () => {
		const table = new SynonymTable([
			{ term: 'KTP', expansion: 'Kartu Tanda Penduduk Elektronik' },
			{ term: 'Akta', expansion: 'Akta Kelahiran' }
		]);
		const p = (q: string) => parseQuery(q, { hasStem: (s) => known.has(s) || s === 'akta' || s === 'lahir', vocabulary, synonyms: table });
		const ktp = p('kartu tanda penduduk');
		expect(ktp.clauses).toHaveLength(1);
		expect(ktp.clauses[0]!.alternatives.map((a) => a.stems.join(' '))).toEqual(['kartu tanda duduk', 'ktp']);
		// "akta kelahiran" must not also match every "akta" (Akta = Akta Kelahiran).
		expect(p('akta kelahiran').clauses.flatMap((c) => c.alternatives.filter((a) => a.stems.length === 1).map((a) => a.stems[0]))).toEqual(['akta', 'lahir']);
		expect(p('akta kelahiran').clauses).toHaveLength(2);
		expect(p('akta').clauses[0]!.alternatives.map((a) => a.stems.join(' '))).toEqual(['akta', 'akta lahir']);
	});

	it('joins words typed apart and keeps compounds whole', () => {
		const p = (q: string) => parseQuery(q, { hasStem: (s) => known.has(s) || s === 'whatsapp' || s === 'ktp', vocabulary, synonyms });
		expect(p('pengaduan whats app').clauses.map((c) => c.text)).toEqual(['pengaduan', 'whatsapp']);
		expect(p('e-ktp').clauses.map((c) => c.text)).toEqual(['ktp']);
		expect(p('pendaftaran on line').clauses.map((c) => c.text)).toEqual(['pendaftaran', 'daring']);
		expect(p('sekolah ibu kota').clauses.map((c) => c.text)).toEqual(['sekolah', 'ibukota']);
	});
});
