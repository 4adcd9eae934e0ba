import { describe, expect, it } from 'vitest';
import { cleanParagraphs, cleanText, compactText, decodeEntities, foldText, htmlToText, lastVisibleCode, looksLikeHtml, plainParagraphs } from './text';

describe('cleanText', () => {
	it.each([
		['  Kabupaten   Ngada  ', 'Kabupaten Ngada'],
		['\uFEFFID', 'ID'],
		['Pemkab\u200B Ngada', 'Pemkab Ngada'],
		['Si\u200DPintar', 'SiPintar'],
		['Kota\u00A0Surabaya', 'Kota Surabaya'],
		['baris satu\r\nbaris dua\tsel', 'baris satu baris dua sel'],
		['tanda\u00ADpisah', 'tandapisah'],
		['kontrol\u0007', 'kontrol'],
		['\u2003lebar\u202F', 'lebar']
	])('%j -> %j', (input, expected) => expect(cleanText(input)).toBe(expected));

	it('composes to NFC so that equal words compare equal', () => {
		const decomposed = 'Caf\u0065\u0301';
		expect(cleanText(decomposed)).toBe('Caf\u00e9');
		expect(cleanText(decomposed)).toHaveLength(4);
	});

	it('keeps emoji, including joined emoji sequences, and non-Latin text', () => {
		expect(cleanText(' Layanan 👍 cepat ')).toBe('Layanan 👍 cepat');
		const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
		expect(cleanText(`Keluarga ${family}`)).toBe(`Keluarga ${family}`);
		const womanTechnologist = '\u{1F469}\u{1F3FD}\u200D\u{1F4BB}';
		expect(cleanText(womanTechnologist)).toBe(womanTechnologist);
		expect(cleanText('Aksara ꦗꦮ')).toBe('Aksara ꦗꦮ');
	});

	it('turns null and undefined into the empty string', () => {
		expect(cleanText(null)).toBe('');
		expect(cleanText(undefined)).toBe('');
	});
});

describe('cleanParagraphs', () => {
	it('keeps line breaks, collapses spaces per line and blank-line runs', () => {
		expect(cleanParagraphs('  Satu   dua \r\n\r\n\r\n\r\n  tiga\r\nempat  ')).toBe('Satu dua\n\ntiga\nempat');
	});
});

describe('foldText and compactText', () => {
	it('fold case, accents and punctuation', () => {
		expect(foldText('  Pemerintah Kab. TOLI-TOLI ')).toBe('pemerintah kab toli toli');
		expect(foldText('Koperasi & UKM')).toBe('koperasi dan ukm');
		expect(foldText('Résumé')).toBe('resume');
	});
	it('compact ignores spacing and hyphens', () => {
		expect(compactText('Toli-Toli')).toBe(compactText('Tolitoli'));
		expect(compactText('Batang Hari')).toBe(compactText('BATANGHARI'));
	});
});

describe('decodeEntities', () => {
	it.each([
		['a &amp; b', 'a & b'],
		['&lt;b&gt;', '<b>'],
		['&quot;kutip&quot; &#39;satu&#39;', '"kutip" \'satu\''],
		['&#x27;hex&#X27;', "'hex'"],
		['Rp&nbsp;525', 'Rp 525'],
		['caf&eacute;', 'café'],
		['2&ndash;3', '2–3'],
		['&unknown; tetap', '&unknown; tetap'],
		['AT&T', 'AT&T'],
		['&#0;&#xD800;x', 'x']
	])('%j -> %j', (input, expected) => expect(decodeEntities(input)).toBe(expected));
});

describe('htmlToText', () => {
	it('keeps paragraphs, line breaks and list items of editor HTML', () => {
		const html =
			'<div><h3>Deskripsi</h3><p>Proyek <em>perubahan</em> di desa.<br>Masalah: antrean.</p>' +
			'<h3>Capaian</h3><ul><li>Tim 35 orang</li><li>Realisasi dari 82,1% menjadi 95,7%</li></ul></div>';
		expect(htmlToText(html)).toBe(
			'Deskripsi\n\nProyek perubahan di desa.\nMasalah: antrean.\n\nCapaian\n\n- Tim 35 orang\n- Realisasi dari 82,1% menjadi 95,7%'
		);
	});

	it('numbers ordered list items, honouring start', () => {
		expect(htmlToText('<ol><li>satu</li><li>dua</li></ol>')).toBe('1. satu\n2. dua');
		expect(htmlToText('<ol start="4"><li>empat</li><li>lima</li></ol>')).toBe('4. empat\n5. lima');
	});

	it('keeps nested list items in the same block', () => {
		expect(htmlToText('<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul><p>akhir</p>')).toBe('- a\n- a1\n- b\n\nakhir');
	});

	it('collapses source white space the way a browser does', () => {
		expect(htmlToText('<p>Satu\n   dua\t\ttiga</p>\n\n\n<p>empat</p>')).toBe('Satu dua tiga\n\nempat');
	});

	it('turns each <br> into a line break, so two make a blank line', () => {
		expect(htmlToText('satu<br>dua<br/><br />tiga')).toBe('satu\ndua\n\ntiga');
	});

	it('keeps the line breaks inside pre', () => {
		expect(htmlToText('<pre>a\nb\n  c</pre>')).toBe('a\nb\nc');
	});

	it('drops script, style and comments, including their content', () => {
		const html = '<p>Aman</p><script>alert("x")</script><style>p{color:red}</style><!-- catatan --><p>lagi</p>';
		expect(htmlToText(html)).toBe('Aman\n\nlagi');
	});

	it('drops an unclosed script to the end rather than leaking its code', () => {
		expect(htmlToText('<p>Teks</p><script>steal()')).toBe('Teks');
	});

	it('decodes entities and never returns markup, even double-escaped markup', () => {
		expect(htmlToText('<p>Tom &amp; Jerry &lt;3</p>')).toBe('Tom & Jerry <3');
		expect(htmlToText('&lt;p&gt;Teks &lt;b&gt;tebal&lt;/b&gt;&lt;/p&gt;')).toBe('Teks tebal');
		expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;<p>ok</p>')).not.toMatch(/<\/?script/i);
		expect(htmlToText('&amp;lt;img src=x onerror=alert(1)&amp;gt;teks')).toBe('teks');
	});

	it('tolerates broken markup', () => {
		expect(htmlToText('<p>Satu<p>Dua</div><b>tiga')).toBe('Satu\n\nDua\n\ntiga');
		expect(htmlToText('<p title="a > b">Isi</p>')).toBe('Isi');
		expect(htmlToText('<P CLASS=x>Besar</P>')).toBe('Besar');
		expect(htmlToText('<p>teks</p><p')).toBe('teks');
	});

	it('treats a lone less-than sign as text', () => {
		expect(htmlToText('<p>usia < 5 tahun dan > 2 tahun</p>')).toBe('usia < 5 tahun dan > 2 tahun');
	});

	it('separates table cells and rows', () => {
		expect(htmlToText('<table><tr><th>Sebelum</th><th>Sesudah</th></tr><tr><td>82,1%</td><td>95,7%</td></tr></table>')).toBe(
			'Sebelum | Sesudah\n82,1% | 95,7%'
		);
	});

	it('leaves plain text with its own line breaks', () => {
		expect(htmlToText('Baris satu\nBaris dua\n\n\nParagraf baru')).toBe('Baris satu\nBaris dua\n\nParagraf baru');
	});

	it('strips BOM and zero-width characters and composes NFC', () => {
		expect(htmlToText('\uFEFF<p>Caf\u0065\u0301\u200B</p>')).toBe('Caf\u00e9');
	});

	it('keeps emoji', () => {
		expect(htmlToText('<p>Cepat &#128077; 👍</p>')).toBe('Cepat 👍 👍');
	});

	it('gives the empty string for nothing', () => {
		expect(htmlToText(null)).toBe('');
		expect(htmlToText('<p> </p><br>')).toBe('');
	});
});

describe('looksLikeHtml', () => {
	it('tells markup from text', () => {
		expect(looksLikeHtml('<p>x</p>')).toBe(true);
		expect(looksLikeHtml('a &amp; b')).toBe(true);
		expect(looksLikeHtml('usia < 5 dan > 2')).toBe(false);
		expect(looksLikeHtml('AT&T')).toBe(false);
	});
});

/** The implementations before the plain-ASCII fast paths: the fast paths must not change any result. */
const before = {
	strip(value: string): string {
		if (!/[^\x20-\x7e\t\n\r]/.test(value)) return value;
		return value
			.normalize('NFC')
			.replace(/[\uFEFF\u200B\u200C\u2060\u00AD]/g, '')
			.replace(/(\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?)\u200D(?=\p{Extended_Pictographic})|\u200D/gu, (match, emoji: string | undefined) =>
				emoji ? match : ''
			)
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
			.replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
	},
	cleanText(value: string): string {
		return before.strip(value).replace(/\s+/g, ' ').trim();
	},
	cleanParagraphs(value: string): string {
		return before
			.strip(value)
			.replace(/\r\n?/g, '\n')
			.split('\n')
			.map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim();
	},
	foldText(value: string): string {
		return before
			.cleanText(value)
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/&/g, ' dan ')
			.replace(/[^a-z0-9]+/g, ' ')
			.trim();
	}
};

const EDGE_CASES = [
	'',
	' ',
	'  ',
	'\t',
	'\n',
	'\r\n',
	'plain words',
	' leading and trailing ',
	'two  spaces',
	'tab\there',
	'line\nbreak',
	'crlf\r\nline\rcr',
	'a\n\n\n\nb',
	' a \n b \n\t\n c ',
	'\f form \v feed',
	'Café crème',
	'Cafe\u0301',
	'emoji 👨\u200D👩\u200D👧 keluarga 👍🏽',
	'nbsp\u00A0here\u2003wide',
	'\uFEFFbom and zero\u200Bwidth',
	'line\u2028separator\u2029para',
	'kontrol\u0007\u007f',
	'AT&T & Co &amp;',
	'Toli-Toli, Sulawesi_Tengah (2020): 56,3%!',
	'UPPER lower 123',
	'~tilde` `quotes\'"',
	'ﬁ ligature and ² super',
	'İstanbul ß',
	'\n\n  lead\n\n\n\nmid \t \n\t end  \r\n\r\n\r\n',
	'a\r\rb\r\n\nc\n\r\nd',
	'\t\t',
	'\n \n \n',
	'a | b\n| c |\n|\n d |'
];

describe('fast paths give what the full clean-up gives', () => {
	it.each(EDGE_CASES)('%j', (value) => {
		expect(cleanText(value)).toBe(before.cleanText(value));
		expect(cleanParagraphs(value)).toBe(before.cleanParagraphs(value));
		expect(foldText(value)).toBe(before.foldText(value));
	});

	it('plainParagraphs is cleanParagraphs for ASCII text', () => {
		for (const value of EDGE_CASES) if (!/[^\x20-\x7e\t\n\r]/.test(value)) expect(plainParagraphs(value)).toBe(before.cleanParagraphs(value));
		const long = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? '\r\n\n\n' : i % 5 === 0 ? ' \t ' : `kata${i} `)).join('');
		expect(plainParagraphs(long)).toBe(before.cleanParagraphs(long));
		expect(plainParagraphs('pendek\n\n\nlagi ')).toBe('pendek\n\nlagi');
	});

	it('looksLikeHtml needs a < or a &', () => {
		for (const value of EDGE_CASES) expect(looksLikeHtml(value)).toBe(/<\/?[A-Za-z][^<>]*>|<!--/.test(value) || /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);/.test(value));
	});
});

describe('lastVisibleCode', () => {
	it.each(['', 'a', '\n', 'a\n', 'a\n \t ', 'a\n x', '\n\n ', ' \t', 'a \n', '\r', 'a\r\n'])('%j tells a line break at the end', (text) =>
		expect(lastVisibleCode(text) === 10).toBe(/\n[ \t]*$/.test(text))
	);
});
