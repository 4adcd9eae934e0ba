import { beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_AGENCIES } from '../central-agencies';
import { displayRegionName, regencyLevel } from '../region-names';
import { regionalGovernmentFor } from '../regional-agencies';
import { createAgencyResolver, FORMER_AGENCY_NAMES, type AgencyRecord, type AgencyResolver } from './agencies';

// The agencies table as syncReferenceData fills it.
let records: AgencyRecord[];
let agencies: AgencyResolver;

beforeAll(async () => {
	const area = await import('idn-area-data');
	const regions = [
		...(await area.getProvinces()).map((p) => ({ code: p.code, name: displayRegionName(p.name), level: 'provinsi' as const })),
		...(await area.getRegencies()).map((r) => ({ code: r.code, name: displayRegionName(r.name), level: regencyLevel(r.name) }))
	];
	records = [
		...CENTRAL_AGENCIES.map((a) => ({ ...a, aliases: a.aliases ?? [], regionCode: null, panrbId: null })),
		...regions.flatMap((r) => {
			const agency = regionalGovernmentFor(r);
			return agency ? [{ ...agency, panrbId: null }] : [];
		})
	];
	agencies = createAgencyResolver(records);
});

const id = (query: Parameters<AgencyResolver['resolve']>[0]) => {
	const result = agencies.resolve(query);
	return 'agencyId' in result ? result.agencyId : result.problem;
};

describe('createAgencyResolver: regional governments', () => {
	it.each([
		'Pemerintah Kabupaten Banyuwangi',
		'PEMERINTAH KABUPATEN BANYUWANGI',
		'Pemkab Banyuwangi',
		'PEMKAB BANYUWANGI',
		'Pemerintah Kab. Banyuwangi',
		'Pemerintah Kab Banyuwangi',
		'Kabupaten Banyuwangi',
		'Kab. Banyuwangi',
		'Pemda Kabupaten Banyuwangi',
		'Pemerintah Daerah Kabupaten Banyuwangi',
		'Banyuwangi',
		'  pemkab   banyuwangi '
	])('%s -> pemkab-35.10', (name) => expect(id({ name })).toBe('pemkab-35.10'));

	it.each([
		['Pemprov Jatim', 'pemprov-35'],
		['Pemerintah Provinsi Jawa Timur', 'pemprov-35'],
		['Provinsi Jawa Timur', 'pemprov-35'],
		['Pemprov Jateng', 'pemprov-33'],
		['Pemprov Jabar', 'pemprov-32'],
		['Pemprov DKI', 'pemprov-31'],
		['Pemprov DKI Jakarta', 'pemprov-31'],
		['Pemerintah Provinsi DKI Jakarta', 'pemprov-31'],
		['Pemprov DIY', 'pemprov-34'],
		['Pemerintah Provinsi D.I. Yogyakarta', 'pemprov-34'],
		['Pemerintah Daerah Istimewa Yogyakarta', 'pemprov-34'],
		['Pemprov Sumut', 'pemprov-12'],
		['Pemprov Sumbar', 'pemprov-13'],
		['Pemprov Sulsel', 'pemprov-73'],
		['Pemprov NTT', 'pemprov-53'],
		['Pemprov NTB', 'pemprov-52'],
		['Pemprov Kaltim', 'pemprov-64'],
		['Pemprov Kalbar', 'pemprov-61'],
		['Prov. Riau', 'pemprov-14'],
		['Pemkot Surabaya', 'pemkot-35.78'],
		['Kota Surabaya', 'pemkot-35.78'],
		['Pemerintah Kota Yogyakarta', 'pemkot-34.71'],
		['Pemkot Jakarta Selatan', 'pemkot-31.74'],
		['Kabupaten Toba Samosir', 'pemkab-12.12'],
		['Pemkab Toli-Toli', 'pemkab-72.04'],
		['Pemerintah Kabupaten Batang Hari', 'pemkab-15.04'],
		['Pemkab Sidrap', 'pemkab-73.14']
	])('%s -> %s', (name, expected) => expect(id({ name })).toBe(expected));

	it('says how it matched', () => {
		expect(agencies.resolve({ name: 'Pemerintah Kabupaten Banyuwangi' })).toEqual({ agencyId: 'pemkab-35.10', via: 'name' });
		expect(agencies.resolve({ name: 'Kab. Banyuwangi' })).toMatchObject({ via: 'alias' });
		expect(agencies.resolve({ name: 'Pemprov Jatim' })).toEqual({ agencyId: 'pemprov-35', via: 'region' });
		expect(agencies.resolve({ name: 'Banyuwangi' })).toEqual({ agencyId: 'pemkab-35.10', via: 'region' });
	});

	it('needs a level word, a kind or a region code to tell Kabupaten from Kota Bekasi', () => {
		const bare = agencies.resolve({ name: 'Bekasi' });
		expect(bare).toMatchObject({ problem: 'unresolved' });
		expect('suggestions' in bare && bare.suggestions.map((s) => s.agencyId).sort()).toEqual(['pemkab-32.16', 'pemkot-32.75']);
		expect(id({ name: 'Bekasi', kind: 'Pemerintah Kota' })).toBe('pemkot-32.75');
		expect(id({ name: 'Bekasi', kind: 'pemerintah_kabupaten' })).toBe('pemkab-32.16');
		expect(id({ name: 'Bekasi', regionCode: '3275' })).toBe('pemkot-32.75');
		expect(id({ name: 'Pekalongan', regionCode: '33.26' })).toBe('pemkab-33.26');
		expect(id({ name: 'Pemda Bekasi' })).toBe('unresolved');
	});

	it('derives the regional government from a region code when no name is given', () => {
		expect(agencies.resolve({ regionCode: '3510' })).toEqual({ agencyId: 'pemkab-35.10', via: 'region' });
		expect(agencies.resolve({ regionCode: '35' })).toEqual({ agencyId: 'pemprov-35', via: 'region' });
		expect(agencies.resolve({ regionCode: '35.10', kind: 'Pemerintah Kabupaten' })).toMatchObject({ agencyId: 'pemkab-35.10' });
		expect(agencies.resolve({ regionCode: '35.10', kind: 'Kementerian' })).toMatchObject({ problem: 'unresolved' });
		expect(agencies.resolve({ regionCode: '99.99' })).toMatchObject({ problem: 'unresolved' });
	});

	it('refuses a regional government outside the stated region', () => {
		const result = agencies.resolve({ name: 'Pemkab Banyuwangi', regionCode: '35.78' });
		expect(result).toMatchObject({ problem: 'unresolved', message: expect.stringContaining('tidak cocok dengan kode wilayah 35.78') });
		// A province's own government is fine for a record located in one of its kabupaten.
		expect(id({ name: 'Pemprov Jatim', regionCode: '35.10' })).toBe('pemprov-35');
		// Central agencies work everywhere.
		expect(id({ name: 'Kemenkes', regionCode: '35.10' })).toBe('kemenkes');
	});
});

describe('createAgencyResolver: central agencies', () => {
	it.each([
		['Kemenkes', 'kemenkes', 'abbreviation'],
		['KEMENKES', 'kemenkes', 'abbreviation'],
		['Kementerian Kesehatan', 'kemenkes', 'name'],
		['KEMENTERIAN KESEHATAN', 'kemenkes', 'name'],
		['Kementerian Kesehatan RI', 'kemenkes', 'name'],
		['Kementerian Kesehatan Republik Indonesia', 'kemenkes', 'name'],
		['Kementerian Kesehatan (Kemenkes)', 'kemenkes', 'name'],
		['Kementrian Kesehatan', 'kemenkes', 'name'],
		['Kemensos', 'kemensos', 'abbreviation'],
		['Kementerian Sosial', 'kemensos', 'name'],
		['Kemnaker', 'kemnaker', 'abbreviation'],
		['Kemenaker', 'kemnaker', 'alias'],
		['BPS', 'bps', 'abbreviation'],
		['Badan Pusat Statistik', 'bps', 'name'],
		['KemenPANRB', 'kemenpanrb', 'abbreviation'],
		['Kementerian PANRB', 'kemenpanrb', 'alias'],
		['Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi', 'kemenpanrb', 'name'],
		['Kominfo', 'komdigi', 'alias'],
		['Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi', 'kemendikdasmen', 'alias'],
		['Kementerian Pendidikan, Kebudayaan, Riset dan Teknologi', 'kemendikdasmen', 'alias'],
		['Kementerian Hukum dan Hak Asasi Manusia', 'kemenkum', 'alias'],
		['Kementerian PUPR', 'kemenpu', 'alias'],
		['Kementerian Pekerjaan Umum dan Perumahan Rakyat', 'kemenpu', 'alias'],
		['ATR/BPN', 'atr-bpn', 'abbreviation']
	])('%s -> %s via %s', (name, agencyId, via) => expect(agencies.resolve({ name })).toEqual({ agencyId, via }));

	it('points every former name at an existing agency', () => {
		const ids = new Set(records.map((r) => r.id));
		for (const former of FORMER_AGENCY_NAMES) expect(ids.has(former.agencyId), former.name).toBe(true);
	});
});

describe('createAgencyResolver: PANRB agency id', () => {
	it('prefers a known PANRB id, in any case and spacing', () => {
		const withIds = createAgencyResolver(records.map((r) => (r.id === 'pemkab-35.10' ? { ...r, panrbId: 'A-0531' } : r)));
		expect(withIds.resolve({ panrbId: 'A-0531' })).toEqual({ agencyId: 'pemkab-35.10', via: 'panrb-id' });
		expect(withIds.resolve({ panrbId: ' a-0531 ', name: 'Pemkab Banyuwangi' })).toEqual({ agencyId: 'pemkab-35.10', via: 'panrb-id' });
	});

	it('falls back to the name when the id is not known yet', () => {
		expect(agencies.resolve({ panrbId: 'A-0531', name: 'Pemkab Banyuwangi' })).toEqual({ agencyId: 'pemkab-35.10', via: 'name' });
		expect(agencies.resolve({ panrbId: 'A-0531' })).toEqual({
			problem: 'unresolved',
			message: 'ID Instansi PANRB "A-0531" belum dikenal dan nama instansi kosong.',
			suggestions: []
		});
	});
});

describe('createAgencyResolver: unresolved', () => {
	it('reports a record with no agency at all', () => {
		expect(agencies.resolve({})).toEqual({
			problem: 'unresolved',
			message: 'Instansi tidak dapat dikenali: nama instansi dan ID Instansi PANRB kosong.',
			suggestions: []
		});
		expect(agencies.resolve({ name: '  ', panrbId: '', kind: '' })).toMatchObject({ problem: 'unresolved' });
	});

	it('suggests the three nearest agencies by trigram similarity', () => {
		const result = agencies.resolve({ name: 'Kementerian Keshatan' });
		expect(result).toMatchObject({ problem: 'unresolved', message: expect.stringContaining('"Kementerian Keshatan" tidak dikenali') });
		if (!('suggestions' in result)) throw new Error('expected suggestions');
		expect(result.suggestions).toHaveLength(3);
		expect(result.suggestions[0]).toMatchObject({ agencyId: 'kemenkes', name: 'Kementerian Kesehatan' });
		const scores = result.suggestions.map((s) => s.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(scores.every((s) => s > 0 && s < 1)).toBe(true);
	});

	it('suggests the regional government for a unit named after its region', () => {
		const result = agencies.resolve({ name: 'Dinas Kesehatan Kabupaten Banyuwangi' });
		expect(result).toMatchObject({ problem: 'unresolved' });
		expect('suggestions' in result && result.suggestions[0]?.agencyId).toBe('pemkab-35.10');
	});

	it('does not take a region name that is no region for an agency', () => {
		expect(id({ name: 'Pemkab Atlantis' })).toBe('unresolved');
		expect(id({ name: 'Kabupaten Mataram' })).toBe('unresolved');
	});
});

describe('createAgencyResolver on a small table', () => {
	const small: AgencyRecord[] = [
		{ id: 'a', name: 'Badan Satu', kind: 'lembaga', abbreviation: 'BS', aliases: ['Lembaga Satu'], regionCode: null, panrbId: null },
		{ id: 'b', name: 'Badan Dua', kind: 'lembaga', abbreviation: 'BS', aliases: [], regionCode: null, panrbId: null }
	];
	const resolver = createAgencyResolver(small);

	it('refuses an abbreviation two agencies share, naming both', () => {
		const result = resolver.resolve({ name: 'BS' });
		expect(result).toMatchObject({ problem: 'unresolved', message: expect.stringContaining('lebih dari satu instansi') });
		expect('suggestions' in result && result.suggestions.map((s) => s.agencyId).sort()).toEqual(['a', 'b']);
	});

	it('ranks a name above an alias of another agency', () => {
		const ranked = createAgencyResolver([...small, { ...small[1]!, id: 'c', name: 'Lembaga Satu', abbreviation: null }]);
		expect(ranked.resolve({ name: 'Lembaga Satu' })).toEqual({ agencyId: 'c', via: 'name' });
	});

	it('ignores former names of agencies it does not have', () => {
		expect(resolver.resolve({ name: 'Kementerian Pendidikan dan Kebudayaan' })).toMatchObject({ problem: 'unresolved' });
	});
});
