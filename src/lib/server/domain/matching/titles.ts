import { foldText, fuzzyTokenOverlap } from './similarity';

/**
 * Generic words that sources put in front of an innovation's name ("Aplikasi GO-PEDULI",
 * "Inovasi BU KERJA HEBAT", "Program Jemput.Transaksi.Lincah"). Always removed.
 */
export const GENERIC_TITLE_PREFIXES: readonly string[] = ['aplikasi', 'inovasi', 'program'];

/**
 * "Layanan" is both a prefix ("Layanan RUMAH INFO (Rumah Layanan ...)") and a real first word of
 * names ("Layanan PBB Lunas Daring"), so it is removed only in front of a name that comes with its
 * expansion, and only when the expansion does not itself start with it.
 */
export const CONDITIONAL_TITLE_PREFIXES: readonly string[] = ['layanan'];

/** Read-only: analyseTitle hands the same analysis to callers asking for the same title in a row. */
export interface TitleAnalysis {
	/** Input with white space collapsed. */
	readonly original: string;
	/** The short name (`BU TAAT`) when the title has an `ACRONYM (Expansion)` shape, else null. */
	readonly acronym: string | null;
	/** The long form when present, else null. */
	readonly expansion: string | null;
	/**
	 * Letters and digits of the short name in upper case (`BUTAAT`). For a title without an expansion
	 * this is the whole title, since it may be the acronym alone (`SCAN EMAS`, `rumah info`).
	 */
	readonly acronymKey: string;
	/** Folded tokens of the expansion, or of the whole title when there is none. */
	readonly expansionTokens: readonly string[];
	/** True when the title had both parts. */
	readonly hasBoth: boolean;
}

function collapse(value: string): string {
	return value.replace(/\s+/g, ' ').trim();
}

function stripPrefixes(value: string, prefixes: readonly string[]): string {
	let current = value;
	for (;;) {
		const first = current.split(' ', 1)[0] ?? '';
		if (!prefixes.includes(first.toLowerCase()) || current.length === first.length) return current;
		current = current.slice(first.length).trim();
	}
}

/** Dots used as word separators (`Keliling.Taat`) become spaces; trailing full stops go. */
function cleanPunctuation(value: string): string {
	return collapse(value.replace(/([A-Za-z])\.(?=[A-Za-z])/g, '$1 ').replace(/[.\s]+$/, ''));
}

function splitNameAndExpansion(title: string): [string, string] | null {
	const parenthesised = /^(.+?)\s*\((.+)\)$/.exec(title);
	if (parenthesised) return [parenthesised[1]!, parenthesised[2]!];
	const colon = /^(.+?)\s*:\s+(.+)$/.exec(title);
	if (colon) return [colon[1]!, colon[2]!];
	// A dash with spaces around it separates; `GO-LINCAH` stays one name.
	const dash = /^(.+?)\s+[-–—]\s+(.+)$/.exec(title);
	if (dash) return [dash[1]!, dash[2]!];
	return null;
}

export function acronymKeyOf(value: string): string {
	return foldText(value).replace(/ /g, '').toUpperCase();
}

export function titleTokens(value: string): string[] {
	const folded = foldText(value);
	return folded ? folded.split(' ') : [];
}

/** The last title analysed: the importer asks for each title twice in a row (its acronym, then matching). */
let lastTitle: { title: string; analysis: TitleAnalysis } | null = null;

export function analyseTitle(title: string): TitleAnalysis {
	if (lastTitle?.title === title) return lastTitle.analysis;
	const analysis = analyse(title);
	lastTitle = { title, analysis };
	return analysis;
}

function analyse(title: string): TitleAnalysis {
	const original = collapse(title);
	const cleaned = stripPrefixes(cleanPunctuation(original), GENERIC_TITLE_PREFIXES);
	const parts = splitNameAndExpansion(cleaned);
	if (parts) {
		const expansion = cleanPunctuation(parts[1]);
		let acronym = stripPrefixes(cleanPunctuation(parts[0]), GENERIC_TITLE_PREFIXES);
		const expansionFirst = (expansion.split(' ', 1)[0] ?? '').toLowerCase();
		if (!CONDITIONAL_TITLE_PREFIXES.includes(expansionFirst)) {
			acronym = stripPrefixes(acronym, CONDITIONAL_TITLE_PREFIXES);
		}
		return {
			original,
			acronym,
			expansion,
			acronymKey: acronymKeyOf(acronym),
			expansionTokens: titleTokens(expansion),
			hasBoth: true
		};
	}
	return {
		original,
		acronym: null,
		expansion: null,
		acronymKey: acronymKeyOf(cleaned),
		expansionTokens: titleTokens(cleaned),
		hasBoth: false
	};
}

export type TitleRelation =
	/** Same short name (any case, spacing, hyphenation). */
	| 'same-acronym'
	/** Same long form, up to a one-letter typo per word. */
	| 'same-expansion'
	/** Both names are known on both sides and they differ. */
	| 'different'
	/** One side only has a short name and the other only a long form: titles cannot decide. */
	| 'unknown'
	/** Partial agreement. */
	| 'partial';

export interface TitleComparison {
	/** 0..1 */
	similarity: number;
	relation: TitleRelation;
	acronymMatch: boolean;
	expansionSimilarity: number;
	/** The key shared when `acronymMatch`. */
	acronymKey: string | null;
}

/** Expansions count as the same at this token overlap; a one-letter typo per word is already tolerated. */
const SAME_EXPANSION = 0.8;
/** A bare title of at most this many words may be a short name rather than a long form. */
const SHORT_NAME_TOKENS = 3;

export function compareTitles(a: TitleAnalysis, b: TitleAnalysis): TitleComparison {
	const acronymMatch = a.acronymKey.length > 0 && a.acronymKey === b.acronymKey;
	// A bare title may be either the short or the long name, so it is compared against both.
	const acronymAgainstWhole =
		(!a.hasBoth && b.hasBoth && a.acronymKey === acronymKeyOf(b.expansion ?? '')) ||
		(!b.hasBoth && a.hasBoth && b.acronymKey === acronymKeyOf(a.expansion ?? ''));
	const expansionSimilarity = fuzzyTokenOverlap(a.expansionTokens, b.expansionTokens);
	const sameExpansion = expansionSimilarity >= SAME_EXPANSION || acronymAgainstWhole;
	const sharedKey = acronymMatch ? a.acronymKey : null;

	if (acronymMatch && (sameExpansion || !a.hasBoth || !b.hasBoth)) {
		return { similarity: 1, relation: 'same-acronym', acronymMatch, expansionSimilarity, acronymKey: sharedKey };
	}
	if (sameExpansion) {
		return {
			similarity: acronymAgainstWhole ? 1 : Math.max(0.9, expansionSimilarity),
			relation: 'same-expansion',
			acronymMatch,
			expansionSimilarity: acronymAgainstWhole ? 1 : expansionSimilarity,
			acronymKey: sharedKey
		};
	}
	if (acronymMatch) {
		// Same short name, different long forms: most likely a reused name, so only partial.
		return { similarity: 0.6, relation: 'partial', acronymMatch, expansionSimilarity, acronymKey: sharedKey };
	}
	if (a.hasBoth && b.hasBoth) {
		return { similarity: expansionSimilarity * 0.5, relation: 'different', acronymMatch, expansionSimilarity, acronymKey: null };
	}
	if (!a.hasBoth && !b.hasBoth) {
		// Two bare titles: both short names, both long forms, or one of each. Two long forms that
		// share little are different names; otherwise the titles cannot decide.
		const bothLong = a.expansionTokens.length > SHORT_NAME_TOKENS && b.expansionTokens.length > SHORT_NAME_TOKENS;
		if (bothLong && expansionSimilarity < 0.5) {
			return { similarity: expansionSimilarity * 0.5, relation: 'different', acronymMatch, expansionSimilarity, acronymKey: null };
		}
		return {
			similarity: expansionSimilarity,
			relation: expansionSimilarity >= 0.5 ? 'partial' : 'unknown',
			acronymMatch,
			expansionSimilarity,
			acronymKey: null
		};
	}
	// One bare title against a full one: the bare one may be the short name the other expands.
	const bare = a.hasBoth ? b : a;
	const full = a.hasBoth ? a : b;
	const bareLooksLikeName = bare.expansionTokens.length <= SHORT_NAME_TOKENS;
	const againstExpansion = fuzzyTokenOverlap(bare.expansionTokens, titleTokens(full.expansion ?? ''));
	if (!bareLooksLikeName && againstExpansion < 0.5) {
		return { similarity: againstExpansion * 0.5, relation: 'different', acronymMatch, expansionSimilarity, acronymKey: null };
	}
	return { similarity: Math.max(againstExpansion, expansionSimilarity) * 0.5, relation: 'unknown', acronymMatch, expansionSimilarity, acronymKey: null };
}
