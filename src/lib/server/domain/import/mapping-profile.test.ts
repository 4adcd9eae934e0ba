import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	applyMappingProfile,
	DEFAULT_MAPPING_PROFILES,
	headerKey,
	mapRow,
	mappingProfileSchema,
	type MappingProfile
} from './mapping-profile';

const PROFILES = path.resolve(import.meta.dirname, 'profiles');

// The contract's columns (docs/source-formats.md), so a profile that drops one fails here.
const CONTRACT_HEADERS = {
	panrb: [
		'ID Inovasi', 'Judul Inovasi', 'ID Instansi PANRB', 'Instansi', 'Jenis Instansi',
		'Unit Penyelenggara Pelayanan', 'Provinsi', 'Tahun Kompetisi', 'Kelompok', 'Kategori', 'Predikat',
		'SDGs', 'Tanggal Mulai Implementasi', 'Ringkasan', 'Latar Belakang dan Tujuan', 'Kebaruan',
		'Implementasi', 'Signifikansi', 'Adaptabilitas', 'Sumber Daya', 'Strategi Keberlanjutan',
		'Status Keberlanjutan', 'Tautan Video', 'Email Kontak', 'Telepon Kontak'
	],
	kemendagri: [
		'ID', 'Tahun Pelaporan', 'Kode Pemda', 'Nama Pemda', 'Perangkat Daerah', 'Nama Inovasi',
		'Tahapan Inovasi', 'Inisiator Inovasi', 'Nama Inisiator', 'Jenis Inovasi', 'Bentuk Inovasi',
		'Tematik', 'Urusan Utama', 'Urusan Lain', 'Waktu Uji Coba', 'Waktu Penerapan', 'Rancang Bangun',
		'Tujuan', 'Manfaat', 'Hasil Inovasi', 'Skor Kematangan'
	],
	lan: [
		'id', 'judul_inovasi', 'tahun', 'inovator', 'unit_kerja', 'instansi_nama', 'agency_id_panrb',
		'id_kabkot', 'kabkot_nama', 'provinsi_nama', 'tahap_5d', 'deskripsi', 'id_sdgs', 'sdgs_nama', 'updated_at'
	]
} as const;

describe('default profiles', () => {
	it.each(['panrb', 'kemendagri', 'lan'] as const)('%s.json parses and covers every contract column', (source) => {
		const json: unknown = JSON.parse(readFileSync(path.join(PROFILES, `${source}.json`), 'utf8'));
		const result = mappingProfileSchema.safeParse(json);
		expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
		const profile = result.data!;
		expect(profile.source).toBe(source);
		expect(Object.keys(profile.columns)).toEqual([...CONTRACT_HEADERS[source]]);
		expect(DEFAULT_MAPPING_PROFILES[source]).toEqual(profile);
	});

	it('requires the external id and the title in every source', () => {
		for (const profile of Object.values(DEFAULT_MAPPING_PROFILES)) {
			const required = Object.values(profile.columns).filter((column) => column.required).map((column) => column.field);
			expect(required.sort()).toEqual(['externalId', 'title']);
		}
	});
});

describe('mappingProfileSchema', () => {
	const base = { source: 'panrb', version: 1, columns: { 'ID Inovasi': { field: 'externalId', required: true } } };

	it.each([
		['an unknown source', { ...base, source: 'bps' }],
		['another version', { ...base, version: 2 }],
		['an unknown parser', { ...base, columns: { A: { field: 'a', parser: 'money' } } }],
		['a field name that is not camelCase', { ...base, columns: { A: { field: 'external_id' } } }],
		['a list without separator', { ...base, columns: { A: { field: 'a', parser: 'list' } } }],
		['two headers for one field', { ...base, columns: { A: { field: 'a' }, B: { field: 'a' } } }],
		['one header written twice', { ...base, columns: { A: { field: 'a' }, ' a ': { field: 'b' } } }],
		['an alias to no column', { ...base, headerAliases: { Judul: 'Judul Inovasi' } }],
		['an unknown key', { ...base, extra: true }]
	])('rejects %s', (_label, input) => {
		expect(mappingProfileSchema.safeParse(input).success).toBe(false);
	});
});

describe('applyMappingProfile', () => {
	const profile: MappingProfile = mappingProfileSchema.parse({
		source: 'panrb',
		version: 1,
		columns: {
			'ID Inovasi': { field: 'externalId', required: true },
			'Judul Inovasi': { field: 'title', required: true },
			SDGs: { field: 'sdgs', parser: 'list', separator: ';' },
			Provinsi: { field: 'provinceName' }
		},
		headerAliases: { 'Nama Inovasi': 'Judul Inovasi' }
	});

	it('matches headers ignoring case, BOM and surrounding white space', () => {
		const mapping = applyMappingProfile(profile, ['\uFEFFid inovasi', '  JUDUL   INOVASI ', 'sdgs']);
		expect(mapping.columns).toEqual([
			{ header: '\uFEFFid inovasi', sourceHeader: 'ID Inovasi', field: 'externalId', required: true, parser: 'text' },
			{ header: '  JUDUL   INOVASI ', sourceHeader: 'Judul Inovasi', field: 'title', required: true, parser: 'text' },
			{ header: 'sdgs', sourceHeader: 'SDGs', field: 'sdgs', required: false, parser: 'list', separator: ';' }
		]);
		expect(mapping.unknownColumns).toEqual([]);
		expect(mapping.missingRequired).toEqual([]);
		expect(mapping.error).toBeNull();
	});

	it('reports unknown columns and follows header aliases', () => {
		const mapping = applyMappingProfile(profile, ['ID Inovasi', 'nama inovasi', 'Catatan']);
		expect(mapping.columns.map((column) => [column.header, column.field])).toEqual([
			['ID Inovasi', 'externalId'],
			['nama inovasi', 'title']
		]);
		expect(mapping.unknownColumns).toEqual(['Catatan']);
	});

	it('names every missing required column in Indonesian', () => {
		const mapping = applyMappingProfile(profile, ['Provinsi']);
		expect(mapping.missingRequired).toEqual(['ID Inovasi', 'Judul Inovasi']);
		expect(mapping.error).toBe('Kolom wajib tidak ada: ID Inovasi, Judul Inovasi');
	});

	it('uses the first of two headers for one column and reports the other', () => {
		const mapping = applyMappingProfile(profile, ['ID Inovasi', 'Judul Inovasi', 'Nama Inovasi']);
		expect(mapping.columns.find((column) => column.field === 'title')?.header).toBe('Judul Inovasi');
		expect(mapping.duplicateColumns).toEqual(['Nama Inovasi']);
	});

	it('headerKey normalises as documented', () => {
		expect(headerKey('\uFEFF  Tahun\tKompetisi ')).toBe('tahun kompetisi');
	});
});

describe('mapRow', () => {
	const profile = DEFAULT_MAPPING_PROFILES.kemendagri;

	it('keeps the raw row and gives every profile field as text or null', () => {
		const row = { ID: 79808, 'Nama Inovasi': 'SI PINTAR', 'Skor Kematangan': '72,5', 'Kode Pemda': '  ', Catatan: 'x' };
		const mapped = mapRow(profile, row);
		expect(mapped.raw).toBe(row);
		expect(mapped.fields).toMatchObject({
			externalId: '79808',
			title: 'SI PINTAR',
			maturityScore: '72,5',
			regionCode: null,
			regionName: null
		});
		expect(Object.keys(mapped.fields)).toHaveLength(Object.keys(profile.columns).length);
		expect(mapped.fields).not.toHaveProperty('Catatan');
	});

	it('writes a date cell without time as a plain date and keeps the time otherwise', () => {
		const row = {
			ID: '1',
			'Waktu Uji Coba': new Date(Date.UTC(2019, 10, 30)),
			'Waktu Penerapan': new Date(Date.UTC(2020, 3, 30, 8, 15))
		};
		expect(mapRow(profile, row).fields).toMatchObject({ trialOn: '2019-11-30', appliedOn: '2020-04-30T08:15:00.000Z' });
	});

	it('uses a mapping made from the file headers', () => {
		const mapping = applyMappingProfile(profile, [' nama inovasi ']);
		expect(mapRow(profile, { ' nama inovasi ': 'Judul' }, mapping).fields.title).toBe('Judul');
	});

	it('gives each row its own fields, in profile order, whatever an earlier row got', () => {
		const first = mapRow(profile, { ID: '1', 'Nama Inovasi': 'Satu' }).fields;
		first.title = 'diubah';
		const second = mapRow(profile, { ID: '2' }).fields;
		expect(second).not.toBe(first);
		expect(second.title).toBeNull();
		expect(Object.keys(second)).toEqual(Object.values(profile.columns).map((column) => column.field));
		// A profile given other columns gets its own empty fields.
		const other = { ...profile, columns: { ID: { field: 'externalId' } } };
		expect(mapRow(other, { ID: '3' }).fields).toEqual({ externalId: '3' });
	});
});
