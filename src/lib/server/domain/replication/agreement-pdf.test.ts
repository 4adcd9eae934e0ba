import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../../../tests/support/pdf-text';
import { renderAgreementPdf, type AgreementPdfData } from './agreement-pdf';

const DATA: AgreementPdfData = {
	number: '007/KS-REP/JIPPNAS/2026',
	date: '2026-11-20',
	innovationTitle: 'Sistem Antrean Puskesmas Daring “SIAP”',
	kind: 'sebagian',
	scope: 'Aplikasi antrean dan pelatihan petugas loket.',
	originatorName: 'Pemerintah Kota Surabaya',
	replicatorName: 'Pemerintah Kabupaten Ngada',
	dutiesOriginator: 'Menyerahkan kode sumber dan panduan.\nMelatih dua petugas PIHAK KEDUA.',
	dutiesReplicator: 'Menyiapkan server dan petugas loket; melaporkan hasil setiap tiga bulan.',
	validFrom: '2026-12-01',
	validUntil: '2027-11-30',
	facilitatorName: 'Hub Inovasi Nusa Tenggara Timur',
	originatorConfirmation: { by: 'Siti Rahmawati', on: '2026-11-21' },
	replicatorConfirmation: null
};

describe('renderAgreementPdf', () => {
	it('states the number, both parties, the innovation, duties, validity and who confirmed', async () => {
		const pdf = await extractPdfText(await renderAgreementPdf(DATA));
		expect(pdf.pages[0]![0]).toBe('SURAT KESEPAKATAN REPLIKASI INOVASI');
		expect(pdf.text).toContain('Nomor: 007/KS-REP/JIPPNAS/2026');
		expect(pdf.text).toContain('Pada tanggal 20 November 2026');
		expect(pdf.text).toContain('1. Pemerintah Kota Surabaya, selaku pemilik inovasi, selanjutnya disebut PIHAK PERTAMA;');
		expect(pdf.text).toContain('2. Pemerintah Kabupaten Ngada, selaku pereplikasi inovasi, selanjutnya disebut PIHAK KEDUA.');
		expect(pdf.text).toContain('Sistem Antrean Puskesmas Daring “SIAP”');
		expect(pdf.text).toContain('Replikasi sebagian (adaptasi atau modifikasi)');
		expect(pdf.text).toContain('Melatih dua petugas PIHAK KEDUA.');
		expect(pdf.text).toContain('melaporkan hasil setiap tiga bulan.');
		expect(pdf.text).toContain('berlaku sejak 1 Desember 2026 sampai dengan 30 November 2027.');
		expect(pdf.text).toContain('Hub Inovasi Nusa Tenggara Timur');
		expect(pdf.text).toContain('PIHAK PERTAMA: telah dikonfirmasi di JIPPNas oleh Siti Rahmawati pada 21 November 2026.');
		expect(pdf.text).toContain('PIHAK KEDUA: belum dikonfirmasi.');
		// Not confirmed by both sides yet: a draft, and the unsigned name left open.
		expect(pdf.text).toContain('DRAF — belum dikonfirmasi oleh kedua pihak');
		expect(pdf.text).toContain('( Siti Rahmawati )');
		expect(pdf.text).toContain('( ................................................ )');
		expect(pdf.title).toBe('Surat Kesepakatan Replikasi Inovasi 007/KS-REP/JIPPNAS/2026');
		expect(pdf.creationDate?.toISOString()).toBe('2026-11-19T17:00:00.000Z');
	});

	it('is no draft once both sides confirmed', async () => {
		const pdf = await extractPdfText(
			await renderAgreementPdf({ ...DATA, replicatorConfirmation: { by: 'Yohanes Bei', on: new Date('2026-11-22T03:00:00Z') } })
		);
		expect(pdf.text).not.toContain('DRAF');
		expect(pdf.text).toContain('PIHAK KEDUA: telah dikonfirmasi di JIPPNas oleh Yohanes Bei pada 22 November 2026.');
	});

	it('wraps long duties over pages, numbers the pages, and draws text outside WinAnsi safely', async () => {
		const duty = 'Mendampingi PIHAK KEDUA dalam menyesuaikan alur layanan dengan kondisi setempat (Ā→ā, 🚀). ';
		const pdf = await extractPdfText(await renderAgreementPdf({ ...DATA, dutiesOriginator: duty.repeat(120) }));
		expect(pdf.pages.length).toBeGreaterThan(2);
		const last = pdf.pages.length;
		expect(pdf.pages[last - 1]).toContain(`Halaman ${last} dari ${last}`);
		expect(pdf.text).toContain('(A->a, ?)');
		for (const page of pdf.pages) for (const line of page) expect(line.length).toBeLessThan(120);
		// The signature blocks are on the last page.
		expect(pdf.pages[last - 1]).toContain('PIHAK KEDUA');
	});

	it('gives the same bytes for the same data', async () => {
		const [a, b] = await Promise.all([renderAgreementPdf(DATA), renderAgreementPdf(DATA)]);
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
		expect(Buffer.from(a.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
	});
});
