import { beforeAll, describe, expect, it } from 'vitest';
import { bareRegionName, displayRegionName, regencyLevel } from '../region-names';
import {
	createRegionResolver,
	FORMER_REGION_NAMES,
	parseRegionName,
	PROVINCE_ALIASES,
	regionNameKey,
	type RegionRecord,
	type RegionResolver
} from './regions';

// Reference regions exactly as syncReferenceData stores them.
let records: RegionRecord[];
let regions: RegionResolver;

beforeAll(async () => {
	const area = await import('idn-area-data');
	records = [
		...(await area.getProvinces()).map((p) => ({
			code: p.code,
			name: displayRegionName(p.name),
			level: 'provinsi' as const,
			parentCode: null
		})),
		...(await area.getRegencies()).map((r) => ({
			code: r.code,
			name: displayRegionName(r.name),
			level: regencyLevel(r.name),
			parentCode: r.province_code
		}))
	];
	regions = createRegionResolver(records);
});

describe('parseRegionName', () => {
	it.each([
		['Kab. Ngada', 'kabupaten', 'Ngada'],
		['Kab.Ngada', 'kabupaten', 'Ngada'],
		['Kab Ngada', 'kabupaten', 'Ngada'],
		['KABUPATEN NGADA', 'kabupaten', 'NGADA'],
		['Pemkab Ngada', 'kabupaten', 'Ngada'],
		['Pemerintah Kabupaten Ngada', 'kabupaten', 'Ngada'],
		['Pemerintah Kab. Ngada', 'kabupaten', 'Ngada'],
		['Pemerintah Daerah Kabupaten Ngada', 'kabupaten', 'Ngada'],
		['Pemda Kab. Ngada', 'kabupaten', 'Ngada'],
		['Kota Surabaya', 'kota', 'Surabaya'],
		['Pemkot Surabaya', 'kota', 'Surabaya'],
		['Pemerintah Kota Surabaya', 'kota', 'Surabaya'],
		['Kota Adm. Jakarta Selatan', 'kota', 'Jakarta Selatan'],
		['Kota Administrasi Jakarta Barat', 'kota', 'Jakarta Barat'],
		['Kabupaten Administrasi Kepulauan Seribu', 'kabupaten', 'Kepulauan Seribu'],
		['Provinsi Jawa Timur', 'provinsi', 'Jawa Timur'],
		['Propinsi Jawa Timur', 'provinsi', 'Jawa Timur'],
		['Prov. Riau', 'provinsi', 'Riau'],
		['Pemprov Jatim', 'provinsi', 'Jatim'],
		['Pemerintah Provinsi Jawa Timur', 'provinsi', 'Jawa Timur'],
		['Pemda Ngada', null, 'Ngada'],
		['Pemerintah Daerah Istimewa Yogyakarta', null, 'Daerah Istimewa Yogyakarta'],
		['Pemerintah Daerah Daerah Istimewa Yogyakarta', null, 'Daerah Istimewa Yogyakarta'],
		['Ngada', null, 'Ngada'],
		['Kotabaru', null, 'Kotabaru'],
		['Kotamobagu', null, 'Kotamobagu']
	])('%s -> %s %s', (input, level, bare) => expect(parseRegionName(input)).toEqual({ level, bare }));
});

describe('regionNameKey', () => {
	it('ignores case, spacing, hyphens and the Kep. abbreviation', () => {
		expect(regionNameKey('Toli-Toli')).toBe(regionNameKey('TOLITOLI'));
		expect(regionNameKey('Kep. Sula')).toBe(regionNameKey('Kepulauan Sula'));
		expect(regionNameKey('Bau-Bau')).toBe(regionNameKey('Baubau'));
	});
});

describe('createRegionResolver on the Kemendagri reference', () => {
	it('has the 38 provinces and 514 kabupaten/kota', () => {
		expect(records.filter((r) => r.level === 'provinsi')).toHaveLength(38);
		expect(records.filter((r) => r.level !== 'provinsi')).toHaveLength(514);
	});

	it('resolves every region from its own name, its Kemendagri capitals and its code with or without dots', async () => {
		const area = await import('idn-area-data');
		const raw = new Map([...(await area.getProvinces()), ...(await area.getRegencies())].map((r) => [r.code, r.name]));
		for (const region of records) {
			const name = region.level === 'provinsi' ? `Provinsi ${region.name}` : region.name;
			expect(regions.resolve({ name }), name).toEqual({ code: region.code });
			const capitals = region.level === 'provinsi' ? `PROVINSI ${raw.get(region.code)}` : raw.get(region.code)!;
			expect(regions.resolve({ name: capitals }), capitals).toEqual({ code: region.code });
			expect(regions.resolve({ code: region.code })).toEqual({ code: region.code });
			expect(regions.resolve({ code: region.code.replace('.', '') })).toEqual({ code: region.code });
			expect(regions.resolve({ code: region.code.replace('.', ''), name })).toEqual({ code: region.code });
		}
	});

	it('resolves every government form of every kabupaten and kota', () => {
		for (const region of records.filter((r) => r.level !== 'provinsi')) {
			const bare = bareRegionName(region.name);
			const forms =
				region.level === 'kota'
					? [`Pemkot ${bare}`, `Pemerintah Kota ${bare}`, `KOTA ${bare.toUpperCase()}`, `kota ${bare.toLowerCase()}`]
					: [
							`Kab. ${bare}`,
							`Kab ${bare}`,
							`KABUPATEN ${bare.toUpperCase()}`,
							`Pemkab ${bare}`,
							`Pemerintah Kabupaten ${bare}`,
							`Pemerintah Kab. ${bare}`
						];
			for (const form of forms) expect(regions.resolve({ name: form }), form).toEqual({ code: region.code });
		}
	});

	it('resolves a bare name only when exactly one region carries it', () => {
		const count = new Map<string, number>();
		const key = (r: RegionRecord) => regionNameKey(bareRegionName(r.name));
		for (const r of records) count.set(key(r), (count.get(key(r)) ?? 0) + 1);
		let ambiguous = 0;
		for (const region of records.filter((r) => r.level !== 'provinsi')) {
			const bare = bareRegionName(region.name);
			const result = regions.resolve({ name: bare });
			if (count.get(key(region)) === 1 && bare !== 'Yogyakarta') expect(result, bare).toEqual({ code: region.code });
			else {
				expect(result, bare).toMatchObject({ problem: 'ambiguous' });
				ambiguous++;
			}
		}
		// 26 names shared by a kabupaten and a kota (Gorontalo is also a province), Kota Jambi and
		// Kota Bengkulu named like their province, and Kota Yogyakarta (province alias Yogyakarta).
		expect(ambiguous).toBe(26 * 2 + 2 + 1);
	});

	it.each([
		['Bekasi', ['32.16', '32.75']],
		['Pekalongan', ['33.26', '33.75']],
		['Banjar', ['32.79', '63.03']],
		['Gorontalo', ['75', '75.01', '75.71']],
		['Bengkulu', ['17', '17.71']],
		['Yogyakarta', ['34', '34.71']]
	])('calls bare %s ambiguous and lists the candidates', (name, codes) => {
		const result = regions.resolve({ name });
		expect(result).toMatchObject({ problem: 'ambiguous' });
		expect(result && 'candidates' in result && result.candidates?.map((c) => c.code)).toEqual(codes);
		expect(result && 'message' in result && result.message).toContain('Kabupaten", "Kota" atau "Provinsi"');
	});

	it('lets the level word, the code or the province settle an ambiguous name', () => {
		expect(regions.resolve({ name: 'Kota Bekasi' })).toEqual({ code: '32.75' });
		expect(regions.resolve({ name: 'Kab. Bekasi' })).toEqual({ code: '32.16' });
		expect(regions.resolve({ name: 'Bekasi', code: '3275' })).toEqual({ code: '32.75' });
		expect(regions.resolve({ name: 'Banjar', provinceName: 'Kalimantan Selatan' })).toEqual({ code: '63.03' });
		expect(regions.resolve({ name: 'Banjar', provinceName: 'Jawa Barat' })).toEqual({ code: '32.79' });
		expect(regions.resolve({ name: 'Provinsi Gorontalo' })).toEqual({ code: '75' });
		// Both Bekasi are in Jawa Barat: the province does not help.
		expect(regions.resolve({ name: 'Bekasi', provinceName: 'Jawa Barat' })).toMatchObject({ problem: 'ambiguous' });
	});

	it.each([
		['DKI', '31'],
		['DKI Jakarta', '31'],
		['Jakarta', '31'],
		['Provinsi DKI Jakarta', '31'],
		['Daerah Khusus Ibukota Jakarta', '31'],
		['Pemprov DKI', '31'],
		['D.I. Yogyakarta', '34'],
		['DI Yogyakarta', '34'],
		['DI. Yogyakarta', '34'],
		['Daerah Istimewa Yogyakarta', '34'],
		['DIY', '34'],
		['Provinsi Yogyakarta', '34'],
		['Kota Yogyakarta', '34.71'],
		['Jatim', '35'],
		['Pemprov Jatim', '35'],
		['Pemerintah Provinsi Jawa Timur', '35'],
		['Jateng', '33'],
		['Jabar', '32'],
		['Sumut', '12'],
		['Sumbar', '13'],
		['Sumsel', '16'],
		['Sulsel', '73'],
		['Sulut', '71'],
		['NTT', '53'],
		['NTB', '52'],
		['Kaltim', '64'],
		['Kalbar', '61'],
		['Kaltara', '65'],
		['Kepri', '21'],
		['Babel', '19'],
		['Kep. Bangka Belitung', '19'],
		['Malut', '82'],
		['NAD', '11'],
		['Nanggroe Aceh Darussalam', '11'],
		['Irian Jaya Barat', '92'],
		['Prov. Riau', '14'],
		['PROVINSI SUMATERA SELATAN', '16'],
		['NUSA TENGGARA TIMUR', '53']
	])('province form %s -> %s', (name, code) => expect(regions.resolve({ name })).toEqual({ code }));

	it.each([
		['Toli-Toli', '72.04'],
		['Kabupaten Tolitoli', '72.04'],
		['Kabupaten Batang Hari', '15.04'],
		['KABUPATEN BATANGHARI', '15.04'],
		['Kabupaten Batang', '33.25'],
		['Kota Bau-Bau', '74.72'],
		['Kota Baubau', '74.72'],
		['Kota Pangkalpinang', '19.71'],
		['Kabupaten Labuhan Batu', '12.10'],
		['Kab. Kep. Sula', '82.05'],
		['Kab. Kotabaru', '63.02'],
		['Kabupaten Kota Baru', '63.02'],
		['Kabupaten Mukomuko', '17.06'],
		['Kabupaten Tojo Una-Una', '72.09'],
		['Kota Jakarta Selatan', '31.74'],
		['Jakarta Selatan', '31.74'],
		['Kepulauan Seribu', '31.01'],
		['Kota Kotamobagu', '71.74']
	])('spelling variant %s -> %s', (name, code) => expect(regions.resolve({ name })).toEqual({ code }));

	it.each([
		['Kabupaten Toba Samosir', '12.12'],
		['Tobasa', '12.12'],
		['Kabupaten Pasir', '64.01'],
		['Kabupaten Polewali Mamasa', '76.04'],
		['Kabupaten Mamuju Utara', '76.01'],
		['Kabupaten Selayar', '73.01'],
		['Kabupaten Sawahlunto/Sijunjung', '13.03'],
		['Kabupaten Pangkajene Kepulauan', '73.10'],
		['Pangkep', '73.10'],
		['Kabupaten Sidenreng Rappang', '73.14'],
		['Sidrap', '73.14'],
		['Kabupaten Sitaro', '71.09'],
		['Tanjab Barat', '15.06'],
		['Tanjabtim', '15.07'],
		['Kota Padangsidimpuan', '12.77']
	])('former or short name %s -> %s', (name, code) => expect(regions.resolve({ name })).toEqual({ code }));

	it('keeps the former-name and province tables pointing at regions of the right level', () => {
		const byCode = new Map(records.map((r) => [r.code, r]));
		for (const former of FORMER_REGION_NAMES) expect(byCode.get(former.code)?.level, former.name).toBe(former.level);
		for (const code of Object.keys(PROVINCE_ALIASES)) expect(byCode.get(code)?.level, code).toBe('provinsi');
		// A former name must not shadow a current region's name.
		const current = new Set(records.map((r) => regionNameKey(bareRegionName(r.name))));
		for (const former of FORMER_REGION_NAMES) expect(current.has(regionNameKey(former.name)), former.name).toBe(false);
	});

	it('reports a code that contradicts the name as a conflict, never picking one', () => {
		const result = regions.resolve({ code: '3510', name: 'Kota Surabaya' });
		expect(result).toEqual({
			problem: 'region-conflict',
			message: 'Kode wilayah 35.10 adalah Kabupaten Banyuwangi, tetapi nama "Kota Surabaya" menunjuk Kota Surabaya (35.78).',
			candidates: [
				{ code: '35.10', name: 'Kabupaten Banyuwangi' },
				{ code: '35.78', name: 'Kota Surabaya' }
			]
		});
		expect(regions.resolve({ code: '32.16', name: 'Kota Bekasi' })).toMatchObject({ problem: 'region-conflict' });
		expect(regions.resolve({ code: '35', name: 'Kabupaten Banyuwangi' })).toMatchObject({ problem: 'region-conflict' });
		expect(regions.resolve({ code: '5309', name: 'Kabupaten Ngadaa' })).toMatchObject({
			problem: 'region-conflict',
			message: expect.stringContaining('tidak dikenali')
		});
	});

	it('reports a code outside the stated province as a conflict', () => {
		expect(regions.resolve({ code: '3510', provinceName: 'Jawa Tengah' })).toMatchObject({ problem: 'region-conflict' });
		expect(regions.resolve({ name: 'Kabupaten Banyuwangi', provinceName: 'Bali' })).toMatchObject({ problem: 'region-conflict' });
	});

	it('accepts the parent province for regions of provinces split since (older records)', () => {
		expect(regions.resolve({ name: 'Kabupaten Merauke', provinceName: 'Papua' })).toEqual({ code: '93.01' });
		expect(regions.resolve({ code: '9406', provinceName: 'Papua' })).toEqual({ code: '94.06' });
		expect(regions.resolve({ name: 'Kabupaten Nunukan', provinceName: 'Kalimantan Timur' })).toEqual({ code: '65.03' });
		expect(regions.resolve({ name: 'Kota Sorong', provinceName: 'Papua Barat' })).toEqual({ code: '96.71' });
		// Not the other way round.
		expect(regions.resolve({ name: 'Kabupaten Jayapura', provinceName: 'Papua Selatan' })).toMatchObject({
			problem: 'region-conflict'
		});
	});

	it('reports unknown names and codes, with candidates where there are any', () => {
		expect(regions.resolve({ name: 'Kabupaten Ngadaa' })).toMatchObject({
			problem: 'unknown-region',
			candidates: expect.arrayContaining([{ code: '53.09', name: 'Kabupaten Ngada' }])
		});
		expect(regions.resolve({ name: 'Kabupaten Mataram' })).toEqual({
			problem: 'unknown-region',
			message: 'Nama wilayah "Kabupaten Mataram" tidak cocok dengan wilayah Kemendagri mana pun. Mungkin maksudnya: Kota Mataram (52.71).',
			candidates: [{ code: '52.71', name: 'Kota Mataram' }]
		});
		expect(regions.resolve({ name: 'Atlantis' })).toMatchObject({ problem: 'unknown-region' });
		expect(regions.resolve({ code: '9999' })).toEqual({ problem: 'unknown-region', message: 'Kode wilayah 99.99 tidak terdaftar di Kemendagri.' });
		expect(regions.resolve({ code: '35.1' })).toMatchObject({ problem: 'unknown-region', message: expect.stringContaining('tidak valid') });
		expect(regions.resolve({ code: 'abc', name: 'Kota Surabaya' })).toMatchObject({ problem: 'unknown-region' });
		expect(regions.resolve({ provinceName: 'Provinsi Atlantis' })).toMatchObject({ problem: 'unknown-region' });
	});

	it('takes a code alone, or a province alone', () => {
		expect(regions.resolve({ code: 5309 })).toEqual({ code: '53.09' });
		expect(regions.resolve({ code: ' 53.09 ' })).toEqual({ code: '53.09' });
		expect(regions.resolve({ provinceName: 'DI Yogyakarta' })).toEqual({ code: '34' });
	});

	it('gives null when nothing names a region', () => {
		expect(regions.resolve({})).toBeNull();
		expect(regions.resolve({ code: null, name: '  ', provinceName: null })).toBeNull();
	});
});

describe('createRegionResolver on its own input', () => {
	const small: RegionRecord[] = [
		{ code: '53', name: 'Nusa Tenggara Timur', level: 'provinsi', parentCode: null },
		{ code: '53.09', name: 'Kabupaten Ngada', level: 'kabupaten', parentCode: '53' },
		{ code: '53.09.01', name: 'Bajawa', level: 'kecamatan', parentCode: '53.09' }
	];
	const resolver = createRegionResolver(small);

	it('uses only the regions it was given', () => {
		expect(resolver.resolve({ name: 'Ngada' })).toEqual({ code: '53.09' });
		expect(resolver.resolve({ name: 'NTT' })).toEqual({ code: '53' });
		// Aliases and former names of regions it does not know are ignored.
		expect(resolver.resolve({ name: 'Jatim' })).toMatchObject({ problem: 'unknown-region' });
		expect(resolver.resolve({ name: 'Toba Samosir' })).toMatchObject({ problem: 'unknown-region' });
	});

	it('knows kecamatan by code but not by name', () => {
		expect(resolver.resolve({ code: '530901' })).toEqual({ code: '53.09.01' });
		expect(resolver.resolve({ name: 'Bajawa' })).toMatchObject({ problem: 'unknown-region' });
		expect(resolver.byCode('53.09')?.name).toBe('Kabupaten Ngada');
	});
});
