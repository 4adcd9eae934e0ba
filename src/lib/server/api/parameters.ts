import { z } from 'zod';
import { AGENCY_KIND_FILTERS, innovationFiltersSchema, SORTS } from '../domain/innovation-filters';
import { INNOVATION_ID_PATTERN } from '../domain/ids';
import { limitOffsetSchema } from '../domain/pagination';
import { documentFields } from './schema-registry';

/**
 * Query and path parameters of /api/v1, in zod, with their Indonesian error messages (the first
 * one becomes the 400 response's message) and descriptions for the OpenAPI document. Like the
 * catalogue form, an empty value means "no filter".
 */

const empty = (v: unknown) => (v === '' || v === null ? undefined : v);

const keyword = () => z.preprocess(empty, z.string().trim().max(200, 'Kata kunci maksimal 200 karakter').optional());
const provinceCode = () =>
	z.preprocess(
		empty,
		z
			.string()
			.regex(/^\d{2}$/, 'Provinsi harus berupa kode Kemendagri dua angka, mis. 53')
			.optional()
	);

const PAGING_DOCS = {
	limit: 'Jumlah data per halaman',
	offset: 'Jumlah data yang dilewati, untuk halaman berikutnya'
} as const;

// --- Query parameters -------------------------------------------------------------------------

/**
 * The catalogue's own filter schema (same keys, values and messages as the Katalog page) plus
 * paging, and the Katalog's rule that a year range must not run backwards.
 */
export const innovationListQuery = documentFields(
	innovationFiltersSchema
		.extend(limitOffsetSchema.shape)
		.extend({
			sort: z.preprocess(empty, z.enum(SORTS, { error: 'Urutan tidak dikenal' }).optional())
		})
		.refine(
		(q) => !(q.tahunDari && q.tahunSampai && q.tahunDari > q.tahunSampai),
		{ message: 'Tahun awal tidak boleh lebih besar dari tahun akhir', path: ['tahunDari'] }
	),
	{
		q: 'Kata kunci (paling banyak 200 karakter): dicari pada judul, akronim, ringkasan dan narasi lain dengan kata dasar Bahasa Indonesia, ejaan lain (ijin/izin), singkatan (KTP, PTSP) dan salah ketik ringan',
		provinsi: 'Kode provinsi Kemendagri, mis. 53; mencakup kabupaten/kota di dalamnya',
		wilayah: 'Kode kabupaten/kota Kemendagri, mis. 53.09 (mengalahkan provinsi)',
		instansi: 'Id instansi, mis. kemenkes atau pemkab-53.09',
		jenisInstansi: 'Jenis instansi pemilik inovasi',
		urusan: 'Kode urusan pemerintahan utama (UU 23/2014)',
		sdg: 'Nomor Tujuan Pembangunan Berkelanjutan, 1-17',
		tahap: 'Tahap inovasi',
		tahun: 'Tahun mulai diterapkan',
		tahunDari: 'Tahun mulai paling awal',
		tahunSampai: 'Tahun mulai paling akhir',
		penghargaan: '"ada" untuk inovasi berpenghargaan apa pun, atau nama program',
		sumber: 'Hanya inovasi yang memiliki rekaman dari sumber ini',
		digital: '"ya" untuk inovasi digital, "tidak" untuk nondigital',
		direplikasi: '"ya" untuk inovasi yang sudah direplikasi, "tidak" untuk yang belum',
		urutan: 'Urutan: relevansi (bawaan bila ada q), terbaru (bawaan tanpa q), replikasi (paling banyak direplikasi), judul, atau tahun (terbaru dulu)',
		sort: 'Nama lain untuk urutan (nilai yang sama); urutan menang bila keduanya diisi',
		...PAGING_DOCS
	}
);

export const agencyListQuery = documentFields(
	z.object({
		q: keyword(),
		jenis: z.preprocess(empty, z.enum(AGENCY_KIND_FILTERS, { error: 'Jenis instansi tidak dikenal' }).optional()),
		provinsi: provinceCode(),
		...limitOffsetSchema.shape
	}),
	{
		q: 'Kata kunci pada nama, singkatan dan nama lain instansi',
		jenis: 'Jenis instansi',
		provinsi: 'Kode provinsi Kemendagri dua angka; hanya pemerintah daerah di provinsi itu',
		...PAGING_DOCS
	}
);

export const regionListQuery = documentFields(
	z.object({
		level: z.preprocess(
			empty,
			z
				.enum(['provinsi', 'kabupaten', 'kota', 'kecamatan'], {
					error: 'Level wilayah harus provinsi, kabupaten, kota atau kecamatan'
				})
				.optional()
		),
		provinsi: provinceCode(),
		q: keyword(),
		...limitOffsetSchema.shape
	}),
	{
		level: 'Tingkat wilayah',
		provinsi: 'Kode provinsi Kemendagri dua angka; provinsi itu dan wilayah di dalamnya',
		q: 'Kata kunci pada nama wilayah',
		...PAGING_DOCS
	}
);

export const suggestionQuery = documentFields(
	z.object({
		q: z
			.string({ error: 'Kata kunci wajib diisi' })
			.trim()
			.min(1, 'Kata kunci wajib diisi')
			.max(100, 'Kata kunci maksimal 100 karakter'),
		limit: z.preprocess(
			empty,
			z.coerce
				.number({ error: 'Batas saran harus bilangan bulat 1 sampai 20' })
				.int('Batas saran harus bilangan bulat 1 sampai 20')
				.min(1, 'Batas saran harus bilangan bulat 1 sampai 20')
				.max(20, 'Batas saran harus bilangan bulat 1 sampai 20')
				.default(8)
		)
	}),
	{
		q: 'Yang sudah diketik (1-100 karakter); setiap kata harus menjadi awal kata pada judul, akronim atau nama. Salah ketik ringan dikoreksi',
		limit: 'Jumlah saran paling banyak, 1-20 (bawaan 8)'
	}
);

export const hubListQuery = documentFields(
	z.object({
		jenis: z.preprocess(empty, z.enum(['pusat', 'daerah'], { error: 'Jenis hub harus "pusat" atau "daerah"' }).optional())
	}),
	{ jenis: 'Jenis hub: pusat (kementerian/lembaga) atau daerah (provinsi)' }
);

// --- Path parameters --------------------------------------------------------------------------

const SLUG = /^[a-z0-9][a-z0-9._-]*$/;
const slug = (label: string, example: string) =>
	z
		.string()
		.max(100, `Id ${label} maksimal 100 karakter`)
		.regex(SLUG, `Id ${label} hanya boleh berisi huruf kecil, angka, titik, garis bawah dan tanda hubung, mis. ${example}`);

export const innovationIdParams = documentFields(
	z.object({
		id: z
			.string()
			.regex(INNOVATION_ID_PATTERN, 'Id inovasi harus berbentuk inv- diikuti 10 huruf/angka, mis. inv-7k2m9q4x1b')
	}),
	{ id: 'Id inovasi, mis. inv-7k2m9q4x1b' }
);

export const agencyIdParams = documentFields(z.object({ id: slug('instansi', 'pemkab-53.09') }), {
	id: 'Id instansi, mis. kemenkes atau pemkab-53.09'
});

export const regionCodeParams = documentFields(
	z.object({
		code: z
			.string()
			.regex(/^\d{2}(\.\d{2}(\.\d{2})?)?$/, 'Kode wilayah harus berupa kode Kemendagri, mis. 53 atau 53.09')
	}),
	{ code: 'Kode wilayah Kemendagri: provinsi (53), kabupaten/kota (53.09) atau kecamatan (53.09.01)' }
);

export const hubIdParams = documentFields(z.object({ id: slug('hub', 'hub-jatim') }), { id: 'Id hub' });
