import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
	confirmAgreementSchema,
	declineReplicationSchema,
	draftAgreementSchema,
	fileInterestSchema,
	fileReportSchema,
	inboxQuerySchema,
	postMessageSchema,
	startImplementationSchema,
	submitPlanSchema,
	uploadDocumentSchema,
	verifyReplicationSchema
} from './replication-input';

/** The first problem's message, as a form shows it; null when the input is valid. */
function problem(schema: z.ZodType, input: unknown): string | null {
	const parsed = schema.safeParse(input);
	return parsed.success ? null : parsed.error.issues[0]!.message;
}

const interest = {
	innovationId: 'inv-0000000000',
	kind: 'penuh',
	interestScope: 'Seluruh alur layanan dan aplikasinya.',
	interestReason: 'Masalah jarak layanan yang sama di desa kami.'
};

describe('replication forms', () => {
	it('reads a form of strings: version and rupiah as numbers, empty optional fields as absent', () => {
		expect(verifyReplicationSchema.parse({ id: 'rep-1', version: '3', note: '', csrf: 'x' })).toEqual({ id: 'rep-1', version: 3, note: null });
		expect(submitPlanSchema.parse({ id: 'rep-1', version: 2, changes: 'Antrean daring diganti SMS di desa.', team: 'Bagian Organisasi', budgetRupiah: 'Rp 1.500.000', targetDate: '2025-09-30' })).toMatchObject({
			budgetRupiah: 1_500_000
		});
		expect(confirmAgreementSchema.parse({ id: 'rep-1', version: '1', side: '' })).toEqual({ id: 'rep-1', version: 1 });
		expect(fileInterestSchema.parse({ ...interest, replicatorAgencyId: '' })).toEqual(interest);
		expect(inboxQuerySchema.parse({})).toEqual({ limit: 20, offset: 0 });
	});

	it('says what is wrong, in Indonesian', () => {
		expect(problem(fileInterestSchema, { ...interest, interestReason: '' })).toBe('Alasan replikasi wajib diisi.');
		expect(problem(fileInterestSchema, { ...interest, interestReason: undefined })).toBe('Alasan replikasi wajib diisi.');
		expect(problem(fileInterestSchema, { ...interest, interestScope: 'x'.repeat(4001) })).toBe('Cakupan yang ingin direplikasi maksimal 4000 karakter.');
		expect(problem(verifyReplicationSchema, { id: 'rep-1' })).toBe('Versi formulir wajib dikirim.');
		expect(problem(verifyReplicationSchema, { id: 'rep-1', version: 'dua' })).toBe('Versi formulir harus berupa angka.');
		expect(problem(verifyReplicationSchema, { version: 1 })).toBe('Nomor replikasi wajib diisi.');
		expect(problem(declineReplicationSchema, { id: 'rep-1', version: 1, reason: 'tdk' })).toBe('Alasan penolakan minimal 5 karakter.');
		const draft = { id: 'rep-1', version: 1, dutiesOriginator: 'Mendampingi penerapan.', dutiesReplicator: 'Menerapkan dan melapor.', validFrom: '2025-01-01', validUntil: '2025-01-01' };
		expect(problem(draftAgreementSchema, draft)).toBe('Tanggal akhir berlaku harus sesudah tanggal mulai berlaku.');
		expect(problem(draftAgreementSchema, { ...draft, validFrom: '' })).toBe('Tanggal mulai berlaku wajib diisi.');
		expect(problem(draftAgreementSchema, { ...draft, validFrom: '1/1/2025' })).toBe('Tanggal mulai berlaku harus berupa tanggal (TTTT-BB-HH).');
		expect(problem(confirmAgreementSchema, { id: 'rep-1', version: 1, side: 'ketiga' })).toBe('Pihak tidak dikenal. Pilih PIHAK PERTAMA atau PIHAK KEDUA.');
		const plan = { id: 'rep-1', version: 1, changes: 'Antrean daring diganti SMS di desa.', team: 'Bagian Organisasi', targetDate: '2025-09-30' };
		expect(problem(submitPlanSchema, plan)).toBe('Anggaran wajib diisi.');
		expect(problem(submitPlanSchema, { ...plan, budgetRupiah: '-5' })).toBe('Anggaran tidak boleh negatif.');
		expect(problem(submitPlanSchema, { ...plan, budgetRupiah: 'banyak' })).toBe('Anggaran harus berupa angka rupiah.');
		expect(problem(startImplementationSchema, { id: 'rep-1', version: 1 })).toBe('Tanggal mulai implementasi wajib diisi.');
		const report = { id: 'rep-1', version: 1, periodStart: '2025-04-01', periodEnd: '2025-03-31', outcomes: 'Waktu tempuh turun di dua belas desa.', lessons: 'Pendampingan bulan pertama menentukan.' };
		expect(problem(fileReportSchema, report)).toBe('Akhir periode tidak boleh sebelum awal periode.');
		expect(problem(uploadDocumentSchema, { id: 'rep-1', version: 1, kind: 'foto' })).toBe('Jenis dokumen tidak dikenal.');
		expect(problem(postMessageSchema, { id: 'rep-1', body: '   ' })).toBe('Pesan wajib diisi.');
		expect(problem(inboxQuerySchema, { limit: '500' })).toBe('limit maksimal 100');
	});
});
