import { z } from 'zod';
import { AGENCY_KIND_FILTERS, innovationFiltersSchema, SORTS } from '../domain/innovation-filters';
import { INNOVATION_ID_PATTERN } from '../domain/ids';
import { deleteReasonSchema, innovationEditSchema, innovationVersionSchema, newInnovationSchema } from '../domain/innovation-create';
import { limitOffsetSchema } from '../domain/pagination';
import { AGREEMENT_SIDES, fileInterestSchema, REPLICATION_KINDS, versionSchema } from '../domain/replication/replication-input';
import { REPLICATION_STATES } from '../domain/replication/state-machine';
import { replicationMessageSchema } from '../services/post-replication-message';
import { REPLICATION_LIST_BOXES } from '../services/list-replications';
import { doc, documentFields } from './schema-registry';

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

// --- Replications -----------------------------------------------------------------------------

export const REPLICATION_ID_PATTERN = /^rep-[0-9a-hjkmnp-tv-z]{10}$/;
const REPLICATION_STATE_FILTERS = ['berjalan', ...REPLICATION_STATES] as const;

export const replicationListQuery = documentFields(
	z.object({
		inovasi: z.preprocess(
			empty,
			z
				.string()
				.regex(INNOVATION_ID_PATTERN, 'Id inovasi harus berbentuk inv- diikuti 10 huruf/angka, mis. inv-7k2m9q4x1b')
				.optional()
		),
		instansi: z.preprocess(empty, slug('instansi', 'pemkab-53.09').optional()),
		jenis: z.preprocess(
			empty,
			z.enum(REPLICATION_KINDS, { error: 'Jenis replikasi harus penuh, sebagian atau perluasan' }).optional()
		),
		tahap: z.preprocess(
			empty,
			z.enum(REPLICATION_STATE_FILTERS, { error: 'Tahap replikasi tidak dikenal' }).optional()
		),
		kotak: z.preprocess(
			empty,
			z.enum(REPLICATION_LIST_BOXES, { error: 'Kotak harus masuk, keluar, hub atau semua' }).optional()
		),
		...limitOffsetSchema.shape
	}),
	{
		inovasi: 'Hanya replikasi inovasi ini (id inovasi)',
		instansi: 'Hanya replikasi yang melibatkan instansi ini, sebagai asal inovasi atau sebagai replikator',
		jenis: 'Jenis replikasi: penuh, sebagian (adaptasi/modifikasi) atau perluasan (scale-up)',
		tahap: 'Tahap replikasi, atau "berjalan" untuk semua tahap yang belum ditutup (publik hanya melihat yang selesai)',
		kotak:
			'Perlu masuk. masuk: permintaan yang diterima instansi Anda; keluar: yang diajukan instansi Anda (operator); hub: semua di hub Anda (koordinator hub); semua: seluruh replikasi (admin, kurator)',
		...PAGING_DOCS
	}
);

export const replicationIdParams = documentFields(
	z.object({
		id: z.string().regex(REPLICATION_ID_PATTERN, 'Id replikasi harus berbentuk rep- diikuti 10 huruf/angka, mis. rep-7k2m9q4x1b')
	}),
	{ id: 'Id replikasi, mis. rep-7k2m9q4x1b' }
);

/** The steps the API takes, by their names in the address. */
export const REPLICATION_API_ACTIONS = [
	'verify',
	'accept',
	'decline',
	'draft-agreement',
	'confirm-agreement',
	'submit-plan',
	'start-implementation',
	'file-report',
	'complete',
	'stop',
	'cancel'
] as const;
export type ReplicationApiAction = (typeof REPLICATION_API_ACTIONS)[number];

export const replicationActionParams = documentFields(
	z.object({
		id: z.string().regex(REPLICATION_ID_PATTERN, 'Id replikasi harus berbentuk rep- diikuti 10 huruf/angka, mis. rep-7k2m9q4x1b'),
		action: z.enum(REPLICATION_API_ACTIONS, { error: `Langkah tidak dikenal. Pilih salah satu: ${REPLICATION_API_ACTIONS.join(', ')}` })
	}),
	{
		id: 'Id replikasi, mis. rep-7k2m9q4x1b',
		action:
			'Langkah: verify (fasilitator), accept (inovator), decline (inovator/fasilitator), draft-agreement, confirm-agreement, submit-plan, start-implementation, file-report (replikator), complete (fasilitator), stop, cancel (replikator/fasilitator)'
	}
);

// --- Request bodies (JSON) --------------------------------------------------------------------

/** Filing an interest: the service's own schema, so the API answers with the form's messages. */
export const fileReplicationBody = documentFields(fileInterestSchema, {
	innovationId: 'Id inovasi yang ingin direplikasi (inovasi instansi lain)',
	kind: 'Jenis replikasi: penuh, sebagian (adaptasi/modifikasi) atau perluasan (scale-up)',
	interestScope: 'Bagian inovasi yang ingin direplikasi (20-4000 karakter)',
	interestReason: 'Alasan replikasi: masalah daerah yang sama (20-4000 karakter)',
	replicatorAgencyId: 'Hanya admin: id instansi replikator yang diwakili (operator selalu mengajukan untuk instansinya)'
});

export const replicationMessageBody = documentFields(replicationMessageSchema, {
	body: 'Isi pesan untuk para pihak (1-4000 karakter)'
});

// Each step's own rules (required fields, lengths, dates) are checked by its service with the
// same messages as the web forms; here only the JSON types, so the two never disagree.
const optionalText = (label: string, description: string) =>
	doc(z.string({ error: `${label} harus berupa teks.` }).nullish(), description);
const optionalDate = (label: string, description: string) =>
	doc(z.string({ error: `${label} harus berupa tanggal (TTTT-BB-HH).` }).nullish(), `${description} (YYYY-MM-DD)`);

export const replicationActionBody = z.object({
	version: doc(versionSchema, 'Versi replikasi yang Anda lihat (kolom version); langkah ditolak bila sudah berubah (STALE_VERSION). Semua langkah.'),
	note: optionalText('Catatan', 'verify, accept, complete: catatan (opsional, paling banyak 2000 karakter)'),
	reason: optionalText('Alasan', 'decline, stop, cancel: alasan (wajib, 5-2000 karakter)'),
	dutiesOriginator: optionalText('Kewajiban PIHAK PERTAMA', 'draft-agreement: kewajiban PIHAK PERTAMA, instansi asal inovasi (10-4000 karakter)'),
	dutiesReplicator: optionalText('Kewajiban PIHAK KEDUA', 'draft-agreement: kewajiban PIHAK KEDUA, instansi replikator (10-4000 karakter)'),
	validFrom: optionalDate('Tanggal mulai berlaku', 'draft-agreement: kesepakatan berlaku mulai'),
	validUntil: optionalDate('Tanggal akhir berlaku', 'draft-agreement: kesepakatan berlaku sampai, sesudah validFrom'),
	side: doc(
		z.preprocess(empty, z.enum(AGREEMENT_SIDES, { error: 'Pihak tidak dikenal. Pilih PIHAK PERTAMA atau PIHAK KEDUA.' }).optional()),
		'confirm-agreement, hanya admin yang mewakili: pertama (PIHAK PERTAMA) atau kedua (PIHAK KEDUA)'
	),
	changes: optionalText('Penyesuaian', 'submit-plan: penyesuaian dengan kondisi daerah (20-4000 karakter)'),
	team: optionalText('Tim pelaksana', 'submit-plan: tim pelaksana (5-2000 karakter)'),
	budgetRupiah: doc(
		z.union([z.number(), z.string()], { error: 'Anggaran harus berupa angka rupiah.' }).nullish(),
		'submit-plan: anggaran dalam rupiah, bilangan bulat >= 0 (atau teks seperti "Rp 150.000.000")'
	),
	targetDate: optionalDate('Tanggal target', 'submit-plan: tanggal target'),
	startedOn: optionalDate('Tanggal mulai implementasi', 'start-implementation: tanggal mulai implementasi'),
	periodStart: optionalDate('Awal periode', 'file-report: awal periode laporan'),
	periodEnd: optionalDate('Akhir periode', 'file-report: akhir periode laporan'),
	outcomes: optionalText('Hasil replikasi', 'file-report: hasil replikasi (20-4000 karakter)'),
	lessons: optionalText('Pelajaran yang dipetik', 'file-report: pelajaran yang dipetik (20-4000 karakter)')
});

// --- Innovations: entering and editing (the forms' own schemas, so the messages are the same) ---

const INNOVATION_FIELD_DOCS = {
	title: 'Judul inovasi (3-300 karakter)',
	acronym: 'Akronim atau nama singkat (paling banyak 60 karakter), mis. SIPANDU',
	yearStarted: 'Tahun mulai diterapkan (1945-2100)',
	startedOn: 'Tanggal mulai diterapkan (YYYY-MM-DD)',
	summary: 'Ringkasan inovasi',
	problem: 'Permasalahan dan latar belakang',
	aims: 'Tujuan',
	novelty: 'Kebaruan',
	implementation: 'Pelaksanaan',
	results: 'Hasil dan dampak',
	transferability: 'Kemungkinan direplikasi',
	resources: 'Sumber daya',
	sustainabilityStrategy: 'Strategi keberlanjutan',
	mainAffair: 'Kode urusan pemerintahan utama (UU 23/2014), mis. kesehatan',
	otherAffairs: 'Kode urusan pemerintahan lain (paling banyak 10)',
	sdgs: 'Nomor Tujuan Pembangunan Berkelanjutan (SDG) 1-17',
	isDigital: 'Inovasi digital (true) atau bukan (false); null bila belum diketahui',
	stage: 'Tahap siklus: penciptaan, pengembangan atau pelembagaan',
	sustainabilityStatus: 'Status keberlanjutan: berlanjut, berlanjut_dengan_pengembangan atau berhenti',
	statusVerifiedOn: 'Tanggal status keberlanjutan terakhir diverifikasi (YYYY-MM-DD)',
	regulationRef: 'Dasar regulasi (Perda/Perkada/SK)',
	budgetLine: 'Mata anggaran',
	sopRef: 'SOP',
	videoUrl: 'Tautan video (http atau https)'
} as const;

export const createInnovationBody = documentFields(
	newInnovationSchema.extend({
		confirmSimilar: z.boolean({ error: 'confirmSimilar harus true atau false' }).optional()
	}),
	{
		...INNOVATION_FIELD_DOCS,
		title: 'Judul inovasi (wajib, 3-300 karakter)',
		summary: 'Ringkasan inovasi (wajib, paling sedikit 20 karakter)',
		agencyId: 'Id instansi pemilik, mis. pemkab-53.09. Operator boleh mengosongkannya (selalu instansinya sendiri); admin dan kurator wajib mengisinya',
		confirmSimilar:
			'true bila Anda sudah memeriksa inovasi yang judulnya sama atau hampir sama (jawaban 409 SIMILAR_INNOVATIONS_FOUND) dan inovasi ini memang berbeda'
	}
);

export const updateInnovationBody = documentFields(innovationEditSchema, {
	...INNOVATION_FIELD_DOCS,
	version: 'Versi inovasi yang Anda lihat (kolom version); perubahan ditolak bila sudah berubah (STALE_VERSION)',
	reason: 'Alasan perubahan (tidak wajib, paling banyak 1000 karakter), disimpan di riwayat'
});

export const deleteInnovationQuery = documentFields(
	z.object({ version: innovationVersionSchema, reason: deleteReasonSchema }),
	{
		version: 'Versi inovasi yang Anda lihat (kolom version); penghapusan ditolak bila sudah berubah (STALE_VERSION)',
		reason: 'Alasan penghapusan (wajib, 5-1000 karakter), terlihat di riwayat inovasi'
	}
);
