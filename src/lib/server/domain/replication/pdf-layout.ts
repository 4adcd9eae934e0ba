/**
 * Small layout helpers for the replication PDFs (agreement, certificate) drawn with pdf-lib and
 * the standard Helvetica fonts: Indonesian long dates, text the WinAnsi encoding of those fonts
 * can carry, word wrapping, and a page writer that flows paragraphs over pages. No I/O; the
 * output depends only on the data (creation date included), so the same data gives the same bytes.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** 'YYYY-MM-DD' (or a timestamp's date in WIB) as "1 Desember 2026". */
export function indonesianLongDate(value: string | Date): string {
	const ymd = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : jakartaDate(value);
	const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
	return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The calendar date in Jakarta (WIB, UTC+7, no daylight saving) of a moment. */
export function jakartaDate(value: string | Date): string {
	const time = new Date(value).getTime();
	if (Number.isNaN(time)) throw new RangeError(`Tanggal tidak valid: ${String(value)}`);
	return new Date(time + 7 * 3600_000).toISOString().slice(0, 10);
}

// Characters outside WinAnsi that have an obvious stand-in.
const REPLACEMENTS: Record<string, string> = {
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2015': '—',
	'\u2212': '-',
	'\u2032': "'",
	'\u2033': '"',
	'\u2190': '<-',
	'\u2192': '->',
	'\u2264': '<=',
	'\u2265': '>=',
	'\u00ad': '',
	'\u200b': '',
	'\u200c': '',
	'\u200d': '',
	'\ufeff': '',
	'\u2009': ' ',
	'\u202f': ' ',
	'\u2002': ' ',
	'\u2003': ' ',
	Ł: 'L',
	ł: 'l',
	Đ: 'D',
	đ: 'd',
	ı: 'i'
};

/**
 * Text the standard fonts can draw: Indonesian (Latin letters, é, ü ...) stays as it is;
 * letters with marks outside WinAnsi lose the mark (ā -> a), dashes and arrows get a stand-in,
 * anything else (emoji, other scripts) becomes "?". Line breaks are kept; tabs become spaces
 * and other control characters are dropped.
 */
export function toWinAnsi(text: string, charset: ReadonlySet<number>): string {
	let out = '';
	for (const char of text.normalize('NFC')) {
		const code = char.codePointAt(0)!;
		if (char === '\n') out += '\n';
		else if (char === '\t') out += ' ';
		else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
		else if (charset.has(code)) out += char;
		else if (char in REPLACEMENTS) out += REPLACEMENTS[char];
		else {
			const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
			out += bare && [...bare].every((c) => charset.has(c.codePointAt(0)!)) ? bare : '?';
		}
	}
	return out;
}

/**
 * Lines of at most `maxWidth` (as `measure` reckons), breaking at spaces; a word wider than a
 * line is broken inside. Each "\n" starts a new line; an empty paragraph gives an empty line.
 */
export function wrapText(text: string, measure: (text: string) => number, maxWidth: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
		const words = paragraph.split(/ +/).filter(Boolean);
		if (words.length === 0) {
			lines.push('');
			continue;
		}
		let line = '';
		for (const word of words) {
			const candidate = line ? `${line} ${word}` : word;
			if (measure(candidate) <= maxWidth) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = '';
			// A word that fits no line on its own is cut where it overflows.
			let rest = word;
			while (measure(rest) > maxWidth) {
				let cut = rest.length - 1;
				while (cut > 1 && measure(rest.slice(0, cut)) > maxWidth) cut--;
				lines.push(rest.slice(0, cut));
				rest = rest.slice(cut);
			}
			line = rest;
		}
		lines.push(line);
	}
	return lines;
}

export const A4_PORTRAIT: [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

export interface TextStyle {
	size?: number;
	bold?: boolean;
	align?: 'left' | 'center';
	/** Extra space before the block, in points. */
	before?: number;
	/** Indent from the left margin, in points. */
	indent?: number;
	color?: [number, number, number];
	lineHeight?: number;
}

export interface PdfMetadata {
	title: string;
	subject: string;
	keywords: string[];
	/** Fixed creation and modification date (deterministic output). */
	date: Date;
}

/** A document being written top to bottom, flowing onto new pages as needed. */
export class PdfComposer {
	page!: PDFPage;
	y = 0;

	private constructor(
		readonly doc: PDFDocument,
		readonly regular: PDFFont,
		readonly bold: PDFFont,
		private readonly charset: ReadonlySet<number>,
		readonly pageSize: [number, number],
		readonly margin: { top: number; bottom: number; left: number; right: number }
	) {}

	static async create(
		pageSize: [number, number],
		margin: { top: number; bottom: number; left: number; right: number },
		meta: PdfMetadata
	): Promise<PdfComposer> {
		const doc = await PDFDocument.create({ updateMetadata: false });
		const regular = await doc.embedFont(StandardFonts.Helvetica);
		const bold = await doc.embedFont(StandardFonts.HelveticaBold);
		const composer = new PdfComposer(doc, regular, bold, new Set(regular.getCharacterSet()), pageSize, margin);
		doc.setTitle(composer.clean(meta.title), { showInWindowTitleBar: true });
		doc.setSubject(composer.clean(meta.subject));
		doc.setKeywords(meta.keywords.map((k) => composer.clean(k)));
		doc.setAuthor('JIPPNas');
		doc.setCreator('JIPPNas');
		doc.setProducer('JIPPNas (pdf-lib)');
		doc.setLanguage('id-ID');
		doc.setCreationDate(meta.date);
		doc.setModificationDate(meta.date);
		composer.newPage();
		return composer;
	}

	get width(): number {
		return this.pageSize[0] - this.margin.left - this.margin.right;
	}

	/** The text as the fonts can draw it. */
	clean(text: string): string {
		return toWinAnsi(text, this.charset);
	}

	newPage(): void {
		this.page = this.doc.addPage(this.pageSize);
		this.y = this.pageSize[1] - this.margin.top;
	}

	/** Starts a new page unless `height` points still fit above the bottom margin. */
	ensureSpace(height: number): void {
		if (this.y - height < this.margin.bottom) this.newPage();
	}

	lines(text: string, style: TextStyle = {}): string[] {
		const size = style.size ?? 11;
		const font = style.bold ? this.bold : this.regular;
		return wrapText(this.clean(text), (s) => font.widthOfTextAtSize(s, size), this.width - (style.indent ?? 0));
	}

	/** A wrapped paragraph (or several, split at "\n"), flowing over pages. */
	text(text: string, style: TextStyle = {}): void {
		const size = style.size ?? 11;
		const font = style.bold ? this.bold : this.regular;
		const lineHeight = style.lineHeight ?? size * 1.4;
		const lines = this.lines(text, style);
		if (style.before) this.y -= style.before;
		for (const line of lines) {
			this.ensureSpace(lineHeight);
			this.y -= lineHeight;
			if (!line) continue;
			const indent = style.indent ?? 0;
			const x =
				style.align === 'center'
					? this.margin.left + indent + (this.width - indent - font.widthOfTextAtSize(line, size)) / 2
					: this.margin.left + indent;
			this.page.drawText(line, { x, y: this.y + size * 0.25, size, font, color: rgb(...(style.color ?? [0, 0, 0])) });
		}
	}

	/** "Label: value" with the label in bold and the value wrapped under the same indent. */
	field(label: string, value: string, style: TextStyle = {}): void {
		const size = style.size ?? 11;
		const labelText = this.clean(`${label}: `);
		const labelWidth = Math.min(this.bold.widthOfTextAtSize(labelText, size), this.width / 2);
		const lineHeight = style.lineHeight ?? size * 1.4;
		const lines = wrapText(this.clean(value), (s) => this.regular.widthOfTextAtSize(s, size), this.width - (style.indent ?? 0) - labelWidth);
		if (style.before) this.y -= style.before;
		lines.forEach((line, i) => {
			this.ensureSpace(lineHeight);
			this.y -= lineHeight;
			const x = this.margin.left + (style.indent ?? 0);
			if (i === 0) this.page.drawText(labelText, { x, y: this.y + size * 0.25, size, font: this.bold });
			if (line) this.page.drawText(line, { x: x + labelWidth, y: this.y + size * 0.25, size, font: this.regular });
		});
	}

	/** "Halaman i dari n" and a note at the foot of every page. */
	footers(note: string): void {
		const pages = this.doc.getPages();
		const size = 8;
		const text = this.clean(note);
		pages.forEach((page, i) => {
			const label = `Halaman ${i + 1} dari ${pages.length}`;
			const y = this.margin.bottom / 2;
			page.drawText(text, { x: this.margin.left, y, size, font: this.regular, color: rgb(0.35, 0.35, 0.35) });
			page.drawText(label, {
				x: this.pageSize[0] - this.margin.right - this.regular.widthOfTextAtSize(label, size),
				y,
				size,
				font: this.regular,
				color: rgb(0.35, 0.35, 0.35)
			});
		});
	}

	/** The bytes (without object streams, which some older PDF readers of government offices lack). */
	save(): Promise<Uint8Array> {
		return this.doc.save({ useObjectStreams: false });
	}
}
