import { describe, expect, it } from 'vitest';
import {
	detectIndicatorKind,
	INDICATOR_SOURCE,
	missingIndicatorColumns,
	parseIndicatorRow,
	requiredIndicatorColumns
} from './region-indicators';

const KABKOTA_HEADER =
	'kode,kode_provinsi,nama_provinsi,jenis,nama,luas_km2,penduduk_laki,penduduk_perempuan,penduduk_total,kepadatan_per_km2,jumlah_kecamatan,jumlah_kelurahan,jumlah_desa,jumlah_pulau,jumlah_pulau_berpenghuni,jumlah_pulau_ppkt,lat,lng,ipm_2023,ipm_2024,p0_2023,p0_2024'.split(
		','
	);
const PROVINSI_HEADER =
	'kode,nama,luas_km2,penduduk_laki,penduduk_perempuan,penduduk_total,kepadatan_per_km2,jumlah_kabupaten,jumlah_kota,jumlah_pulau,lat,lng,ipm_2023,ipm_2024,p0_2023,p0_2024'.split(
		','
	);

function record(header: string[], line: string): Record<string, string> {
	const cells = line.split(',');
	return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
}

// A real row of each published file.
const ACEH_SELATAN = record(
	KABKOTA_HEADER,
	'11.01,11,Aceh,kabupaten,Kabupaten Aceh Selatan,4174.211,120041,119588,239629,57.4,18,0,260,6,0,0,3.161854,97.436518,68.44,69.1,12.1,12.02'
);
const ACEH = record(
	PROVINSI_HEADER,
	'11,Aceh,56835.019,2815060,2808419,5623479,98.9,18,5,369,4.225729,96.911874,73.4,74.03,14.45,14.23'
);

describe('parseIndicatorRow', () => {
	it('maps a kabupaten/kota row onto region_characteristics columns', () => {
		expect(parseIndicatorRow('kabkota', ACEH_SELATAN)).toEqual({
			ok: true,
			value: {
				region_code: '11.01',
				area_km2: 4174.211,
				population_male: 120041,
				population_female: 119588,
				population_total: 239629,
				density_per_km2: 57.4,
				district_count: 18,
				kelurahan_count: 0,
				desa_count: 260,
				regency_count: null,
				city_count: null,
				island_count: 6,
				inhabited_island_count: 0,
				outermost_island_count: 0,
				latitude: 3.161854,
				longitude: 97.436518,
				hdi_2023: 68.44,
				hdi_2024: 69.1,
				poverty_rate_2023: 12.1,
				poverty_rate_2024: 12.02,
				source: 'Kemendagri/BIG (luas, penduduk) dan BPS (IPM, P0)'
			}
		});
	});

	it('maps a province row, with regency and city counts and no desa counts', () => {
		const result = parseIndicatorRow('provinsi', ACEH);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value).toMatchObject({
			region_code: '11',
			area_km2: 56835.019,
			population_total: 5623479,
			regency_count: 18,
			city_count: 5,
			island_count: 369,
			district_count: null,
			desa_count: null,
			inhabited_island_count: null,
			hdi_2024: 74.03,
			poverty_rate_2023: 14.45,
			source: INDICATOR_SOURCE
		});
	});

	it('reads an empty cell as unknown (null), as P0 2023 of the new Papua provinces', () => {
		const result = parseIndicatorRow('provinsi', { ...ACEH, kode: '92', p0_2023: '' });
		expect(result.ok && result.value.poverty_rate_2023).toBeNull();
	});

	it('accepts a code written without dots', () => {
		const result = parseIndicatorRow('kabkota', { ...ACEH_SELATAN, kode: '1101' });
		expect(result.ok && result.value.region_code).toBe('11.01');
	});

	it('names every bad cell of a row', () => {
		expect(
			parseIndicatorRow('kabkota', {
				...ACEH_SELATAN,
				luas_km2: '4.174,2',
				jumlah_desa: '260.5',
				ipm_2024: '169.1',
				lat: '97.4'
			})
		).toEqual({
			ok: false,
			problems: [
				{ column: 'luas_km2', message: 'harus berupa angka, bukan "4.174,2"' },
				{ column: 'jumlah_desa', message: 'harus bilangan bulat' },
				{ column: 'lat', message: 'maksimal 7' },
				{ column: 'ipm_2024', message: 'maksimal 100' }
			]
		});
	});

	it('refuses a code of the wrong level or an empty code', () => {
		expect(parseIndicatorRow('kabkota', { ...ACEH_SELATAN, kode: '11' })).toEqual({
			ok: false,
			problems: [{ column: 'kode', message: 'kode wilayah "11" tidak sah untuk kabupaten/kota (PP.KK)' }]
		});
		expect(parseIndicatorRow('provinsi', { ...ACEH, kode: ' ' })).toEqual({
			ok: false,
			problems: [{ column: 'kode', message: 'kode wilayah kosong' }]
		});
	});

	it('refuses negative counts', () => {
		const result = parseIndicatorRow('kabkota', { ...ACEH_SELATAN, penduduk_total: '-5' });
		expect(result).toEqual({ ok: false, problems: [{ column: 'penduduk_total', message: 'minimal 0' }] });
	});
});

describe('required columns and file kind', () => {
	it('the published headers have every required column', () => {
		expect(missingIndicatorColumns('kabkota', KABKOTA_HEADER)).toEqual([]);
		expect(missingIndicatorColumns('provinsi', PROVINSI_HEADER)).toEqual([]);
	});

	it('lists missing columns in file order, ignoring case, spaces and a BOM', () => {
		const header = KABKOTA_HEADER.filter((c) => c !== 'luas_km2' && c !== 'p0_2024').map((c) =>
			c === 'kode' ? '\uFEFF KODE ' : c
		);
		expect(missingIndicatorColumns('kabkota', header)).toEqual(['luas_km2', 'p0_2024']);
		expect(requiredIndicatorColumns('provinsi')).not.toContain('jumlah_kecamatan');
	});

	it('tells the kind from the file name, else from the header', () => {
		expect(detectIndicatorKind('data/indikator_kabkota.csv', [])).toBe('kabkota');
		expect(detectIndicatorKind('INDIKATOR_PROVINSI.CSV', [])).toBe('provinsi');
		expect(detectIndicatorKind('wilayah.csv', KABKOTA_HEADER)).toBe('kabkota');
		expect(detectIndicatorKind('wilayah.csv', PROVINSI_HEADER)).toBe('provinsi');
		expect(detectIndicatorKind('wilayah.csv', ['kode', 'nama'])).toBeNull();
	});
});
