/**
 * The normalisers against every value in the shared sample exports (/work/shared/samples):
 * each region and agency form must resolve to what truth.json says, each enumeration must map,
 * and exactly the rows truth.json rejects must produce the matching problem.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_AGENCIES } from '../central-agencies';
import { displayRegionName, regencyLevel } from '../region-names';
import { regionalGovernmentFor } from '../regional-agencies';
import { createAgencyResolver, type AgencyRecord, type AgencyResolver } from './agencies';
import { isParseProblem, parseDecimal, parseSourceDate } from './dates';
import { createRegionResolver, type RegionRecord, type RegionResolver } from './regions';
import { htmlToText } from './text';
import {
	mapAffair,
	mapAffairs,
	mapAgencyKind,
	mapDigital,
	mapForm,
	mapInitiator,
	mapKemendagriStage,
	mapKippGroup,
	mapKippLevel,
	mapLanStage,
	mapSdgs,
	mapSustainabilityStatus,
	mapTheme
} from './vocabulary-mapping';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../../../shared/samples');
const read = (file: string) => readFileSync(path.join(SAMPLES, file), 'utf8');

type Row = Record<string, string>;
interface Concept {
	agency: string;
	agencyId: string;
	regionCode: string | null;
	stage: string;
	digital: boolean;
}
interface Truth {
	clusters: { source: string; externalId: string }[][];
	rejected: { source: string; externalId: string; reason: string }[];
	concepts: Concept[];
}
interface LanRecord {
	id: number;
	instansi_nama: string | null;
	agency_id_panrb: string | null;
	id_kabkot: string | null;
	kabkot_nama: string | null;
	provinsi_nama: string | null;
	tahap_5d: string;
	deskripsi: string;
	id_sdgs: number;
	sdgs_nama: string;
	updated_at: string;
}

const truth = JSON.parse(read('truth.json')) as Truth;
const panrb = parse(read('panrb.csv'), { columns: true, bom: true }) as Row[];
const kemendagri = parse(read('kemendagri.csv'), { columns: true, bom: true, delimiter: ';' }) as Row[];
const lan = JSON.parse(read('lan.json')) as LanRecord[];

const conceptOf = new Map<string, Concept>();
truth.clusters.forEach((members, index) => {
	for (const m of members) conceptOf.set(`${m.source}:${m.externalId}`, truth.concepts[index]!);
});
const rejection = (source: string, id: string) =>
	truth.rejected.find((r) => r.source === source && r.externalId === id)?.reason ?? null;

// Central agencies as truth.json names them -> ids in central-agencies.ts.
const CENTRAL_IDS: Record<string, string> = {
	'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi': 'kemenpanrb',
	'Badan Pusat Statistik': 'bps',
	'Kementerian Sosial': 'kemensos',
	'Kementerian Keuangan': 'kemenkeu',
	'Kementerian Ketenagakerjaan': 'kemnaker',
	'Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi': 'kemendikdasmen'
};

function expectedAgencyId(concept: Concept): string {
	if (!concept.regionCode) {
		const id = CENTRAL_IDS[concept.agency];
		if (!id) throw new Error(`no central id for ${concept.agency}`);
		return id;
	}
	if (!concept.regionCode.includes('.')) return `pemprov-${concept.regionCode}`;
	return Number(concept.regionCode.slice(3)) >= 71 ? `pemkot-${concept.regionCode}` : `pemkab-${concept.regionCode}`;
}

let regions: RegionResolver;
let agencyRecords: AgencyRecord[];

beforeAll(async () => {
	const area = await import('idn-area-data');
	const records: RegionRecord[] = [
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
	agencyRecords = [
		...CENTRAL_AGENCIES.map((a) => ({ ...a, aliases: a.aliases ?? [], regionCode: null, panrbId: null })),
		...records.flatMap((r) => {
			const agency = regionalGovernmentFor(r);
			return agency ? [{ ...agency, panrbId: null }] : [];
		})
	];
});

describe('sample files', () => {
	it('hold the record counts the README states', () => {
		expect([panrb.length, kemendagri.length, lan.length]).toEqual([42, 32, 21]);
	});
});

describe('PANRB sample', () => {
	let agencies: AgencyResolver;
	beforeAll(() => {
		agencies = createAgencyResolver(agencyRecords);
	});

	it('resolves every agency by name, and rejects only the row truth.json rejects as no-agency', () => {
		for (const row of panrb) {
			const id = row['ID Inovasi']!;
			const result = agencies.resolve({ name: row['Instansi'], kind: row['Jenis Instansi'] });
			if (rejection('panrb', id) === 'no-agency') {
				expect(result, id).toMatchObject({ problem: 'unresolved' });
				continue;
			}
			expect(result, `${id} ${row['Instansi']}`).toMatchObject({ agencyId: expectedAgencyId(conceptOf.get(`panrb:${id}`)!) });
		}
		expect(truth.rejected.filter((r) => r.source === 'panrb').map((r) => r.reason)).toEqual(['no-agency']);
	});

	it('names the province each regional agency lies in', () => {
		for (const row of panrb) {
			const concept = conceptOf.get(`panrb:${row['ID Inovasi']}`);
			if (!concept?.regionCode) {
				expect(row['Provinsi']).toBe('');
				continue;
			}
			expect(regions.resolve({ provinceName: row['Provinsi'] }), row['Provinsi']).toEqual({
				code: concept.regionCode.slice(0, 2)
			});
		}
	});

	it('maps every enumeration and date', () => {
		for (const row of panrb) {
			if (rejection('panrb', row['ID Inovasi']!)) continue;
			for (const result of [
				mapAgencyKind(row['Jenis Instansi']),
				mapKippGroup(row['Kelompok']),
				mapKippLevel(row['Predikat']),
				mapSdgs(row['SDGs']),
				mapSustainabilityStatus(row['Status Keberlanjutan'])
			]) {
				expect(result, row['ID Inovasi']).toHaveProperty('value');
			}
			const sdgs = mapSdgs(row['SDGs']);
			expect('value' in sdgs && sdgs.value.length).toBeGreaterThan(0);
			const date = parseSourceDate(row['Tanggal Mulai Implementasi']);
			expect(date, row['Tanggal Mulai Implementasi']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
	});

	it('reads the same dates from the XLSX date cells as from the CSV text', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(path.join(SAMPLES, 'panrb.xlsx'));
		const sheet = workbook.getWorksheet('Inovasi')!;
		const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
		const idColumn = header.indexOf('ID Inovasi');
		const dateColumn = header.indexOf('Tanggal Mulai Implementasi');
		const csvDates = new Map(panrb.map((r) => [r['ID Inovasi'], parseSourceDate(r['Tanggal Mulai Implementasi'])]));
		let compared = 0;
		sheet.eachRow((row, number) => {
			if (number === 1) return;
			const cell = row.getCell(dateColumn).value;
			const parsed = parseSourceDate(cell, { excelSerial: true });
			expect(parsed).toBe(csvDates.get(String(row.getCell(idColumn).value)));
			compared++;
		});
		expect(compared).toBe(42);
	});
});

describe('Kemendagri sample', () => {
	let agencies: AgencyResolver;
	beforeAll(() => {
		agencies = createAgencyResolver(agencyRecords);
	});

	it('resolves every Kode Pemda / Nama Pemda to the region and government truth.json names', () => {
		for (const row of kemendagri) {
			const id = row['ID']!;
			const concept = conceptOf.get(`kemendagri:${id}`);
			const region = regions.resolve({ code: row['Kode Pemda'], name: row['Nama Pemda'] });
			if (!concept) {
				// The rejected row still names a valid region; it fails on its enumeration.
				expect(rejection('kemendagri', id)).toBe('unknown-enum');
				continue;
			}
			expect(region, `${id} ${row['Kode Pemda']} ${row['Nama Pemda']}`).toEqual({ code: concept.regionCode });
			const agency = agencies.resolve({ name: row['Nama Pemda'], regionCode: concept.regionCode });
			expect(agency, row['Nama Pemda']).toMatchObject({ agencyId: expectedAgencyId(concept) });
		}
	});

	it('resolves the rows without Kode Pemda from the name alone', () => {
		const nameOnly = kemendagri.filter((r) => r['Kode Pemda'] === '');
		expect(nameOnly.length).toBeGreaterThan(0);
		for (const row of nameOnly) {
			expect(regions.resolve({ name: row['Nama Pemda'] })).toEqual({ code: conceptOf.get(`kemendagri:${row['ID']}`)!.regionCode });
		}
	});

	it('maps every enumeration; only the rejected row has an unknown Jenis Inovasi', () => {
		for (const row of kemendagri) {
			const id = row['ID']!;
			const digital = mapDigital(row['Jenis Inovasi']);
			if (rejection('kemendagri', id) === 'unknown-enum') {
				expect(digital).toMatchObject({ problem: 'unknown-enum' });
				if ('message' in digital) expect(digital.message).toContain(row['Jenis Inovasi']);
				continue;
			}
			const concept = conceptOf.get(`kemendagri:${id}`)!;
			expect(digital).toEqual({ value: concept.digital });
			expect(
				mapKemendagriStage(row['Tahapan Inovasi'], { hasRegulationEvidence: concept.stage === 'pelembagaan' })
			).toEqual({ value: concept.stage });
			for (const result of [
				mapInitiator(row['Inisiator Inovasi']),
				mapForm(row['Bentuk Inovasi']),
				mapTheme(row['Tematik']),
				mapAffair(row['Urusan Utama']),
				mapAffairs(row['Urusan Lain'])
			]) {
				expect(result, id).toHaveProperty('value');
			}
			expect(mapAffair(row['Urusan Utama'])).not.toEqual({ value: null });
			for (const column of ['Waktu Uji Coba', 'Waktu Penerapan']) {
				const date = parseSourceDate(row[column]);
				expect(isParseProblem(date), `${id} ${column} ${row[column]}`).toBe(false);
				if (row[column]) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			}
			const score = parseDecimal(row['Skor Kematangan']);
			expect(typeof score).toBe('number');
		}
		expect(truth.rejected.filter((r) => r.source === 'kemendagri').map((r) => r.reason)).toEqual(['unknown-enum']);
	});

	it('reads decimal-comma scores', () => {
		const scores = new Map(kemendagri.map((r) => [r['ID'], parseDecimal(r['Skor Kematangan'])]));
		expect(scores.get('469957')).toBe(49.5);
		expect(scores.get('79808')).toBe(46);
	});
});

describe('LAN sample', () => {
	it('resolves every region, with or without id_kabkot', () => {
		for (const record of lan) {
			const concept = conceptOf.get(`lan:${record.id}`)!;
			const region = regions.resolve({ code: record.id_kabkot, name: record.kabkot_nama, provinceName: record.provinsi_nama });
			if (concept.regionCode === null) expect(region, String(record.id)).toBeNull();
			else expect(region, `${record.id} ${record.kabkot_nama}`).toEqual({ code: concept.regionCode });
		}
	});

	it('resolves every agency by name, and by PANRB id once the ids are known', () => {
		const byName = createAgencyResolver(agencyRecords);
		for (const record of lan) {
			const concept = conceptOf.get(`lan:${record.id}`)!;
			const expected = expectedAgencyId(concept);
			expect(byName.resolve({ name: record.instansi_nama, regionCode: concept.regionCode }), record.instansi_nama ?? '').toMatchObject({
				agencyId: expected
			});
		}
		// What an importer learns from PANRB rows: truth.json's PANRB agency id per agency.
		const panrbIds = new Map(truth.concepts.map((c) => [expectedAgencyId(c), c.agencyId]));
		const withIds = createAgencyResolver(agencyRecords.map((a) => ({ ...a, panrbId: panrbIds.get(a.id) ?? null })));
		let viaId = 0;
		for (const record of lan) {
			const result = withIds.resolve({ panrbId: record.agency_id_panrb, name: record.instansi_nama });
			expect(result).toMatchObject({ agencyId: expectedAgencyId(conceptOf.get(`lan:${record.id}`)!) });
			if (record.agency_id_panrb) {
				expect(result).toMatchObject({ via: 'panrb-id' });
				viaId++;
			}
		}
		expect(viaId).toBeGreaterThan(0);
	});

	it('maps stages, SDGs and dates, and reduces the HTML description to text', () => {
		for (const record of lan) {
			const concept = conceptOf.get(`lan:${record.id}`)!;
			const stage = mapLanStage(record.tahap_5d);
			expect('value' in stage && stage.value === 'penciptaan').toBe(concept.stage === 'penciptaan');
			expect(mapSdgs(record.id_sdgs)).toEqual({ value: [record.id_sdgs] });
			expect(mapSdgs(record.sdgs_nama)).toEqual({ value: [record.id_sdgs] });
			expect(parseSourceDate(record.updated_at)).toBe(record.updated_at.slice(0, 10));
			const text = htmlToText(record.deskripsi);
			expect(text).not.toMatch(/[<>]/);
			expect(text.length).toBeGreaterThan(50);
		}
	});
});
