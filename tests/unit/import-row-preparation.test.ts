import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRegionResolver } from '../../src/lib/server/domain/normalise/regions';
import { applyMappingProfile, DEFAULT_MAPPING_PROFILES } from '../../src/lib/server/domain/import/mapping-profile';
import type { NormaliseResolvers } from '../../src/lib/server/domain/import/normalise-source-record';
import {
	buildResolvers,
	createAgencyResolverFromRows,
	prepareRow,
	rawDocument,
	type ResolverAgency,
	type ResolverRegion
} from '../../src/lib/server/services/import-row-preparation';

describe('rawDocument', () => {
	it('gives the checksum stored since the first import (sorted [key, value] pairs) and the row as JSON', () => {
		const values = { Judul: 'SIDAKEP "baru"', ID: 'SNV-1', Tanggal: new Date('2024-03-01T00:00:00Z'), Skor: 3.5, Kosong: null };
		const { raw, json, checksum } = rawDocument(values);
		const expectedRaw = { Judul: 'SIDAKEP "baru"', ID: 'SNV-1', Tanggal: '2024-03-01T00:00:00.000Z', Skor: 3.5, Kosong: null };
		expect(raw).toEqual(expectedRaw);
		expect(JSON.parse(json)).toEqual(expectedRaw);
		const ordered = Object.keys(expectedRaw)
			.sort()
			.map((key) => [key, expectedRaw[key as keyof typeof expectedRaw]]);
		expect(checksum).toBe(createHash('sha256').update(JSON.stringify(ordered)).digest('hex'));
		// Key order does not matter: a re-read file with its columns moved compares equal.
		expect(rawDocument({ Kosong: null, Skor: 3.5, Tanggal: values.Tanggal, ID: 'SNV-1', Judul: 'SIDAKEP "baru"' }).checksum).toBe(checksum);
	});
});

describe('rawDocument over rows with other keys', () => {
	it('sorts each row by its own keys (the sorted keys of the previous row are reused only when they are the same)', () => {
		const rows: Record<string, string | null>[] = [
			{ b: '1', a: '2' },
			{ b: '3', a: '4' },
			{ a: '5', b: '6' },
			{ b: '7', a: '8', c: '9' },
			{ b: '7', a: '8', d: '9' },
			{},
			{ z: null }
		];
		for (const values of rows) {
			const keys = Object.keys(values).sort();
			expect(rawDocument(values).json).toBe(JSON.stringify(Object.fromEntries(keys.map((key) => [key, values[key]]))));
			expect(rawDocument(values).checksum).toBe(createHash('sha256').update(JSON.stringify(keys.map((key) => [key, values[key]]))).digest('hex'));
		}
	});
});

describe('prepareRow', () => {
	it('gives a rejected row its raw values as rawDocument does', () => {
		const profile = DEFAULT_MAPPING_PROFILES.kemendagri;
		const values = { ID: '', 'Nama Inovasi': 'SI PINTAR', 'Waktu Uji Coba': new Date('2019-11-30T00:00:00Z'), 'Skor Kematangan': 72.5, Kosong: null };
		const mapping = applyMappingProfile(profile, Object.keys(values));
		const row = prepareRow({ rowNumber: 7, values }, { source: 'kemendagri', profile }, mapping, {} as NormaliseResolvers, new Set(), 'key');
		expect(row).toEqual({
			ok: false,
			rowNumber: 7,
			externalId: null,
			raw: rawDocument(values).raw,
			reasons: [{ category: 'missing-id', field: 'externalId', message: 'ID rekaman sumber kosong.' }]
		});
		expect(Object.keys((row as { raw: object }).raw)).toEqual(['ID', 'Kosong', 'Nama Inovasi', 'Skor Kematangan', 'Waktu Uji Coba']);
	});
});

describe('buildResolvers', () => {
	const regions: ResolverRegion[] = [
		{ code: '35', name: 'Jawa Timur', level: 'provinsi', parent_code: null },
		{ code: '35.10', name: 'Kabupaten Banyuwangi', level: 'kabupaten', parent_code: '35' },
		{ code: '35.78', name: 'Kota Surabaya', level: 'kota', parent_code: '35' },
		{ code: '32.16', name: 'Kabupaten Bekasi', level: 'kabupaten', parent_code: '32' },
		{ code: '32.75', name: 'Kota Bekasi', level: 'kota', parent_code: '32' },
		{ code: '32', name: 'Jawa Barat', level: 'provinsi', parent_code: null }
	];
	const agencies: ResolverAgency[] = [
		{ id: 'pemkab-banyuwangi', name: 'Pemerintah Kabupaten Banyuwangi', kind: 'pemerintah_kabupaten', abbreviation: null, aliases: [], region_code: '35.10', panrb_id: 'A-1' },
		{ id: 'pemkot-bekasi', name: 'Pemerintah Kota Bekasi', kind: 'pemerintah_kota', abbreviation: null, aliases: [], region_code: '32.75', panrb_id: null },
		{ id: 'pemkab-bekasi', name: 'Pemerintah Kabupaten Bekasi', kind: 'pemerintah_kabupaten', abbreviation: null, aliases: [], region_code: '32.16', panrb_id: null },
		{ id: 'kemenkes', name: 'Kementerian Kesehatan', kind: 'kementerian', abbreviation: 'Kemenkes', aliases: [], region_code: null, panrb_id: 'A-9' }
	];

	it('resolves as the plain resolvers do, asked twice, whether a field is missing, null or empty', () => {
		const resolvers = buildResolvers(agencies, regions);
		const plainAgencies = createAgencyResolverFromRows(agencies);
		const plainRegions = createRegionResolver(regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code })));
		const agencyQueries = [
			{ name: 'Pemkab Banyuwangi' },
			{ name: 'Pemkab Banyuwangi', regionCode: null },
			{ name: 'Pemkab Banyuwangi', regionCode: '32.75' },
			{ name: 'Bekasi' },
			{ name: 'Bekasi', regionCode: '3275' },
			{ name: 'Bekasi', kind: 'Pemerintah Kabupaten' },
			{ panrbId: 'A-9' },
			{ panrbId: 'A-9', name: null, kind: undefined },
			{ panrbId: '', name: '' },
			{ name: 'Kemenkes' },
			{ name: 'Dinas Tak Dikenal' },
			{ regionCode: '35.10' },
			{ regionCode: '35.10', kind: 'kementerian' }
		];
		for (const query of [...agencyQueries, ...agencyQueries]) expect(resolvers.agencies.resolve(query)).toEqual(plainAgencies.resolve(query));
		const regionQueries = [
			{ code: '35.10' },
			{ code: 3510 },
			{ code: '3510', name: 'Banyuwangi' },
			{ code: '35.10', name: 'Surabaya' },
			{ name: 'Bekasi' },
			{ name: 'Kota Bekasi', provinceName: 'Jawa Barat' },
			{ provinceName: 'Jatim' },
			{ code: null, name: null, provinceName: null },
			{ code: '', name: '' },
			{}
		];
		for (const query of [...regionQueries, ...regionQueries]) expect(resolvers.regions.resolve(query)).toEqual(plainRegions.resolve(query));
	});
});
