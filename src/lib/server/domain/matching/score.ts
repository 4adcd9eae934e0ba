import type { MatchRecord } from './types';
import { compareNarratives, foldNarrative, foldText, type NarrativeFeatures } from './similarity';
import { analyseTitle, compareTitles, type TitleAnalysis, type TitleComparison, type TitleRelation } from './titles';

export type MatchFeature = 'title' | 'acronym' | 'agency' | 'region' | 'year' | 'text';
export type MatchDecision = 'link' | 'review' | 'distinct';

export interface MatchReason {
	feature: MatchFeature;
	/** 0..1, how strongly this feature says "same innovation". */
	value: number;
	/** Share of the score; 0 when the feature could not be judged (missing data) and was left out. */
	weight: number;
	/** Curator-facing explanation in Bahasa Indonesia. */
	note: string;
}

export interface PairScore {
	score: number;
	decision: MatchDecision;
	reasons: MatchReason[];
	/** Set when a hard rule forced `distinct`, in Bahasa Indonesia. */
	rule: string | null;
	/** How the titles relate: same short name, same long form, partial, unknown or different. */
	titleRelation: TitleRelation;
}

export interface MatchConfig {
	/** At or above: linked automatically. */
	linkThreshold: number;
	/** At or above (and below linkThreshold): shown to a curator. */
	reviewThreshold: number;
	/**
	 * Linking two records of one source (or a record to an innovation that already has one of its
	 * source) needs this score and the same name; between linkThreshold and this it goes to review.
	 */
	sameSourceLinkThreshold: number;
	weights: Record<MatchFeature, number>;
	/** Years further apart than this count against a match (sources report different years). */
	yearTolerance: number;
	/** Stop words for the narrative comparison (the caller loads them). */
	stopWords: ReadonlySet<string>;
}

export const DEFAULT_MATCH_CONFIG: MatchConfig = {
	linkThreshold: 0.7,
	reviewThreshold: 0.5,
	sameSourceLinkThreshold: 0.9,
	weights: { title: 0.3, acronym: 0.1, agency: 0.05, region: 0.2, year: 0.05, text: 0.3 },
	yearTolerance: 2,
	stopWords: new Set()
};

/** Pre-computed per-record data so that scoring many pairs does not redo title or narrative analysis. */
export interface PreparedRecord {
	record: MatchRecord;
	title: TitleAnalysis;
	/** Narrative folded and padded with spaces, for whole-phrase look-ups. */
	foldedText: string;
	/** Figures and content words of the narrative, with the stop words below left out. */
	narrative: NarrativeFeatures;
	/** The stop words `narrative` was computed with (scorePair recomputes under other ones). */
	stopWords: ReadonlySet<string>;
	hasText: boolean;
	/** The name looked for in other narratives (long form, or bare title), folded and space-padded; null when too short. */
	mention: { name: string; phrase: string | null };
}

function mentionOf(title: TitleAnalysis): { name: string; phrase: string | null } {
	const name = title.hasBoth ? (title.expansion ?? '') : title.expansionTokens.join(' ');
	const folded = foldText(name);
	return { name, phrase: folded.replace(/ /g, '').length < MIN_MENTION_LETTERS ? null : ` ${folded} ` };
}

export function prepareRecord(record: MatchRecord, config: Pick<MatchConfig, 'stopWords'> = DEFAULT_MATCH_CONFIG): PreparedRecord {
	const { folded, narrative } = foldNarrative(record.text, config.stopWords);
	const title = analyseTitle(record.title);
	return {
		record,
		title,
		mention: mentionOf(title),
		foldedText: ` ${folded} `,
		narrative,
		stopWords: config.stopWords,
		hasText: record.text.trim() !== ''
	};
}

/**
 * A record known by its stored narrative features instead of its text (a candidate from the
 * registry): everything a comparison needs of it except the text itself, which is only looked
 * into on the side of the record being matched.
 */
export function prepareStoredRecord(
	record: Omit<MatchRecord, 'text'>,
	narrative: NarrativeFeatures,
	hasText: boolean,
	config: Pick<MatchConfig, 'stopWords'> = DEFAULT_MATCH_CONFIG
): PreparedRecord {
	const title = analyseTitle(record.title);
	return { record: { ...record, text: '' }, title, mention: mentionOf(title), foldedText: ' ', narrative, stopWords: config.stopWords, hasText };
}

/**
 * Whether one to MAX_NAME_WORDS consecutive words of the folded, space-padded text join to `key`
 * (`kartu sigap` and `kartusigap` both hold `kartusigap`), never inside a longer word (`perekam` is
 * not `E-REKAM`). Looked up on demand, which costs less than keeping every join of every narrative.
 */
export function hasWordJoin(paddedText: string, key: string): boolean {
	if (key === '') return false;
	if (key.length === 1) return paddedText.includes(` ${key} `);
	// A join starts with the key's first two letters, in one word or as a one-letter word and the next.
	for (const start of [` ${key[0]}${key[1]}`, ` ${key[0]} ${key[1]}`]) {
		let from = 0;
		for (;;) {
			const at = paddedText.indexOf(start, from);
			if (at < 0) break;
			from = at + 1;
			if (joinsAt(paddedText, at + 1, key)) return true;
		}
	}
	return false;
}

function joinsAt(paddedText: string, position: number, key: string): boolean {
	let matched = 0;
	for (let words = 0; words < MAX_NAME_WORDS; words++) {
		const end = paddedText.indexOf(' ', position);
		if (end < 0) return false;
		const length = end - position;
		if (length === 0 || length > key.length - matched || !paddedText.startsWith(key.slice(matched, matched + length), position)) return false;
		matched += length;
		if (matched === key.length) return true;
		position = end + 1;
	}
	return false;
}

/** Telling figures each narrative needs before sharing none of them keeps a pair from an automatic link. */
const MIN_FIGURES_FOR_DOUBT = 3;

/** Longest short name, in words, looked for in narratives. */
const MAX_NAME_WORDS = 4;

/** Names too short to be looked for in a narrative without false hits. */
const MIN_MENTION_LETTERS = 6;

/**
 * The record's own name (short name, long form, or bare title) when the other record's narrative
 * names it: reports by different systems often give only one of the two in the title but both in
 * the text.
 */
function mentionedName(named: PreparedRecord, narrative: PreparedRecord): string | null {
	const { name, phrase } = named.mention;
	if (phrase && narrative.foldedText.includes(phrase)) return name;
	return mentionedAcronym(named, narrative);
}

/** The record's short name when the other narrative writes it, with or without spaces. */
function mentionedAcronym(named: PreparedRecord, narrative: PreparedRecord): string | null {
	const key = named.title.acronymKey.toLowerCase();
	if (key.length < MIN_MENTION_LETTERS) return null;
	return hasWordJoin(narrative.foldedText, key) ? (named.title.acronym ?? named.title.original) : null;
}

type RegionRelation = 'same' | 'nested' | 'different' | 'unknown';

function regionRelation(a: string | null, b: string | null): RegionRelation {
	if (!a || !b) return 'unknown';
	if (a === b) return 'same';
	// A province code against one of its kabupaten: one source may only know the province.
	if (b.startsWith(`${a}.`) || a.startsWith(`${b}.`)) return 'nested';
	return 'different';
}

function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}

function titleNote(comparison: TitleComparison, a: TitleAnalysis, b: TitleAnalysis): string {
	switch (comparison.relation) {
		case 'same-acronym':
			return `Nama sama: ${comparison.acronymKey}`;
		case 'same-expansion':
			return `Kepanjangan/judul sama (kemiripan ${Math.round(comparison.expansionSimilarity * 100)}%)`;
		case 'different':
			return `Judul berbeda: "${a.original}" vs "${b.original}"`;
		case 'partial':
			return `Judul mirip sebagian (${Math.round(comparison.similarity * 100)}%)`;
		case 'unknown':
			return 'Judul tidak dapat dibandingkan: satu hanya akronim, yang lain hanya kepanjangan';
	}
}

/**
 * False when a hard rule of scorePair already decides `distinct` (different regions, different
 * names), found without the narrative and mention look-ups: a linker checks this first, since
 * most candidate pairs of a block end here.
 */
export function mayMatch(a: PreparedRecord, b: PreparedRecord): boolean {
	return titlesIfMayMatch(a, b) !== null;
}

/** The title comparison when no hard rule rules the pair out (scorePair can reuse it), else null. */
export function titlesIfMayMatch(a: PreparedRecord, b: PreparedRecord): TitleComparison | null {
	if (regionRelation(a.record.regionCode, b.record.regionCode) === 'different') return null;
	const titles = compareTitles(a.title, b.title);
	return titles.relation === 'different' ? null : titles;
}

export function scorePair(
	a: MatchRecord | PreparedRecord,
	b: MatchRecord | PreparedRecord,
	config: MatchConfig = DEFAULT_MATCH_CONFIG,
	knownTitles?: TitleComparison
): PairScore {
	const left = 'record' in a && a.stopWords === config.stopWords ? a : prepareRecord('record' in a ? a.record : a, config);
	const right = 'record' in b && b.stopWords === config.stopWords ? b : prepareRecord('record' in b ? b.record : b, config);
	const ra = left.record;
	const rb = right.record;
	const w = config.weights;
	const reasons: MatchReason[] = [];
	let rule: string | null = null;

	const titles = knownTitles ?? compareTitles(left.title, right.title);
	const text = compareNarratives(left.narrative, right.narrative);
	const textKnown = left.hasText && right.hasText;
	if (titles.relation === 'unknown') {
		const mention = mentionedName(left, right) ?? mentionedName(right, left);
		// Without a comparable name, region and year alone must not carry a pair into review: the
		// narrative stands in for the name.
		reasons.push(
			mention
				? { feature: 'title', value: 0.9, weight: w.title, note: `Nama "${mention}" disebut dalam narasi catatan lain` }
				: {
						feature: 'title',
						value: textKnown ? round(text.blended) : 0,
						weight: w.title,
						note: `${titleNote(titles, left.title, right.title)}; dinilai dari narasi`
					}
		);
	} else {
		reasons.push({ feature: 'title', value: round(titles.similarity), weight: w.title, note: titleNote(titles, left.title, right.title) });
	}

	// Acronym agreement only counts for a match; a differing acronym is already in the title feature.
	const acronymMention = titles.acronymMatch ? null : (mentionedAcronym(left, right) ?? mentionedAcronym(right, left));
	reasons.push({
		feature: 'acronym',
		value: titles.acronymMatch || acronymMention ? 1 : 0,
		weight: titles.acronymMatch || acronymMention ? w.acronym : 0,
		note: titles.acronymMatch
			? `Akronim sama: ${titles.acronymKey}`
			: acronymMention
				? `Akronim ${acronymMention} disebut dalam narasi catatan lain`
				: 'Akronim tidak sama atau tidak ada'
	});

	const region = regionRelation(ra.regionCode, rb.regionCode);
	const regionValue = region === 'same' ? 1 : region === 'nested' ? 0.5 : 0;
	reasons.push({
		feature: 'region',
		value: regionValue,
		weight: region === 'unknown' ? 0 : w.region,
		note:
			region === 'same'
				? `Wilayah sama: ${ra.regionCode}`
				: region === 'nested'
					? `Wilayah bertingkat: ${ra.regionCode} dan ${rb.regionCode}`
					: region === 'different'
						? `Wilayah berbeda: ${ra.regionCode} vs ${rb.regionCode}`
						: 'Wilayah tidak diketahui pada salah satu catatan'
	});

	const agencyKnown = ra.agencyId !== null && rb.agencyId !== null;
	const sameAgency = agencyKnown && ra.agencyId === rb.agencyId;
	// A differing agency key may only be another spelling of the same agency, so it weighs half.
	reasons.push({
		feature: 'agency',
		value: sameAgency ? 1 : 0,
		weight: !agencyKnown ? 0 : sameAgency ? w.agency : w.agency / 2,
		note: sameAgency ? `Instansi sama: ${ra.agencyId}` : agencyKnown ? `Instansi berbeda: ${ra.agencyId} vs ${rb.agencyId}` : 'Instansi tidak diketahui pada salah satu catatan'
	});

	const yearGap = ra.year !== null && rb.year !== null ? Math.abs(ra.year - rb.year) : null;
	const yearValue = yearGap === null ? 0 : yearGap <= config.yearTolerance ? 1 - yearGap * 0.1 : Math.max(0, 1 - yearGap * 0.2);
	reasons.push({
		feature: 'year',
		value: round(yearValue),
		weight: yearGap === null ? 0 : w.year,
		note: yearGap === null ? 'Tahun tidak diketahui' : yearGap === 0 ? `Tahun sama: ${ra.year}` : `Selisih tahun ${yearGap} (${ra.year} dan ${rb.year})`
	});

	reasons.push({
		feature: 'text',
		value: round(text.score),
		weight: textKnown ? w.text : 0,
		note: textKnown
			? `Narasi ${Math.round(text.score * 100)}% mirip; angka sama: ${text.sharedFigures.slice(0, 6).join(', ') || 'tidak ada'}`
			: 'Narasi kosong pada salah satu catatan'
	});

	const totalWeight = reasons.reduce((sum, reason) => sum + reason.weight, 0);
	const score = totalWeight === 0 ? 0 : round(reasons.reduce((sum, reason) => sum + reason.weight * reason.value, 0) / totalWeight);

	// Hard rules for look-alikes: one name used by two regions, one agency running two innovations.
	if (region === 'different') rule = `Wilayah berbeda (${ra.regionCode} vs ${rb.regionCode}): bukan inovasi yang sama`;
	else if (titles.relation === 'different') rule = 'Nama inovasi berbeda: inovasi lain dari instansi/wilayah yang sama';

	let decision: MatchDecision = score >= config.linkThreshold ? 'link' : score >= config.reviewThreshold ? 'review' : 'distinct';
	// Reports of one innovation repeat its figures; two narratives that both give figures and share
	// none are more likely two look-alike innovations (same agency, same topic): a curator decides.
	// So does a name that only partly agrees when the narratives share no figure at all: topic words
	// alone are shared by every look-alike.
	if (
		decision === 'link' &&
		textKnown &&
		text.sharedFigures.length === 0 &&
		(titles.relation === 'partial' || Math.min(left.narrative.figures.length, right.narrative.figures.length) >= MIN_FIGURES_FOR_DOUBT)
	) {
		decision = 'review';
	}
	if (rule) decision = 'distinct';
	return { score, decision, reasons, rule, titleRelation: titles.relation };
}
