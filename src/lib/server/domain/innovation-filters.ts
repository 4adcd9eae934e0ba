import { z } from 'zod';
import { AFFAIR_CODES, AWARD_PROGRAMMES, SOURCES, STAGES } from './vocabulary';

/**
 * The catalogue's filters, shared by the Katalog page and GET /api/v1/innovations, parsed from
 * query-string values. Empty values mean "no filter" so a plain HTML form can submit all fields.
 */
const empty = (v: unknown) => (v === '' || v === null ? undefined : v);
const regionCode = (label: string) =>
	z.preprocess(
		empty,
		z
			.string()
			.regex(/^\d{2}(\.\d{2})?$/, `${label} harus berupa kode Kemendagri, mis. 53 atau 53.09`)
			.optional()
	);
const year = (label: string) =>
	z.preprocess(
		empty,
		z.coerce
			.number({ error: `${label} harus berupa angka tahun` })
			.int(`${label} harus berupa angka tahun`)
			.min(1945, `${label} minimal 1945`)
			.max(2100, `${label} maksimal 2100`)
			.optional()
	);

export const AGENCY_KIND_FILTERS = ['kementerian', 'lembaga', 'pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota', 'bumn', 'bumd'] as const;
export const SORTS = ['terbaru', 'judul', 'tahun', 'relevansi', 'replikasi'] as const;

export const innovationFiltersSchema = z.object({
	q: z.preprocess(empty, z.string().trim().max(200, 'Kata kunci maksimal 200 karakter').optional()),
	provinsi: regionCode('Provinsi'),
	wilayah: regionCode('Kabupaten/kota'),
	instansi: z.preprocess(empty, z.string().max(100).optional()),
	jenisInstansi: z.preprocess(
		empty,
		z.enum(AGENCY_KIND_FILTERS, { error: 'Jenis instansi tidak dikenal' }).optional()
	),
	urusan: z.preprocess(empty, z.enum(AFFAIR_CODES, { error: 'Urusan pemerintahan tidak dikenal' }).optional()),
	sdg: z.preprocess(
		empty,
		z.coerce
			.number({ error: 'SDG harus berupa nomor tujuan 1-17' })
			.int('SDG harus berupa nomor tujuan 1-17')
			.min(1, 'SDG harus berupa nomor tujuan 1-17')
			.max(17, 'SDG harus berupa nomor tujuan 1-17')
			.optional()
	),
	tahap: z.preprocess(empty, z.enum(STAGES, { error: 'Tahap inovasi tidak dikenal' }).optional()),
	tahun: year('Tahun'),
	tahunDari: year('Tahun awal'),
	tahunSampai: year('Tahun akhir'),
	penghargaan: z.preprocess(
		empty,
		z.enum(['ada', ...AWARD_PROGRAMMES], { error: 'Penghargaan harus "ada", KIPP, IGA, PKRI atau LAINNYA' }).optional()
	),
	sumber: z.preprocess(empty, z.enum(SOURCES, { error: 'Sumber data tidak dikenal' }).optional()),
	digital: z.preprocess(
		empty,
		z.enum(['ya', 'tidak'], { error: 'Digital harus "ya" atau "tidak"' }).optional()
	),
	direplikasi: z.preprocess(
		empty,
		z.enum(['ya', 'tidak'], { error: 'Direplikasi harus "ya" atau "tidak"' }).optional()
	),
	// Unset: by relevance when there is a query (q), otherwise newest first (see effectiveSort).
	urutan: z.preprocess(empty, z.enum(SORTS, { error: 'Urutan tidak dikenal' }).optional())
});

export type InnovationFilters = z.infer<typeof innovationFiltersSchema>;

/** Reads the filters of a URL; of repeated keys the first value counts. */
export function filtersFromSearchParams(params: URLSearchParams): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const key of Object.keys(innovationFiltersSchema.shape)) {
		const value = params.get(key);
		if (value !== null) raw[key] = value;
	}
	return raw;
}

/** The query string of a filter set (for links that keep the filters: paging, removing one). */
export function filtersToSearchParams(filters: Partial<InnovationFilters>): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filters)) {
		if (value === undefined || value === null || value === '') continue;
		if (key === 'urutan' && value === effectiveSort({ ...filters, urutan: undefined })) continue;
		params.set(key, String(value));
	}
	return params;
}

/** The order used: the chosen one, else by relevance with a query and newest first without. */
export function effectiveSort(filters: Pick<Partial<InnovationFilters>, 'q' | 'urutan'>): (typeof SORTS)[number] {
	return filters.urutan ?? (filters.q ? 'relevansi' : 'terbaru');
}
