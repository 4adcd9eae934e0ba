import { z } from 'zod';
import { REPLICATION_STATES } from './state-machine';

/**
 * The input of every replication form and API call, with Indonesian messages. Forms send strings
 * (numbers and dates as text, empty optional fields as ''); the API sends JSON: both parse here.
 * Every step carries `version`, the version of the replication the form was drawn from.
 */

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Numbers from forms arrive as text: '' is missing, '12' is 12, anything else stays as it is (and fails). */
function numberFrom(v: unknown): unknown {
	if (typeof v !== 'string') return v ?? undefined;
	const text = v.trim();
	if (text === '') return undefined;
	const n = Number(text);
	return Number.isNaN(n) ? v : n;
}

/** Required text between min and max characters (after trimming). */
const requiredText = (label: string, min: number, max: number) =>
	z.preprocess(
		(v) => (v === undefined || v === null ? '' : v),
		z
			.string({ error: `${label} harus berupa teks.` })
			.trim()
			.min(1, { message: `${label} wajib diisi.`, abort: true })
			.min(min, `${label} minimal ${min} karakter.`)
			.max(max, `${label} maksimal ${max} karakter.`)
	);

const optionalNote = z.preprocess(
	emptyToUndefined,
	z
		.string({ error: 'Catatan harus berupa teks.' })
		.trim()
		.max(2000, 'Catatan maksimal 2000 karakter.')
		.optional()
		.transform((v) => v || null)
);

const isoDate = (label: string) =>
	z.preprocess(
		emptyToUndefined,
		z.iso.date({ error: (issue) => (issue.input === undefined ? `${label} wajib diisi.` : `${label} harus berupa tanggal (TTTT-BB-HH).`) })
	);

const idField = (label: string) =>
	z.preprocess(
		(v) => (v === undefined || v === null ? '' : v),
		z.string({ error: `${label} harus berupa teks.` }).trim().min(1, `${label} wajib diisi.`).max(100, `${label} tidak dikenal.`)
	);

export const replicationIdSchema = idField('Nomor replikasi');

export const versionSchema = z.preprocess(
	numberFrom,
	z
		.number({ error: (issue) => (issue.input === undefined ? 'Versi formulir wajib dikirim.' : 'Versi formulir harus berupa angka.') })
		.int('Versi formulir harus berupa angka.')
		.min(1, 'Versi formulir harus berupa angka.')
);

/** The fields every step on an existing replication carries. */
const step = { id: replicationIdSchema, version: versionSchema };

export const REPLICATION_KINDS = ['penuh', 'sebagian', 'perluasan'] as const;
export const kindSchema = z.enum(REPLICATION_KINDS, {
	error: 'Jenis replikasi tidak dikenal. Pilih penuh, sebagian (adaptasi/modifikasi) atau perluasan.'
});

/** 1. Minat: what the replicator wants to reuse and why. Admins name the agency they file for. */
export const fileInterestSchema = z.object({
	innovationId: idField('Inovasi'),
	kind: kindSchema,
	interestScope: requiredText('Cakupan yang ingin direplikasi', 20, 4000),
	interestReason: requiredText('Alasan replikasi', 20, 4000),
	replicatorAgencyId: z.preprocess(emptyToUndefined, z.string().trim().max(100, 'Instansi replikator tidak dikenal.').optional())
});

export const verifyReplicationSchema = z.object({ ...step, note: optionalNote });
export const acceptReplicationSchema = z.object({ ...step, note: optionalNote });

const closingReason = (label: string) => requiredText(label, 5, 2000);

export const declineReplicationSchema = z.object({ ...step, reason: closingReason('Alasan penolakan') });
export const stopReplicationSchema = z.object({ ...step, reason: closingReason('Alasan penghentian') });
export const cancelReplicationSchema = z.object({ ...step, reason: closingReason('Alasan pembatalan') });

/** 3. Kesepakatan: duties of PIHAK PERTAMA (originator) and PIHAK KEDUA (replicator), validity. */
export const draftAgreementSchema = z
	.object({
		...step,
		dutiesOriginator: requiredText('Kewajiban PIHAK PERTAMA', 10, 4000),
		dutiesReplicator: requiredText('Kewajiban PIHAK KEDUA', 10, 4000),
		validFrom: isoDate('Tanggal mulai berlaku'),
		validUntil: isoDate('Tanggal akhir berlaku')
	})
	.refine((v) => v.validUntil > v.validFrom, {
		path: ['validUntil'],
		message: 'Tanggal akhir berlaku harus sesudah tanggal mulai berlaku.'
	});

export const AGREEMENT_SIDES = ['pertama', 'kedua'] as const;
/** The parties confirm their own side; an admin stepping in says which side. */
export const confirmAgreementSchema = z.object({
	...step,
	side: z.preprocess(
		emptyToUndefined,
		z.enum(AGREEMENT_SIDES, { error: 'Pihak tidak dikenal. Pilih PIHAK PERTAMA atau PIHAK KEDUA.' }).optional()
	)
});

/** Rupiah as typed in a form: "Rp 150.000.000", "150000000" or a number. */
const rupiah = z.preprocess(
	(v) => {
		if (typeof v !== 'string') return v ?? undefined;
		return numberFrom(v.trim().replace(/^rp\.?\s*/i, '').replace(/[.\s]/g, ''));
	},
	z
		.number({ error: (issue) => (issue.input === undefined ? 'Anggaran wajib diisi.' : 'Anggaran harus berupa angka rupiah.') })
		.int('Anggaran harus berupa angka rupiah tanpa sen.')
		.min(0, 'Anggaran tidak boleh negatif.')
		.max(1e15, 'Anggaran terlalu besar.')
);

/** 4. Persiapan: the adaptation plan. */
export const submitPlanSchema = z.object({
	...step,
	changes: requiredText('Penyesuaian dengan kondisi daerah', 20, 4000),
	team: requiredText('Tim pelaksana', 5, 2000),
	budgetRupiah: rupiah,
	targetDate: isoDate('Tanggal target')
});

/** 5. Implementasi: the day it started. */
export const startImplementationSchema = z.object({ ...step, startedOn: isoDate('Tanggal mulai implementasi') });

/** 6. Pemantauan: a periodic report. */
export const fileReportSchema = z
	.object({
		...step,
		periodStart: isoDate('Awal periode'),
		periodEnd: isoDate('Akhir periode'),
		outcomes: requiredText('Hasil replikasi', 20, 4000),
		lessons: requiredText('Pelajaran yang dipetik', 20, 4000)
	})
	.refine((v) => v.periodEnd >= v.periodStart, {
		path: ['periodEnd'],
		message: 'Akhir periode tidak boleh sebelum awal periode.'
	});

/** 7. Selesai: the facilitator certifies. */
export const completeReplicationSchema = z.object({ ...step, note: optionalNote });

export const REPLICATION_DOCUMENT_KINDS = [
	'surat_minat',
	'kesepakatan_ditandatangani',
	'rencana_adaptasi',
	'surat_komitmen',
	'laporan_pemantauan',
	'lainnya'
] as const;

/** The fields that go with an uploaded file (the file itself is checked by its content). */
export const uploadDocumentSchema = z.object({
	...step,
	kind: z.enum(REPLICATION_DOCUMENT_KINDS, { error: 'Jenis dokumen tidak dikenal.' }),
	reportId: z.preprocess(
		numberFrom,
		z.number({ error: 'Laporan tidak dikenal.' }).int('Laporan tidak dikenal.').min(1, 'Laporan tidak dikenal.').optional()
	)
});

export const removeDocumentSchema = z.object({ ...step, documentId: idField('Dokumen') });

/** A message in the thread between the parties. */
export const postMessageSchema = z.object({
	id: replicationIdSchema,
	body: requiredText('Pesan', 1, 4000)
});

export const INBOX_BOXES = ['received', 'made', 'hub', 'all'] as const;
export type InboxBox = (typeof INBOX_BOXES)[number];
/** 'berjalan': every open state; otherwise one state. */
export const INBOX_STATE_FILTERS = ['berjalan', ...REPLICATION_STATES] as const;

export const inboxQuerySchema = z.object({
	box: z.preprocess(emptyToUndefined, z.enum(INBOX_BOXES, { error: 'Kotak tidak dikenal.' }).optional()),
	state: z.preprocess(emptyToUndefined, z.enum(INBOX_STATE_FILTERS, { error: 'Tahap replikasi tidak dikenal.' }).optional()),
	limit: z.preprocess(
		numberFrom,
		z.number({ error: 'limit harus berupa angka' }).int('limit harus bilangan bulat').min(1, 'limit minimal 1').max(100, 'limit maksimal 100').default(20)
	),
	offset: z.preprocess(
		numberFrom,
		z.number({ error: 'offset harus berupa angka' }).int('offset harus bilangan bulat').min(0, 'offset minimal 0').max(100_000, 'offset maksimal 100000').default(0)
	)
});

/** What a form or an API call hands a service before parsing: the fields by name, any value. */
export type RawInput<T extends z.ZodType> = { [K in keyof z.output<T>]?: unknown };

export type FileInterestInput = RawInput<typeof fileInterestSchema>;
export type VerifyReplicationInput = RawInput<typeof verifyReplicationSchema>;
export type AcceptReplicationInput = RawInput<typeof acceptReplicationSchema>;
export type DeclineReplicationInput = RawInput<typeof declineReplicationSchema>;
export type DraftAgreementInput = RawInput<typeof draftAgreementSchema>;
export type ConfirmAgreementInput = RawInput<typeof confirmAgreementSchema>;
export type SubmitPlanInput = RawInput<typeof submitPlanSchema>;
export type StartImplementationInput = RawInput<typeof startImplementationSchema>;
export type FileReportInput = RawInput<typeof fileReportSchema>;
export type CompleteReplicationInput = RawInput<typeof completeReplicationSchema>;
export type StopReplicationInput = RawInput<typeof stopReplicationSchema>;
export type CancelReplicationInput = RawInput<typeof cancelReplicationSchema>;
export type UploadDocumentInput = RawInput<typeof uploadDocumentSchema>;
export type RemoveDocumentInput = RawInput<typeof removeDocumentSchema>;
export type PostMessageInput = RawInput<typeof postMessageSchema>;
export type InboxQuery = RawInput<typeof inboxQuerySchema>;
