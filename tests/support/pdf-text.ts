import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';

/**
 * The text drawn on each page of a PDF made with pdf-lib's standard fonts: every `<hex> Tj`
 * of the page's content streams decoded from WinAnsi, one string per drawn line, in drawing
 * order. Enough to assert what a generated agreement or certificate says.
 */
export interface PdfText {
	pages: string[][];
	/** All lines of all pages joined with spaces. */
	text: string;
	title: string | undefined;
	creationDate: Date | undefined;
}

// WinAnsi 0x80..0x9F differ from Latin-1.
const WIN_ANSI_HIGH: Record<number, string> = {
	0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
	0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
	0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ'
};

function decodeWinAnsi(hex: string): string {
	let out = '';
	for (let i = 0; i + 1 < hex.length; i += 2) {
		const code = parseInt(hex.slice(i, i + 2), 16);
		out += WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
	}
	return out;
}

function streamBytes(doc: PDFDocument, object: PDFObject | undefined): Uint8Array[] {
	const resolved = object ? doc.context.lookup(object) : undefined;
	if (resolved instanceof PDFArray) return resolved.asArray().flatMap((item) => streamBytes(doc, item));
	if (resolved instanceof PDFRawStream) {
		const filter = resolved.dict.get(PDFName.of('Filter'));
		return [filter?.toString() === '/FlateDecode' ? inflateSync(resolved.contents) : resolved.contents];
	}
	return [];
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
	const doc = await PDFDocument.load(bytes, { updateMetadata: false });
	const pages = doc.getPages().map((page) => {
		const content = streamBytes(doc, page.node.get(PDFName.of('Contents')))
			.map((b) => Buffer.from(b).toString('latin1'))
			.join('\n');
		return [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => decodeWinAnsi(m[1]!));
	});
	return { pages, text: pages.flat().join(' '), title: doc.getTitle(), creationDate: doc.getCreationDate() };
}
