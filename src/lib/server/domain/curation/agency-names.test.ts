import { describe, expect, it } from 'vitest';
import { agencyNameKey, createAgencySuggester, withAlias, writtenAgencyOf } from './agency-names';

const agencies = [
	{ id: 'pemkab-53.09', name: 'Pemerintah Kabupaten Ngada', kind: 'pemerintah_kabupaten' as const, abbreviation: null, aliases: ['Pemkab Ngada'] },
	{ id: 'pemkab-53.10', name: 'Pemerintah Kabupaten Manggarai', kind: 'pemerintah_kabupaten' as const, abbreviation: null, aliases: [] },
	{ id: 'pemkab-11.15', name: 'Pemerintah Kabupaten Nagan Raya', kind: 'pemerintah_kabupaten' as const, abbreviation: null, aliases: [] },
	{ id: 'pemkot-53.71', name: 'Pemerintah Kota Kupang', kind: 'pemerintah_kota' as const, abbreviation: null, aliases: [] },
	{ id: 'kemenkes', name: 'Kementerian Kesehatan', kind: 'kementerian' as const, abbreviation: 'Kemenkes', aliases: [] },
	{ id: 'kemenkeu', name: 'Kementerian Keuangan', kind: 'kementerian' as const, abbreviation: 'Kemenkeu', aliases: [] }
];

describe('agency suggestions', () => {
	const suggest = createAgencySuggester(agencies);

	it('puts the agency whose distinctive words are nearest first', () => {
		expect(suggest('Pemkab Ngada')[0]).toMatchObject({ agencyId: 'pemkab-53.09', score: 1 });
		expect(suggest('Pemkab Ngadha')[0]?.agencyId).toBe('pemkab-53.09');
		expect(suggest('PEMERINTAH KAB. NGADHA')[0]?.agencyId).toBe('pemkab-53.09');
		expect(suggest('Kementrian Kesehatn')[0]?.agencyId).toBe('kemenkes');
		expect(suggest('Kemenkes RI')[0]?.agencyId).toBe('kemenkes');
	});

	it('gives at most the number asked for, best first', () => {
		const list = suggest('Pemkab Ngadha', 3);
		expect(list).toHaveLength(3);
		expect(list.map((s) => s.score)).toEqual([...list.map((s) => s.score)].sort((a, b) => b - a));
		expect(suggest('', 3)).toEqual([]);
	});
});

describe('names as written', () => {
	it('reads the agency a row names through the default profile', () => {
		expect(writtenAgencyOf('lan', { id: 4, instansi_nama: ' Pemkab  Ngadha ', id_kabkot: null })).toEqual({ name: 'Pemkab Ngadha', panrbId: null, regionCode: null });
		expect(writtenAgencyOf('panrb', { 'ID Inovasi': 'X', Instansi: 'Dinas Entah', 'ID Instansi PANRB': 'A-9' })).toMatchObject({ name: 'Dinas Entah', panrbId: 'A-9' });
		// Kemendagri rows name their regional government by its region.
		expect(writtenAgencyOf('kemendagri', { 'Nama Pemda': 'Kabupaten Entah' }).name).toBe('Kabupaten Entah');
	});

	it('groups spellings that differ in case, spaces and short forms', () => {
		expect(agencyNameKey('Pemkab Ngadha')).toBe(agencyNameKey('PEMERINTAH KAB. NGADHA'));
		expect(agencyNameKey('Pemkab Ngadha')).not.toBe(agencyNameKey('Pemkab Ngada'));
	});

	it('adds an alias only when no name of the agency reads the same', () => {
		expect(withAlias(agencies[0]!, 'Pemkab Ngadha')).toEqual({ aliases: ['Pemkab Ngada', 'Pemkab Ngadha'], added: true });
		expect(withAlias(agencies[0]!, 'PEMKAB NGADA')).toEqual({ aliases: ['Pemkab Ngada'], added: false });
	});
});
