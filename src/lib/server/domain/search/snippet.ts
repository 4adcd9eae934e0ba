import { stem } from './stemmer';
import { collapseWhitespace, eachWord, FUNCTION_WORDS } from './text';

/**
 * A snippet as safe segments: plain text pieces, some marked as hits. Pages render marked pieces
 * in <mark> through the template (escaped like any text); the API gives the same pieces.
 * Never HTML.
 */
export interface SnippetSegment {
	text: string;
	mark: boolean;
}

const DEFAULT_LENGTH = 220;

/** The part of `text` around its first hit (or its start), with every hit marked. */
export function buildSnippet(text: string, highlightStems: ReadonlySet<string>, maxLength = DEFAULT_LENGTH): SnippetSegment[] {
	return snippetOfCleanText(collapseWhitespace(text), highlightStems, maxLength);
}

/**
 * `buildSnippet` of a text whose whitespace is collapsed already (collapseWhitespace): the
 * search's cards keep their summaries so, which spares every hit of every search a pass of a
 * regular expression over its summary.
 */
export function snippetOfCleanText(clean: string, highlightStems: ReadonlySet<string>, maxLength = DEFAULT_LENGTH): SnippetSegment[] {
	if (!clean) return [];
	// The window follows from the first hit, so words are read (and stemmed, on every hit of every
	// search) only up to the window's end.
	const hits: { start: number; end: number }[] = [];
	let window: { start: number; end: number } | null = null;
	eachWord(clean, (word, start, end) => {
		if (window && end > window.end) return false;
		if (FUNCTION_WORDS.has(word) || !highlightStems.has(stem(word))) return true;
		window ??= windowAround(clean, start, maxLength);
		if (end > window.end) return false;
		hits.push({ start, end });
		return true;
	});
	const { start, end } = window ?? windowAround(clean, null, maxLength);
	const segments: SnippetSegment[] = [];
	if (start > 0) segments.push({ text: '…', mark: false });
	let at = start;
	for (const hit of hits) {
		if (hit.start > at) segments.push({ text: clean.slice(at, hit.start), mark: false });
		segments.push({ text: clean.slice(hit.start, hit.end), mark: true });
		at = hit.end;
	}
	if (at < end) segments.push({ text: clean.slice(at, end), mark: false });
	if (end < clean.length) segments.push({ text: '…', mark: false });
	return mergePlain(segments);
}

/** The snippet's span: from a word boundary a little before a first hit far into the text (else the start), cut at a word boundary. */
function windowAround(clean: string, firstHit: number | null, maxLength: number): { start: number; end: number } {
	let start = 0;
	if (firstHit !== null && firstHit > maxLength / 3) {
		const from = Math.max(0, firstHit - Math.floor(maxLength / 4));
		const space = clean.indexOf(' ', from);
		start = space >= 0 && space < firstHit ? space + 1 : from;
	}
	let end = Math.min(clean.length, start + maxLength);
	if (end < clean.length) {
		const space = clean.lastIndexOf(' ', end);
		if (space > start + maxLength / 2) end = space;
	}
	return { start, end };
}

/** The marked parts of a short text such as a title (the whole text). */
export function highlightAll(text: string, highlightStems: ReadonlySet<string>): SnippetSegment[] {
	return buildSnippet(text, highlightStems, Math.max(text.length, 1));
}

export function snippetText(segments: readonly SnippetSegment[]): string {
	return segments.map((s) => s.text).join('');
}

function mergePlain(segments: SnippetSegment[]): SnippetSegment[] {
	const out: SnippetSegment[] = [];
	for (const segment of segments) {
		const last = out.at(-1);
		if (last && !last.mark && !segment.mark) last.text += segment.text;
		else out.push({ ...segment });
	}
	return out;
}
