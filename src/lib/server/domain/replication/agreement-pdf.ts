/**
 * The replication agreement as a PDF (Surat Kesepakatan Replikasi Inovasi): number and date,
 * PIHAK PERTAMA (the originator, owner of the innovation) and PIHAK KEDUA (the replicator), the
 * innovation and kind of replication, each party's duties, the validity period, whether each
 * side has confirmed it in JIPPNas, and signature blocks for the paper copy that is signed,
 * scanned and uploaded. Until both sides confirm, every page says it is a draft.
 */
import { rgb } from 'pdf-lib';
import type { ReplicationKind } from '../../db/schema';
import { A4_PORTRAIT, indonesianLongDate, PdfComposer, wrapText } from './pdf-layout';

export interface AgreementConfirmation {
	/** Name of the person who confirmed for the side. */
	by: string;
	/** When ('YYYY-MM-DD', or a timestamp: its date in WIB). */
	on: string | Date;
}

export interface AgreementPdfData {
	number: string;
	/** Date of the agreement ('YYYY-MM-DD'); also the PDF's creation date. */
	date: string;
	innovationTitle: string;
	kind: ReplicationKind;
	/** What the replicator takes over (from the interest), optional. */
	scope?: string | null;
	originatorName: string;
	replicatorName: string;
	dutiesOriginator: string;
	dutiesReplicator: string;
	validFrom: string;
	validUntil: string;
	/** The hub facilitating, or null for the national admin. */
	facilitatorName?: string | null;
	originatorConfirmation: AgreementConfirmation | null;
	replicatorConfirmation: AgreementConfirmation | null;
}

export const REPLICATION_KIND_NAMES: Record<ReplicationKind, string> = {
	penuh: 'Replikasi penuh',
	sebagian: 'Replikasi sebagian (adaptasi atau modifikasi)',
	perluasan: 'Perluasan (scale-up)'
};

export const NATIONAL_FACILITATOR = 'Admin Nasional JIPPNas';

const MARGIN = { top: 64, bottom: 64, left: 64, right: 64 };

function confirmationText(confirmation: AgreementConfirmation | null): string {
	return confirmation
		? `telah dikonfirmasi di JIPPNas oleh ${confirmation.by} pada ${indonesianLongDate(confirmation.on)}`
		: 'belum dikonfirmasi';
}

export async function renderAgreementPdf(data: AgreementPdfData): Promise<Uint8Array> {
	const confirmed = data.originatorConfirmation !== null && data.replicatorConfirmation !== null;
	const pdf = await PdfComposer.create(A4_PORTRAIT, MARGIN, {
		title: `Surat Kesepakatan Replikasi Inovasi ${data.number}`,
		subject: `Replikasi inovasi "${data.innovationTitle}" dari ${data.originatorName} oleh ${data.replicatorName}`,
		keywords: ['JIPPNas', 'replikasi inovasi', 'kesepakatan', data.number],
		date: new Date(`${data.date}T00:00:00+07:00`)
	});

	pdf.text('SURAT KESEPAKATAN REPLIKASI INOVASI', { size: 15, bold: true, align: 'center' });
	pdf.text('PELAYANAN PUBLIK', { size: 13, bold: true, align: 'center' });
	pdf.text(`Nomor: ${data.number}`, { size: 11, align: 'center', before: 6 });
	if (!confirmed) {
		pdf.text('DRAF — belum dikonfirmasi oleh kedua pihak', { size: 10, bold: true, align: 'center', before: 4, color: [0.7, 0.1, 0.1] });
	}

	pdf.text(`Pada tanggal ${indonesianLongDate(data.date)}, yang bersepakat di bawah ini:`, { before: 18 });
	pdf.text(`1. ${data.originatorName}, selaku pemilik inovasi, selanjutnya disebut PIHAK PERTAMA;`, { before: 6, indent: 14 });
	pdf.text(`2. ${data.replicatorName}, selaku pereplikasi inovasi, selanjutnya disebut PIHAK KEDUA.`, { before: 2, indent: 14 });
	pdf.text(
		'PIHAK PERTAMA dan PIHAK KEDUA, selanjutnya bersama-sama disebut PARA PIHAK, sepakat melaksanakan replikasi inovasi pelayanan publik dengan ketentuan sebagai berikut.',
		{ before: 8 }
	);

	const article = (number: number, title: string) => {
		pdf.ensureSpace(60);
		pdf.text(`Pasal ${number}`, { bold: true, align: 'center', before: 14 });
		pdf.text(title, { bold: true, align: 'center' });
	};

	article(1, 'Inovasi yang Direplikasi');
	pdf.field('Judul inovasi', data.innovationTitle, { before: 4 });
	pdf.field('Pemilik inovasi', data.originatorName);
	pdf.field('Jenis replikasi', REPLICATION_KIND_NAMES[data.kind]);
	if (data.scope?.trim()) pdf.field('Ruang lingkup', data.scope.trim());

	article(2, 'Tugas PIHAK PERTAMA');
	pdf.text(data.dutiesOriginator.trim(), { before: 4 });

	article(3, 'Tugas PIHAK KEDUA');
	pdf.text(data.dutiesReplicator.trim(), { before: 4 });

	article(4, 'Jangka Waktu');
	pdf.text(
		`Kesepakatan ini berlaku sejak ${indonesianLongDate(data.validFrom)} sampai dengan ${indonesianLongDate(data.validUntil)}.`,
		{ before: 4 }
	);

	article(5, 'Fasilitasi dan Pelaporan');
	pdf.text(
		`Replikasi ini difasilitasi oleh ${data.facilitatorName?.trim() || NATIONAL_FACILITATOR}. Setiap tahap, dokumen dan laporan pemantauan dicatat di JIPPNas (Jaringan Inovasi Pelayanan Publik Nasional).`,
		{ before: 4 }
	);

	pdf.ensureSpace(70);
	pdf.text('Status konfirmasi', { bold: true, before: 16 });
	pdf.text(`PIHAK PERTAMA: ${confirmationText(data.originatorConfirmation)}.`, { indent: 14 });
	pdf.text(`PIHAK KEDUA: ${confirmationText(data.replicatorConfirmation)}.`, { indent: 14 });

	signatureBlocks(pdf, data);
	pdf.footers(`Surat Kesepakatan Replikasi Inovasi Nomor ${data.number} — dibuat melalui JIPPNas`);
	return pdf.save();
}

/** Two columns: PIHAK PERTAMA left, PIHAK KEDUA right, room to sign, the name below. */
function signatureBlocks(pdf: PdfComposer, data: AgreementPdfData): void {
	const gap = 32;
	const column = (pdf.width - gap) / 2;
	const size = 11;
	const lineHeight = size * 1.4;
	const wrap = (text: string, bold = false) => {
		const font = bold ? pdf.bold : pdf.regular;
		return wrapText(pdf.clean(text), (s) => font.widthOfTextAtSize(s, size), column);
	};
	const sides = [
		{ heading: 'PIHAK PERTAMA', agency: data.originatorName, confirmation: data.originatorConfirmation },
		{ heading: 'PIHAK KEDUA', agency: data.replicatorName, confirmation: data.replicatorConfirmation }
	].map((side) => ({
		heading: wrap(side.heading, true),
		agency: wrap(side.agency),
		name: wrap(side.confirmation ? `( ${side.confirmation.by} )` : '( ................................................ )')
	}));
	const agencyLines = Math.max(...sides.map((s) => s.agency.length));
	const height = lineHeight * (2 + agencyLines + 1) + 64;
	pdf.ensureSpace(height + 20);
	pdf.y -= 20;
	const top = pdf.y;
	sides.forEach((side, index) => {
		const x = pdf.margin.left + index * (column + gap);
		let y = top;
		const draw = (line: string, bold = false) => {
			y -= lineHeight;
			const font = bold ? pdf.bold : pdf.regular;
			pdf.page.drawText(line, { x: x + (column - font.widthOfTextAtSize(line, size)) / 2, y: y + size * 0.25, size, font });
		};
		side.heading.forEach((line) => draw(line, true));
		side.agency.forEach((line) => draw(line));
		y -= (agencyLines - side.agency.length) * lineHeight;
		// Room for the signature and stamp.
		y -= 64;
		pdf.page.drawLine({
			start: { x: x + column * 0.1, y: y - 2 },
			end: { x: x + column * 0.9, y: y - 2 },
			thickness: 0.5,
			color: rgb(0.6, 0.6, 0.6)
		});
		side.name.forEach((line) => draw(line));
	});
	pdf.y = top - height;
}
