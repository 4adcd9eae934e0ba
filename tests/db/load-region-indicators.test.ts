import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/server/errors';
import { loadRegionIndicators } from '../../src/lib/server/services/load-region-indicators';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const INDICATOR_DIR = path.resolve(import.meta.dirname, '../../../shared/data/indikator');
const KABKOTA = readFileSync(path.join(INDICATOR_DIR, 'indikator_kabkota.csv'), 'utf8');
const PROVINSI = readFileSync(path.join(INDICATOR_DIR, 'indikator_provinsi.csv'), 'utf8');

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

async function characteristicsCount(): Promise<number> {
	const row = await database.db
		.selectFrom('region_characteristics')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The error a call fails with, to compare its message and details exactly. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

describe('loadRegionIndicators', () => {
	// Runs first: the refusals must leave an empty table empty.
	it('refuses a file missing required columns, naming them, and writes nothing', async () => {
		const lines = KABKOTA.split('\n');
		const header = lines[0]!.split(',');
		const drop = new Set([header.indexOf('luas_km2'), header.indexOf('ipm_2024')]);
		const broken = lines.map((line) => line.split(',').filter((_, i) => !drop.has(i)).join(',')).join('\n');
		const error = await failure(
			loadRegionIndicators(database.db, [
				{ name: 'indikator_provinsi.csv', content: PROVINSI },
				{ name: 'indikator_kabkota.csv', content: broken }
			])
		);
		expect(error.code).toBe('VALIDATION_FAILED');
		expect(error.message).toBe(
			'Berkas indikator_kabkota.csv tidak memiliki kolom wajib: luas_km2, ipm_2024. Tidak ada data yang disimpan.'
		);
		expect(await characteristicsCount()).toBe(0);
	});

	it('refuses a file with bad values, naming line and column, and writes nothing', async () => {
		const lines = PROVINSI.split('\n');
		lines[3] = lines[3]!.replace('13,Sumatera Barat,42107.674,', '13,Sumatera Barat,42.107.674,').replace(',12,7,219,', ',12,7.5,219,');
		const error = await failure(
			loadRegionIndicators(database.db, [
				{ name: 'indikator_kabkota.csv', content: KABKOTA },
				{ name: 'indikator_provinsi.csv', content: lines.join('\n') }
			])
		);
		expect(error.message).toBe(
			[
				'Berkas indikator_provinsi.csv berisi data yang tidak valid. Tidak ada data yang disimpan.',
				'  - baris 4, kolom luas_km2: harus berupa angka, bukan "42.107.674"',
				'  - baris 4, kolom jumlah_kota: harus bilangan bulat'
			].join('\n')
		);
		expect(error.details).toEqual([
			{ path: 'indikator_provinsi.csv:4:luas_km2', message: 'baris 4, kolom luas_km2: harus berupa angka, bukan "42.107.674"' },
			{ path: 'indikator_provinsi.csv:4:jumlah_kota', message: 'baris 4, kolom jumlah_kota: harus bilangan bulat' }
		]);
		expect(await characteristicsCount()).toBe(0);
	});

	it('refuses a code that appears twice', async () => {
		const lines = PROVINSI.split('\n');
		const error = await failure(
			loadRegionIndicators(database.db, [
				{ name: 'indikator_provinsi.csv', content: [lines[0], lines[1], lines[2], lines[1]].join('\n') }
			])
		);
		expect(error.message).toBe(
			[
				'Berkas indikator_provinsi.csv berisi data yang tidak valid. Tidak ada data yang disimpan.',
				'  - indikator_provinsi.csv baris 4: kode 11 sudah ada di indikator_provinsi.csv baris 2'
			].join('\n')
		);
		expect(await characteristicsCount()).toBe(0);
	});

	it('refuses a folder without indicator files', async () => {
		const error = await failure(loadRegionIndicators(database.db, import.meta.dirname));
		expect(error.message).toBe(
			`Folder ${import.meta.dirname} tidak berisi indikator_kabkota.csv maupun indikator_provinsi.csv.`
		);
	});

	it('loads the 514 kabupaten/kota and 38 provinces of the published files from their folder', async () => {
		const progress: Array<[number, number]> = [];
		const outcome = await loadRegionIndicators(database.db, INDICATOR_DIR, (done, total) =>
			progress.push([done, total])
		);
		expect(outcome).toEqual({
			files: [
				{ name: 'indikator_kabkota.csv', kind: 'kabkota', rows: 514, loaded: 514, unknownCodes: [] },
				{ name: 'indikator_provinsi.csv', kind: 'provinsi', rows: 38, loaded: 38, unknownCodes: [] }
			],
			loaded: 552,
			unknown: 0
		});
		expect(progress[0]).toEqual([0, 552]);
		expect(progress.at(-1)).toEqual([552, 552]);
		expect(await characteristicsCount()).toBe(552);

		const ngada = await database.db
			.selectFrom('region_characteristics')
			.selectAll()
			.where('region_code', '=', '53.09')
			.executeTakeFirstOrThrow();
		const ngadaLine = KABKOTA.split('\n').find((line) => line.startsWith('53.09,'))!.split(',');
		expect(ngada.area_km2).toBe(Number(ngadaLine[5]));
		expect(ngada.population_total).toBe(Number(ngadaLine[8]));
		expect(ngada.hdi_2024).toBe(Number(ngadaLine[19]));
		expect(ngada.regency_count).toBeNull();
		expect(ngada.source).toBe('Kemendagri/BIG (luas, penduduk) dan BPS (IPM, P0)');

		const jatim = await database.db
			.selectFrom('region_characteristics')
			.select(['regency_count', 'city_count', 'district_count'])
			.where('region_code', '=', '35')
			.executeTakeFirstOrThrow();
		expect(jatim).toEqual({ regency_count: 29, city_count: 9, district_count: null });
	});

	it('skips and reports unknown codes, updating known ones in place', async () => {
		const lines = PROVINSI.split('\n');
		const header = lines[0]!;
		const aceh = lines.find((line) => line.startsWith('11,'))!.replace(',73.4,', ',73.5,');
		const unknown = aceh.replace(/^11,Aceh,/, '99,Provinsi Khayalan,');
		const outcome = await loadRegionIndicators(database.db, [
			{ name: 'indikator_provinsi.csv', content: [header, aceh, unknown].join('\r\n') }
		]);
		expect(outcome).toEqual({
			files: [{ name: 'indikator_provinsi.csv', kind: 'provinsi', rows: 2, loaded: 1, unknownCodes: ['99'] }],
			loaded: 1,
			unknown: 1
		});
		const row = await database.db
			.selectFrom('region_characteristics')
			.select('hdi_2023')
			.where('region_code', '=', '11')
			.executeTakeFirstOrThrow();
		expect(row.hdi_2023).toBe(73.5);
		expect(await characteristicsCount()).toBe(552);
	});
});
