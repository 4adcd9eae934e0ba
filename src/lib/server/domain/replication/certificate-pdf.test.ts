import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../../../tests/support/pdf-text';
import { renderCertificatePdf, type CertificatePdfData } from './certificate-pdf';

const DATA: CertificatePdfData = {
	number: '012/SRT-REP/JIPPNAS/2027',
	replicatorName: 'Pemerintah Kabupaten Ngada',
	originatorName: 'Pemerintah Kota Surabaya',
	innovationTitle: 'Sistem Antrean Puskesmas Daring',
	kind: 'penuh',
	completedOn: '2027-06-15',
	facilitatorName: 'Hub Inovasi Nusa Tenggara Timur',
	agreementNumber: '007/KS-REP/JIPPNAS/2026',
	verifyUrl: 'https://jippnas.example.go.id/replikasi/rep-1'
};

describe('renderCertificatePdf', () => {
	it('certifies that the replicator completed the replication of the originator’s innovation', async () => {
		const bytes = await renderCertificatePdf(DATA);
		const pdf = await extractPdfText(bytes);
		expect(pdf.pages).toHaveLength(1);
		expect(pdf.pages[0]![0]).toBe('SERTIFIKAT REPLIKASI INOVASI');
		expect(pdf.text).toContain('Nomor: 012/SRT-REP/JIPPNAS/2027');
		expect(pdf.text).toContain('Pemerintah Kabupaten Ngada telah menyelesaikan replikasi inovasi “Sistem Antrean Puskesmas Daring” dari Pemerintah Kota Surabaya');
		expect(pdf.text).toContain('Replikasi penuh — selesai pada 15 Juni 2027');
		expect(pdf.text).toContain('Difasilitasi oleh Hub Inovasi Nusa Tenggara Timur');
		expect(pdf.text).toContain('Surat Kesepakatan Nomor 007/KS-REP/JIPPNAS/2026');
		expect(pdf.text).toContain('https://jippnas.example.go.id/replikasi/rep-1');
		expect(pdf.title).toBe('Sertifikat Replikasi Inovasi 012/SRT-REP/JIPPNAS/2027');
		expect(Buffer.from(await renderCertificatePdf(DATA)).equals(Buffer.from(bytes))).toBe(true);
	});

	it('names the national admin when no hub facilitated, and takes a completion timestamp', async () => {
		const pdf = await extractPdfText(
			await renderCertificatePdf({ ...DATA, facilitatorName: null, agreementNumber: null, verifyUrl: null, completedOn: new Date('2027-06-30T18:00:00Z') })
		);
		expect(pdf.text).toContain('Difasilitasi oleh Admin Nasional JIPPNas');
		expect(pdf.text).toContain('selesai pada 1 Juli 2027');
		expect(pdf.text).toContain('dapat diperiksa di JIPPNas dengan nomor sertifikatnya.');
	});
});
