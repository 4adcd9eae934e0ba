import { z } from 'zod';
import { normaliseRegionCode } from './region-names';

/**
 * Region indicators (area, population, counts, IPM, P0) as published in
 * `indikator_kabkota.csv` and `indikator_provinsi.csv`, mapped onto the columns of
 * region_characteristics. Pure: the service reads and parses the files, this module says
 * which columns a file must have and what each row becomes.
 */

export type IndicatorKind = 'kabkota' | 'provinsi';

export const INDICATOR_FILE_NAMES: Record<IndicatorKind, string> = {
	kabkota: 'indikator_kabkota.csv',
	provinsi: 'indikator_provinsi.csv'
};

export const INDICATOR_SOURCE = 'Kemendagri/BIG (luas, penduduk) dan BPS (IPM, P0)';

/** The characteristics of one region, in region_characteristics' own column names. */
export interface RegionIndicators {
	region_code: string;
	area_km2: number | null;
	population_male: number | null;
	population_female: number | null;
	population_total: number | null;
	density_per_km2: number | null;
	district_count: number | null;
	kelurahan_count: number | null;
	desa_count: number | null;
	regency_count: number | null;
	city_count: number | null;
	island_count: number | null;
	inhabited_island_count: number | null;
	outermost_island_count: number | null;
	latitude: number | null;
	longitude: number | null;
	hdi_2023: number | null;
	hdi_2024: number | null;
	poverty_rate_2023: number | null;
	poverty_rate_2024: number | null;
	source: string;
}

type MeasureColumn = Exclude<keyof RegionIndicators, 'region_code' | 'source'>;

/** A numeric CSV cell: empty means unknown (null); anything else must be a number in range. */
function numberCell(options: { int?: boolean; min?: number; max?: number }) {
	return z.string().transform((raw, ctx) => {
		const text = raw.trim();
		if (text === '') return null;
		const value = Number(text);
		const fail = (message: string) => {
			ctx.addIssue({ code: 'custom', message });
			return z.NEVER;
		};
		if (!Number.isFinite(value)) return fail(`harus berupa angka, bukan "${text}"`);
		if (options.int && !Number.isInteger(value)) return fail('harus bilangan bulat');
		if (options.min !== undefined && value < options.min) return fail(`minimal ${options.min}`);
		if (options.max !== undefined && value > options.max) return fail(`maksimal ${options.max}`);
		return value;
	});
}

const count = numberCell({ int: true, min: 0 });
const positive = numberCell({ min: 0 });
const percent = numberCell({ min: 0, max: 100 });
// Indonesia lies within about 6°N..11°S and 95°E..141°E; a margin catches swapped columns.
const latitude = numberCell({ min: -12, max: 7 });
const longitude = numberCell({ min: 94, max: 142 });

type CellSchema = z.ZodType<number | null, string>;

/** CSV column -> [region_characteristics column, cell schema], per file kind. */
const COLUMN_MAPS = {
	kabkota: {
		luas_km2: ['area_km2', positive],
		penduduk_laki: ['population_male', count],
		penduduk_perempuan: ['population_female', count],
		penduduk_total: ['population_total', count],
		kepadatan_per_km2: ['density_per_km2', positive],
		jumlah_kecamatan: ['district_count', count],
		jumlah_kelurahan: ['kelurahan_count', count],
		jumlah_desa: ['desa_count', count],
		jumlah_pulau: ['island_count', count],
		jumlah_pulau_berpenghuni: ['inhabited_island_count', count],
		jumlah_pulau_ppkt: ['outermost_island_count', count],
		lat: ['latitude', latitude],
		lng: ['longitude', longitude],
		ipm_2023: ['hdi_2023', percent],
		ipm_2024: ['hdi_2024', percent],
		p0_2023: ['poverty_rate_2023', percent],
		p0_2024: ['poverty_rate_2024', percent]
	},
	provinsi: {
		luas_km2: ['area_km2', positive],
		penduduk_laki: ['population_male', count],
		penduduk_perempuan: ['population_female', count],
		penduduk_total: ['population_total', count],
		kepadatan_per_km2: ['density_per_km2', positive],
		jumlah_kabupaten: ['regency_count', count],
		jumlah_kota: ['city_count', count],
		jumlah_pulau: ['island_count', count],
		lat: ['latitude', latitude],
		lng: ['longitude', longitude],
		ipm_2023: ['hdi_2023', percent],
		ipm_2024: ['hdi_2024', percent],
		p0_2023: ['poverty_rate_2023', percent],
		p0_2024: ['poverty_rate_2024', percent]
	}
} satisfies Record<IndicatorKind, Record<string, readonly [MeasureColumn, CellSchema]>>;

/** Columns a file must have, in the order of the published files. */
export function requiredIndicatorColumns(kind: IndicatorKind): string[] {
	return ['kode', ...Object.keys(COLUMN_MAPS[kind])];
}

/** Required columns absent from a header (compared trimmed and case-insensitively). */
export function missingIndicatorColumns(kind: IndicatorKind, header: string[]): string[] {
	const present = new Set(header.map(normaliseHeader));
	return requiredIndicatorColumns(kind).filter((column) => !present.has(column));
}

export function normaliseHeader(name: string): string {
	return name.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/**
 * Which file this is: by its name when it is one of the two published names, otherwise by
 * the columns only one of them has. Null when neither tells.
 */
export function detectIndicatorKind(fileName: string, header: string[]): IndicatorKind | null {
	const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
	if (base.includes('kabkota')) return 'kabkota';
	if (base.includes('provinsi')) return 'provinsi';
	const columns = new Set(header.map(normaliseHeader));
	if (columns.has('jumlah_kecamatan') || columns.has('kode_provinsi')) return 'kabkota';
	if (columns.has('jumlah_kabupaten') || columns.has('jumlah_kota')) return 'provinsi';
	return null;
}

export interface RowProblem {
	column: string;
	message: string;
}

export type ParsedIndicatorRow =
	| { ok: true; value: RegionIndicators }
	| { ok: false; problems: RowProblem[] };

/**
 * One CSV record (header name -> cell text) of the given kind to the characteristics row.
 * Columns the kind does not have (regency counts of a kab/kota, desa counts of a province)
 * are null.
 */
export function parseIndicatorRow(kind: IndicatorKind, record: Record<string, string>): ParsedIndicatorRow {
	const problems: RowProblem[] = [];
	const rawCode = (record.kode ?? '').trim();
	const code = normaliseRegionCode(rawCode);
	const expectedLength = kind === 'kabkota' ? 5 : 2;
	if (!code || code.length !== expectedLength) {
		problems.push({
			column: 'kode',
			message:
				rawCode === ''
					? 'kode wilayah kosong'
					: `kode wilayah "${rawCode}" tidak sah untuk ${kind === 'kabkota' ? 'kabupaten/kota (PP.KK)' : 'provinsi (PP)'}`
		});
	}
	const value: RegionIndicators = {
		region_code: code ?? '',
		area_km2: null,
		population_male: null,
		population_female: null,
		population_total: null,
		density_per_km2: null,
		district_count: null,
		kelurahan_count: null,
		desa_count: null,
		regency_count: null,
		city_count: null,
		island_count: null,
		inhabited_island_count: null,
		outermost_island_count: null,
		latitude: null,
		longitude: null,
		hdi_2023: null,
		hdi_2024: null,
		poverty_rate_2023: null,
		poverty_rate_2024: null,
		source: INDICATOR_SOURCE
	};
	const columns = Object.entries(COLUMN_MAPS[kind]) as Array<[string, readonly [MeasureColumn, CellSchema]]>;
	for (const [csvColumn, [target, schema]] of columns) {
		const parsed = schema.safeParse(record[csvColumn] ?? '');
		if (parsed.success) value[target] = parsed.data;
		else problems.push({ column: csvColumn, message: parsed.error.issues[0]?.message ?? 'tidak valid' });
	}
	return problems.length ? { ok: false, problems } : { ok: true, value };
}
