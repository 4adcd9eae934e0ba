/**
 * Text clean-up for values read from source exports: invisible characters, odd spaces and
 * narrative HTML from web editors. Pure functions; the importer calls them on every text cell.
 */

// BOM, zero-width space/non-joiner, word joiner and soft hyphen: invisible in every source
// viewer, but they break equality and search.
const INVISIBLE = /[\uFEFF\u200B\u200C\u2060\u00AD]/g;
// A zero-width joiner is dropped too, except inside an emoji sequence (👨‍👩‍👧) where it is content.
const JOINER = /(\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?)\u200D(?=\p{Extended_Pictographic})|\u200D/gu;
// Control characters other than tab and line breaks (they come from copy-paste out of PDFs).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// Non-breaking and typographic spaces that editors insert.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

// Anything but printable ASCII, tab and line breaks: text without any needs none of the steps below.
const NOT_PLAIN = /[^\x20-\x7e\t\n\r]/;

function stripInvisible(value: string): string {
	if (!NOT_PLAIN.test(value)) return value;
	return value
		.normalize('NFC')
		.replace(INVISIBLE, '')
		.replace(JOINER, (match, emoji: string | undefined) => (emoji ? match : ''))
		.replace(CONTROL, '')
		.replace(ODD_SPACES, ' ');
}

// Printable ASCII without two spaces in a row: cleanText and cleanParagraphs leave such text as it
// is but for trimming, so it skips their passes (most cells of every export are like that).
const UNTIDY = /[^\x20-\x7e]| {2}/;

const WHITE_SPACE = /\s+/g;
const LINE_BREAK = /\r\n?/g;
const LINE_SPACES = /[ \t\f\v]+/g;
const BLANK_LINES = /\n{3,}/g;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const AMPERSAND = /&/g;
const NON_WORD = /[^a-z0-9]+/g;

/** One-line text: NFC, no BOM or zero-width characters, trimmed, internal white space collapsed. */
export function cleanText(value: string | null | undefined): string {
	if (value == null) return '';
	const text = String(value);
	if (!UNTIDY.test(text)) return text.trim();
	return stripInvisible(text).replace(WHITE_SPACE, ' ').trim();
}

/**
 * Multi-line plain text: like cleanText, but line breaks survive (CRLF -> LF), spaces are
 * collapsed within each line and runs of blank lines become one blank line.
 */
export function cleanParagraphs(value: string | null | undefined): string {
	if (value == null) return '';
	const text = String(value);
	// One line of tidy text (no line break is printable ASCII).
	if (!UNTIDY.test(text)) return text.trim();
	if (!NOT_PLAIN.test(text)) return plainParagraphs(text);
	return stripInvisible(text)
		.replace(LINE_BREAK, '\n')
		.split('\n')
		.map((line) => line.replace(LINE_SPACES, ' ').trim())
		.join('\n')
		.replace(BLANK_LINES, '\n\n')
		.trim();
}

/** Scratch space of plainParagraphs, grown as needed (its bytes never outlive a call). */
let paragraphBytes = Buffer.allocUnsafe(4096);

/**
 * cleanParagraphs of ASCII text (printable, tab and line breaks; what stripInvisible leaves as it
 * is) in one pass instead of split, a regex per line, join and two more passes: narratives cleaned
 * of their HTML are like that. Spaces and tabs at the start and end of a line go, runs of them
 * within it become one space, CR and CRLF are line breaks, blank lines collapse to one, and blank
 * lines at the start and end go.
 */
export function plainParagraphs(text: string): string {
	if (paragraphBytes.length < text.length) paragraphBytes = Buffer.allocUnsafe(2 * text.length);
	const bytes = paragraphBytes;
	let length = 0;
	// Line breaks since the last character written (only counted once something is written).
	let breaks = 0;
	// Spaces or tabs after something on this line: one space, unless the line ends first.
	let spaced = false;
	let lineStarted = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 10 || code === 13) {
			if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
			if (length > 0) breaks++;
			spaced = false;
			lineStarted = false;
		} else if (code === 32 || code === 9) {
			if (lineStarted) spaced = true;
		} else {
			if (breaks > 0) {
				bytes[length++] = 10;
				if (breaks > 1) bytes[length++] = 10;
				breaks = 0;
			} else if (spaced) {
				bytes[length++] = 32;
			}
			spaced = false;
			lineStarted = true;
			bytes[length++] = code;
		}
	}
	return bytes.toString('latin1', 0, length);
}

/**
 * A comparison key: cleanText, accents removed, lower case, `&` read as `dan`, every run of
 * punctuation or space turned into one space. `Toli-Toli` -> `toli toli`.
 */
export function foldText(value: string | null | undefined): string {
	const cleaned = cleanText(value);
	// ASCII has no accents and NFD leaves it as it is (normalising is costly).
	const unaccented = NON_ASCII.test(cleaned) ? cleaned.normalize('NFD').replace(COMBINING_MARKS, '') : cleaned;
	return unaccented.toLowerCase().replace(AMPERSAND, ' dan ').replace(NON_WORD, ' ').trim();
}

/** foldText without spaces, so that `Toli-Toli`, `Toli Toli` and `Tolitoli` are equal. */
export function compactText(value: string | null | undefined): string {
	return foldText(value).replace(/ /g, '');
}

// ---------------------------------------------------------------------------------------------
// HTML to plain text

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ensp: ' ',
	emsp: ' ',
	thinsp: ' ',
	shy: '',
	zwsp: '',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	sbquo: '‚',
	ldquo: '“',
	rdquo: '”',
	bdquo: '„',
	laquo: '«',
	raquo: '»',
	bull: '•',
	middot: '·',
	copy: '©',
	reg: '®',
	trade: '™',
	deg: '°',
	plusmn: '±',
	times: '×',
	divide: '÷',
	frac12: '½',
	frac14: '¼',
	frac34: '¾',
	sup2: '²',
	sup3: '³',
	micro: 'µ',
	para: '¶',
	sect: '§',
	euro: '€',
	cent: '¢',
	pound: '£',
	yen: '¥',
	le: '≤',
	ge: '≥',
	ne: '≠',
	larr: '←',
	rarr: '→',
	uarr: '↑',
	darr: '↓',
	agrave: 'à',
	aacute: 'á',
	acirc: 'â',
	auml: 'ä',
	atilde: 'ã',
	egrave: 'è',
	eacute: 'é',
	ecirc: 'ê',
	euml: 'ë',
	igrave: 'ì',
	iacute: 'í',
	icirc: 'î',
	iuml: 'ï',
	ograve: 'ò',
	oacute: 'ó',
	ocirc: 'ô',
	ouml: 'ö',
	otilde: 'õ',
	ugrave: 'ù',
	uacute: 'ú',
	ucirc: 'û',
	uuml: 'ü',
	ntilde: 'ñ',
	ccedil: 'ç',
	Agrave: 'À',
	Aacute: 'Á',
	Eacute: 'É',
	Egrave: 'È',
	Oacute: 'Ó',
	Uacute: 'Ú',
	Ntilde: 'Ñ',
	Ccedil: 'Ç'
};

/** Decodes named (common set), decimal and hexadecimal character references; unknown ones stay. */
export function decodeEntities(value: string): string {
	return value.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g, (whole, body: string) => {
		if (body.startsWith('#')) {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			// Surrogates, NUL and out-of-range code points are what a browser replaces; drop them.
			if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
			return String.fromCodePoint(code);
		}
		const decoded = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
		// Without the semicolon only the classic few are entities (`AT&T` must stay as written).
		if (decoded === undefined || (!whole.endsWith(';') && !['amp', 'lt', 'gt', 'quot', 'nbsp'].includes(body))) {
			return whole;
		}
		return decoded;
	});
}

// Elements whose content is never narrative text.
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title']);
// Elements that start and end a paragraph.
const BLOCKS = new Set([
	'p',
	'div',
	'section',
	'article',
	'aside',
	'header',
	'footer',
	'main',
	'nav',
	'blockquote',
	'pre',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'ul',
	'ol',
	'dl',
	'table',
	'figure',
	'figcaption',
	'address',
	'hr',
	'form',
	'fieldset'
]);
// Elements that start a new line but not a new paragraph.
const LINES = new Set(['br', 'li', 'tr', 'dt', 'dd', 'caption', 'option']);

// A tag starts with `<` directly followed by a letter or `/` (`a < b` is text, as in a browser).
const TAG_LIKE = /<\/?[A-Za-z][^<>]*>|<!--/;
// Markup that is still escaped once more (`&lt;img ...&gt;` after decoding `&amp;lt;img`).
const ESCAPED_TAG = /&lt;\/?[A-Za-z][^<>]*?&gt;/i;

/** True when the value contains something that looks like an HTML tag or a character reference. */
export function looksLikeHtml(value: string): boolean {
	// Both need a `<` or a `&`; most narratives have neither, and indexOf is cheaper than a regex.
	if (!value.includes('<') && !value.includes('&')) return false;
	return TAG_LIKE.test(value) || /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);/.test(value);
}

interface ListState {
	ordered: boolean;
	next: number;
}

// White space a pass turns into one space, and tests for text that has any to turn (a single
// space between words, the most of it, needs no replacing).
const ANY_SPACES = /[ \t\r\n\f]+/g;
const SPACING = /[\t\r\n\f]| [ \t\r\n\f]/;
const SPACES_IN_LINE = /[ \t\f]+/g;
const LINE_SPACING = /[\t\f]| [ \t\f]/;

/** One pass of the tag stripper: tags removed, entities decoded, structure turned into breaks. */
function stripOnce(html: string, firstPass: boolean): string {
	let out = '';
	let i = 0;
	const lists: ListState[] = [];
	let preDepth = 0;
	const n = html.length;

	// Whether `out` ends with a line break and perhaps spaces or tabs (/\n[ \t]*$/), kept up to
	// date by `append` instead of looking at `out` (a long string built piece by piece).
	let atBreak = false;
	const append = (piece: string) => {
		out += piece;
		// A piece of only spaces and tabs leaves it as it was.
		const last = lastVisibleCode(piece);
		if (last >= 0) atBreak = last === 10;
	};
	const appendText = (raw: string) => {
		const text = raw.includes('&') ? decodeEntities(raw) : raw;
		// Later passes work on our own output, whose line breaks are already meaningful.
		if (preDepth > 0) append(text);
		else if (firstPass) append(SPACING.test(text) ? text.replace(ANY_SPACES, ' ') : text);
		else append(LINE_SPACING.test(text) ? text.replace(SPACES_IN_LINE, ' ') : text);
	};
	// Structure breaks do not add up (`</li></ul>` is one break); only `<br>` always counts.
	const breakLine = () => {
		if (!atBreak) append('\n');
	};
	const breakParagraph = () => {
		append('\n\n');
	};

	while (i < n) {
		const lt = html.indexOf('<', i);
		if (lt === -1) {
			appendText(html.slice(i));
			break;
		}
		appendText(html.slice(i, lt));
		if (html.startsWith('<!--', lt)) {
			const end = html.indexOf('-->', lt + 4);
			i = end === -1 ? n : end + 3;
			continue;
		}
		if (html.startsWith('<![CDATA[', lt)) {
			const end = html.indexOf(']]>', lt + 9);
			appendText(html.slice(lt + 9, end === -1 ? n : end));
			i = end === -1 ? n : end + 3;
			continue;
		}
		const match = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(lt, lt + 64));
		if (!match && !/^<[!?]/.test(html.slice(lt, lt + 2))) {
			// A lone `<` (e.g. `usia < 5 tahun`) is text, not a tag.
			appendText('<');
			i = lt + 1;
			continue;
		}
		const close = findTagEnd(html, lt + 1);
		if (close === -1) {
			// Unterminated tag at the end: whatever follows is a broken tag, not text.
			break;
		}
		i = close + 1;
		if (!match) continue; // <!DOCTYPE ...>, <?xml ...?>
		const closing = match[1] === '/';
		const name = match[2]!.toLowerCase();
		if (!closing && DROPPED.has(name)) {
			const selfClosing = html[close - 1] === '/';
			if (!selfClosing) i = skipElement(html, i, name);
			continue;
		}
		if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
		if (name === 'ul' || name === 'ol') {
			if (closing) lists.pop();
			else lists.push({ ordered: name === 'ol', next: startOf(html.slice(lt, close)) });
			// A nested list continues its parent item's block.
			if (lists.length === 0 || (!closing && lists.length === 1)) breakParagraph();
			else breakLine();
			continue;
		}
		if (name === 'li') {
			if (!closing) {
				breakLine();
				const list = lists[lists.length - 1];
				append(list?.ordered ? `${list.next++}. ` : '- ');
			}
			continue;
		}
		if (name === 'td' || name === 'th') {
			if (!closing) append(' | ');
			continue;
		}
		if (BLOCKS.has(name)) breakParagraph();
		else if (name === 'br') append('\n');
		else if (LINES.has(name) && !closing) breakLine();
	}
	return out;
}

/**
 * The code of the last character other than a space or a tab, or -1: what tells whether text ends
 * at a line break (`/\n[ \t]*$/`) without scanning it from the start, which made long narratives
 * quadratic when done at every break on the output built so far.
 */
export function lastVisibleCode(text: string): number {
	let i = text.length - 1;
	while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
	return i >= 0 ? text.charCodeAt(i) : -1;
}

/** Index of the `>` that ends the tag starting before `from`, respecting quoted attributes. */
function findTagEnd(html: string, from: number): number {
	let quote: string | null = null;
	for (let j = from; j < html.length; j++) {
		const ch = html[j];
		if (quote) {
			if (ch === quote) quote = null;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
		} else if (ch === '>') {
			return j;
		}
	}
	// An unbalanced quote inside a tag: fall back to the first `>`.
	return html.indexOf('>', from);
}

/** Position after `</name>`, or the end of input when the element is never closed. */
function skipElement(html: string, from: number, name: string): number {
	const closer = new RegExp(`<\\s*/\\s*${name}\\s*>`, 'i');
	const m = closer.exec(html.slice(from));
	return m ? from + m.index + m[0].length : html.length;
}

function startOf(tag: string): number {
	const m = /\bstart\s*=\s*["']?(\d+)/i.exec(tag);
	return m ? Number(m[1]) : 1;
}

/**
 * Narrative HTML from a web editor -> plain text. Paragraphs and headings become blank-line
 * separated blocks, `<br>` a line break, list items `- item` (or `1. item`), table cells are
 * joined with ` | `; entities are decoded; script/style content is dropped. The result never
 * contains markup: escaped markup (`&lt;p&gt;`, which some exports double-encode) is stripped
 * too. Plain text without tags keeps its own line breaks.
 */
export function htmlToText(value: string | null | undefined): string {
	if (value == null) return '';
	let text = String(value);
	if (!looksLikeHtml(text)) return cleanParagraphs(text);
	// Each pass removes one level of escaping; three covers any real export.
	for (let pass = 0; pass < 3; pass++) {
		text = stripOnce(text, pass === 0);
		if (!TAG_LIKE.test(text) && !ESCAPED_TAG.test(text)) break;
	}
	// Anything still tag-shaped after three passes is removed rather than returned.
	if (text.includes('<')) text = text.replace(/<\/?[A-Za-z][^<>]*>|<!--/g, '');
	return tidyLines(text);
}

function tidyLines(text: string): string {
	const cleaned = cleanParagraphs(text);
	// Without cell separators there is nothing more to tidy: cleanParagraphs trimmed every line.
	if (!cleaned.includes('|')) return cleaned;
	const lines = cleaned
		.split('\n')
		// Cell separators at the start or end of a row are noise.
		.map((line) => line.replace(/^\|\s*/, '').replace(/\s*\|$/, '').trim());
	return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
