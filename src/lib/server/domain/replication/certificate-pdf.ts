/**
 * The completion certificate as a PDF (Sertifikat Replikasi Inovasi), A4 landscape: the
 * certificate number, the replicating agency that "telah menyelesaikan replikasi" of the
 * innovation of the originator, the kind, the completion date and the facilitator. Certificates
 * are public proof: anyone may check a number against the replication's public page.
 */
import { rgb } from 'pdf-lib';
import type { ReplicationKind } from '../../db/schema';
import { NATIONAL_FACILITATOR, REPLICATION_KIND_NAMES } from './agreement-pdf';
import { A4_LANDSCAPE, indonesianLongDate, PdfComposer } from './pdf-layout';

export interface CertificatePdfData {
	number: string;
	replicatorName: string;
	originatorName: string;
	innovationTitle: string;
	kind: ReplicationKind;
	/** 'YYYY-MM-DD' (or a timestamp: its date in WIB); also the PDF's creation date. */
	completedOn: string | Date;
	/** The hub facilitating, or null for the national admin. */
	facilitatorName?: string | null;
	agreementNumber?: string | null;
	/** Where the certificate can be checked, e.g. https://jippnas.go.id/replikasi/rep-... */
	verifyUrl?: string | null;
}

const MARGIN = { top: 96, bottom: 72, left: 90, right: 90 };
const NAVY: [number, number, number] = [0.08, 0.2, 0.42];

export async function renderCertificatePdf(data: CertificatePdfData): Promise<Uint8Array> {
	const completed = indonesianLongDate(data.completedOn);
	const day = typeof data.completedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.completedOn) ? data.completedOn : null;
	const pdf = await PdfComposer.create(A4_LANDSCAPE, MARGIN, {
		title: `Sertifikat Replikasi Inovasi ${data.number}`,
		subject: `${data.replicatorName} telah menyelesaikan replikasi inovasi "${data.innovationTitle}" dari ${data.originatorName}`,
		keywords: ['JIPPNas', 'replikasi inovasi', 'sertifikat', data.number],
		date: day ? new Date(`${day}T00:00:00+07:00`) : new Date(data.completedOn)
	});
	frame(pdf);

	pdf.text('SERTIFIKAT REPLIKASI INOVASI', { size: 24, bold: true, align: 'center', color: NAVY });
	pdf.text(`Nomor: ${data.number}`, { size: 11, align: 'center', before: 4 });
	pdf.text('Jaringan Inovasi Pelayanan Publik Nasional (JIPPNas) menerangkan bahwa', { size: 12, align: 'center', before: 22 });
	pdf.text(data.replicatorName, { size: 20, bold: true, align: 'center', before: 12 });
	pdf.text('telah menyelesaikan replikasi inovasi', { size: 12, align: 'center', before: 12 });
	pdf.text(`“${data.innovationTitle}”`, { size: 16, bold: true, align: 'center', before: 8 });
	pdf.text(`dari ${data.originatorName}`, { size: 12, align: 'center', before: 8 });
	pdf.text(`${REPLICATION_KIND_NAMES[data.kind]} — selesai pada ${completed}`, { size: 11, align: 'center', before: 16 });
	pdf.text(`Difasilitasi oleh ${data.facilitatorName?.trim() || NATIONAL_FACILITATOR}`, { size: 11, align: 'center' });
	if (data.agreementNumber) pdf.text(`Berdasarkan Surat Kesepakatan Nomor ${data.agreementNumber}`, { size: 10, align: 'center' });

	const check = data.verifyUrl
		? `Keaslian sertifikat ini dapat diperiksa di ${data.verifyUrl}`
		: 'Keaslian sertifikat ini dapat diperiksa di JIPPNas dengan nomor sertifikatnya.';
	pdf.text(check, { size: 9, align: 'center', before: 18, color: [0.35, 0.35, 0.35] });
	return pdf.save();
}

/** A double border around the page. */
function frame(pdf: PdfComposer): void {
	for (const page of pdf.doc.getPages()) {
		const [width, height] = pdf.pageSize;
		page.drawRectangle({ x: 28, y: 28, width: width - 56, height: height - 56, borderColor: rgb(...NAVY), borderWidth: 3 });
		page.drawRectangle({ x: 38, y: 38, width: width - 76, height: height - 76, borderColor: rgb(...NAVY), borderWidth: 0.75 });
	}
}
