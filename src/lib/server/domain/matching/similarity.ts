/** String and narrative similarity measures used by the duplicate scorer. All pure, all in 0..1. */

const NON_ASCII = /[^\x00-\x7f]/;
const NON_WORD = /[^a-z0-9]+/g;

/** Lower case, strip diacritics, keep letters and digits separated by single spaces. */
export function foldText(value: string): string {
	// Most text is plain ASCII, which Unicode normalisation would leave as it is (and it is costly).
	if (!NON_ASCII.test(value)) return foldAscii(value);
	return value
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** Scratch space of foldAscii, grown as needed (its bytes never outlive a call). */
let foldBytes = Buffer.allocUnsafe(4096);

/**
 * `value.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()` for ASCII text, in one pass: the regex
 * replacement costs twice as much on narratives, which every import folds.
 */
function foldAscii(value: string): string {
	if (foldBytes.length < value.length) foldBytes = Buffer.allocUnsafe(2 * value.length);
	const bytes = foldBytes;
	let length = 0;
	// After a separator (or at the start): the next separator adds nothing.
	let separated = true;
	for (let i = 0; i < value.length; i++) {
		let code = value.charCodeAt(i);
		if (code >= 65 && code <= 90) code += 32;
		if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
			bytes[length++] = code;
			separated = false;
		} else if (!separated) {
			bytes[length++] = 32;
			separated = true;
		}
	}
	// A trailing separator is trimmed.
	if (separated && length > 0) length--;
	return bytes.toString('latin1', 0, length);
}

/** Character trigrams of the folded string, padded so that short words still yield grams. */
export function trigrams(value: string): Set<string> {
	const grams = new Set<string>();
	const folded = foldText(value);
	if (!folded) return grams;
	const padded = `  ${folded} `;
	for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
	return grams;
}

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
	if (a.size === 0 && b.size === 0) return 0;
	let shared = 0;
	for (const item of a) if (b.has(item)) shared++;
	return shared / (a.size + b.size - shared);
}

export function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
	if (a.size === 0 && b.size === 0) return 0;
	let shared = 0;
	for (const item of a) if (b.has(item)) shared++;
	return (2 * shared) / (a.size + b.size);
}

export function trigramJaccard(a: string, b: string): number {
	return jaccard(trigrams(a), trigrams(b));
}

export function trigramDice(a: string, b: string): number {
	return dice(trigrams(a), trigrams(b));
}

/**
 * Optimal-string-alignment edit distance (insert, delete, substitute, swap adjacent letters), or
 * `cutoff + 1` as soon as the distance is known to exceed `cutoff`. A swap counts as one edit because
 * typed typos (`pencrai`, `sdeerhana`) are mostly swaps.
 */
export function editDistance(a: string, b: string, cutoff = Number.POSITIVE_INFINITY): number {
	if (a === b) return 0;
	if (Math.abs(a.length - b.length) > cutoff) return cutoff + 1;
	const rows = a.length + 1;
	const cols = b.length + 1;
	let prevPrev: number[] = new Array<number>(cols).fill(0);
	let prev: number[] = Array.from({ length: cols }, (_, j) => j);
	for (let i = 1; i < rows; i++) {
		const current: number[] = new Array<number>(cols).fill(0);
		current[0] = i;
		let rowMin = i;
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, prevPrev[j - 2]! + 1);
			}
			current[j] = best;
			if (best < rowMin) rowMin = best;
		}
		if (rowMin > cutoff) return cutoff + 1;
		prevPrev = prev;
		prev = current;
	}
	const distance = prev[cols - 1]!;
	return distance > cutoff ? cutoff + 1 : distance;
}

/** Same word, allowing one typo in words of four letters or more. */
export function tokensMatch(a: string, b: string): boolean {
	if (a === b) return true;
	if (a.length < 4 || b.length < 4) return false;
	return withinOneEdit(a, b);
}

/**
 * `editDistance(a, b, 1) <= 1` in one pass without tables: scorers call it for most token pairs of
 * most candidate pairs, so it has to be cheap.
 */
export function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	const difference = a.length - b.length;
	if (difference > 1 || difference < -1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	if (difference === 0) {
		// One substitution, or one swap of adjacent letters.
		if (a.slice(i + 1) === b.slice(i + 1)) return true;
		return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
	}
	// One insertion or deletion.
	return difference > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Share of tokens that find a partner in the other list (one-to-one, typo tolerant), divided by the
 * longer list: `a b c` vs `a b c d` = 0.75.
 */
export function fuzzyTokenOverlap(a: readonly string[], b: readonly string[]): number {
	if (a.length === 0 || b.length === 0) return 0;
	const used = new Array<boolean>(b.length).fill(false);
	let matched = 0;
	for (const token of a) {
		let index = b.findIndex((other, i) => !used[i] && other === token);
		if (index < 0) index = b.findIndex((other, i) => !used[i] && tokensMatch(token, other));
		if (index >= 0) {
			used[index] = true;
			matched++;
		}
	}
	return matched / Math.max(a.length, b.length);
}

/** Token-set overlap: shared distinct tokens over the smaller set (containment), 0 when either is empty. */
export function tokenSetOverlap(a: Iterable<string>, b: Iterable<string>): number {
	const left = new Set(a);
	const right = new Set(b);
	if (left.size === 0 || right.size === 0) return 0;
	let shared = 0;
	for (const token of left) if (right.has(token)) shared++;
	return shared / Math.min(left.size, right.size);
}

/**
 * Figures written in a narrative, as canonical strings: `1.320` -> `1320`, `56,3%` -> `56.3`,
 * `Rp 525 juta` -> `525`. Four-digit years (1900-2099) are left out because sources disagree on them.
 */
export function extractNumbers(text: string): Set<string> {
	const figures = new Set<string>();
	const n = text.length;
	// The matches of /\d+(?:[.,]\d+)*/g, found by hand: most are plain digits, which need none of
	// the regex tests below (a match object and four tests per figure cost more than the scan).
	for (let i = 0; i < n; i++) {
		if (!isDigit(text.charCodeAt(i))) continue;
		const start = i;
		let separators = false;
		for (;;) {
			while (i < n && isDigit(text.charCodeAt(i))) i++;
			const next = text.charCodeAt(i);
			if ((next !== 46 && next !== 44) || !isDigit(text.charCodeAt(i + 1))) break;
			separators = true;
			i++;
		}
		const digits = i - start;
		if (!separators && digits <= 15) {
			// Plain digits, read as they are scanned (exact below 2^53): the canonical text is the
			// digits themselves, a year when there are four from 1900 to 2099.
			let value = 0;
			for (let j = start; j < i; j++) value = value * 10 + (text.charCodeAt(j) - 48);
			if (digits !== 4 || value < 1900 || value > 2099) figures.add(String(value));
			continue;
		}
		const raw = text.slice(start, i);
		let canonical: string;
		if (!separators) canonical = raw;
		else if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) canonical = raw.replace(/\./g, '');
		else if (/^\d+,\d+$/.test(raw)) canonical = raw.replace(',', '.');
		else if (/^\d{1,3}(?:,\d{3})+$/.test(raw)) canonical = raw.replace(/,/g, '');
		else canonical = raw;
		const value = Number(canonical);
		if (!Number.isFinite(value)) continue;
		if (isYear(canonical)) continue;
		figures.add(String(value));
	}
	return figures;
}

/** `0`-`9` (NaN, past the end of a string, is not). */
function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** `/^(19|20)\d\d$/.test(canonical)` */
function isYear(canonical: string): boolean {
	if (canonical.length !== 4 || !isDigit(canonical.charCodeAt(2)) || !isDigit(canonical.charCodeAt(3))) return false;
	const century = canonical.slice(0, 2);
	return century === '19' || century === '20';
}

/** Folded words of at least three letters that are not stop words and not pure numbers. */
export function contentWords(text: string, stopWords: ReadonlySet<string>, folded = foldText(text)): Set<string> {
	const words = new Set<string>();
	for (const word of folded.split(' ')) {
		if (word.length < 3 || /^\d+$/.test(word) || stopWords.has(word)) continue;
		words.add(word);
	}
	return words;
}

export interface NarrativeSimilarity {
	/** Blend of the two parts below, 0..1; words alone when a narrative has too few figures to judge by. */
	score: number;
	/** The blend always, figures first: what may stand in for a name, since topic words are shared by look-alikes. */
	blended: number;
	/** Evidence from the n shared telling figures: 0, 0.25, 0.6, 0.85, then 1 from four on. */
	figures: number;
	/** Shared telling figures (small whole numbers below 10 are too common to tell anything). */
	sharedFigures: string[];
	/** Jaccard of content words. */
	words: number;
}

/**
 * Evidence from 0, 1, 2, 3 and 4 or more shared telling figures. One shared figure is often chance
 * (a team of 22, a 12% rise); reports of one innovation share several. Words weigh little because
 * narratives on one topic share most of their vocabulary whoever wrote them.
 */
const FIGURE_EVIDENCE = [0, 0.25, 0.6, 0.85, 1] as const;

/** Telling figures each narrative needs before the lack of shared ones counts against a match. */
const MIN_FIGURES_TO_JUDGE = 3;

/** Word Jaccard at which the word part is fully convincing; paraphrases rarely go higher. */
const FULL_WORD_OVERLAP = 0.5;

function isTellingFigure(figure: string): boolean {
	return figure.includes('.') || Number(figure) >= 10;
}

/**
 * What the narrative comparison needs of one text, computed once per record rather than once per
 * pair: the telling figures, sorted, and the content words as sorted 32-bit hashes (a few bytes a
 * word instead of a string set, so that a pool of 100,000 records stays small).
 */
export interface NarrativeFeatures {
	figures: readonly string[];
	words: Uint32Array;
}

/** FNV-1a, 32 bits: a word's hash for the compact word sets (a collision only nudges a Jaccard). */
export function hashWord(word: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) {
		hash ^= word.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** The telling figures of a narrative, in ascending order. */
export function tellingFigures(text: string): string[] {
	// Each figure's value is read once, not at every comparison of the sort.
	const telling: { figure: string; value: number }[] = [];
	for (const figure of extractNumbers(text)) if (isTellingFigure(figure)) telling.push({ figure, value: Number(figure) });
	return telling.sort((x, y) => x.value - y.value).map((entry) => entry.figure);
}

/**
 * A set of 32-bit hashes as an open-addressing table in a typed array: a Set of numbers would box
 * every hash above 2^30 to look it up, for every word of every narrative. 0 marks an empty slot
 * (a word hashing to 0 is kept aside).
 */
interface HashTable {
	slots: Uint32Array;
	mask: number;
	hasZero: boolean;
}

function hashTableOf(hashes: Iterable<number>): HashTable {
	const distinct = new Set(hashes);
	let size = 16;
	while (size < 2 * distinct.size) size *= 2;
	const table: HashTable = { slots: new Uint32Array(size), mask: size - 1, hasZero: false };
	for (const hash of distinct) {
		if (hash === 0) {
			table.hasZero = true;
			continue;
		}
		let slot = hash & table.mask;
		while (table.slots[slot] !== 0) slot = (slot + 1) & table.mask;
		table.slots[slot] = hash;
	}
	return table;
}

function tableHas(table: HashTable, hash: number): boolean {
	if (hash === 0) return table.hasZero;
	for (let slot = hash & table.mask; ; slot = (slot + 1) & table.mask) {
		const found = table.slots[slot]!;
		if (found === hash) return true;
		if (found === 0) return false;
	}
}

const stopWordHashes = new WeakMap<ReadonlySet<string>, HashTable>();

function stopWordTable(stopWords: ReadonlySet<string>): HashTable {
	let table = stopWordHashes.get(stopWords);
	if (!table) {
		table = hashTableOf([...stopWords].map(hashWord));
		stopWordHashes.set(stopWords, table);
	}
	return table;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Scratch space for a narrative's word hashes, grown as needed (copied out before returning). */
let wordHashes = new Uint32Array(1024);

/** wordHashes with room for the words of a text of `length` characters (at most one per two). */
function wordHashesFor(length: number): Uint32Array {
	if (wordHashes.length < (length >> 1) + 1) wordHashes = new Uint32Array(length);
	return wordHashes;
}

/**
 * A read word's hash when it is a content word (as `contentWords` has it: three characters or
 * more, not only digits, not a stop word), else -1.
 */
function contentWordHash(hash: number, length: number, digitsOnly: boolean, stop: HashTable): number {
	if (length < 3 || digitsOnly) return -1;
	const word = hash >>> 0;
	return tableHas(stop, word) ? -1 : word;
}

/** The first `count` hashes, sorted and distinct, as a new array. */
function sortedDistinct(hashes: Uint32Array, count: number): Uint32Array {
	const sorted = hashes.subarray(0, count).sort();
	let size = 0;
	for (let i = 0; i < count; i++) if (size === 0 || sorted[size - 1] !== sorted[i]) sorted[size++] = sorted[i]!;
	return sorted.slice(0, size);
}

/**
 * The hashes of `contentWords`, sorted and distinct, computed in one pass over the folded text
 * without cutting it into words (every import analyses every narrative). Stop words are left out
 * by hash.
 */
export function narrativeFeatures(text: string, stopWords: ReadonlySet<string> = new Set(), folded: string = foldText(text)): NarrativeFeatures {
	const stop = stopWordTable(stopWords);
	const hashes = wordHashesFor(folded.length);
	let count = 0;
	let hash = FNV_OFFSET;
	let length = 0;
	let digitsOnly = true;
	// foldText leaves letters and digits separated by single spaces.
	for (let i = 0; i <= folded.length; i++) {
		const code = i < folded.length ? folded.charCodeAt(i) : 32;
		if (code === 32) {
			const word = contentWordHash(hash, length, digitsOnly, stop);
			if (word >= 0) hashes[count++] = word;
			hash = FNV_OFFSET;
			length = 0;
			digitsOnly = true;
			continue;
		}
		hash = Math.imul(hash ^ code, FNV_PRIME);
		length++;
		if (code < 48 || code > 57) digitsOnly = false;
	}
	return { figures: tellingFigures(text), words: sortedDistinct(hashes, count) };
}

/**
 * `foldText(text)` and `narrativeFeatures(text, stopWords)` at once: for ASCII text (most of it)
 * the words are hashed in the same pass that folds them, instead of a second pass over the folded
 * text (the importer analyses every narrative).
 */
export function foldNarrative(text: string, stopWords: ReadonlySet<string>): { folded: string; narrative: NarrativeFeatures } {
	if (NON_ASCII.test(text)) {
		const folded = foldText(text);
		return { folded, narrative: narrativeFeatures(text, stopWords, folded) };
	}
	const stop = stopWordTable(stopWords);
	const hashes = wordHashesFor(text.length);
	// One byte more than the text: the last word's end is written as a space (then trimmed).
	if (foldBytes.length < text.length + 1) foldBytes = Buffer.allocUnsafe(2 * text.length + 1);
	const bytes = foldBytes;
	let length = 0;
	let count = 0;
	// The word being read: its hash, length and whether it has only digits so far.
	let hash = FNV_OFFSET;
	let wordLength = 0;
	let digitsOnly = true;
	// As in foldAscii, and each word ends where its separator starts (or at the end).
	for (let i = 0; i <= text.length; i++) {
		let code = i < text.length ? text.charCodeAt(i) : 32;
		if (code >= 65 && code <= 90) code += 32;
		if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
			bytes[length++] = code;
			hash = Math.imul(hash ^ code, FNV_PRIME);
			wordLength++;
			if (code > 57) digitsOnly = false;
		} else if (wordLength > 0) {
			bytes[length++] = 32;
			const word = contentWordHash(hash, wordLength, digitsOnly, stop);
			if (word >= 0) hashes[count++] = word;
			hash = FNV_OFFSET;
			wordLength = 0;
			digitsOnly = true;
		}
	}
	// The separator written for the end of the last word is trimmed.
	const folded = bytes.toString('latin1', 0, length > 0 ? length - 1 : 0);
	return { folded, narrative: { figures: tellingFigures(text), words: sortedDistinct(hashes, count) } };
}

/** Jaccard of two sorted, duplicate-free hash arrays, by merging. */
export function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
	if (a.length === 0 && b.length === 0) return 0;
	let i = 0;
	let j = 0;
	let shared = 0;
	while (i < a.length && j < b.length) {
		const x = a[i]!;
		const y = b[j]!;
		if (x === y) {
			shared++;
			i++;
			j++;
		} else if (x < y) i++;
		else j++;
	}
	return shared / (a.length + b.length - shared);
}

/**
 * Paraphrased reports of one innovation keep the same figures (before/after values, people served,
 * budget, team size) while the wording changes, so shared figures weigh more than shared words.
 */
export function compareNarratives(a: NarrativeFeatures, b: NarrativeFeatures): NarrativeSimilarity {
	const sharedFigures: string[] = [];
	if (a.figures.length > 0 && b.figures.length > 0) {
		const other = new Set(b.figures);
		for (const figure of a.figures) if (other.has(figure)) sharedFigures.push(figure);
	}
	const figures = FIGURE_EVIDENCE[Math.min(sharedFigures.length, FIGURE_EVIDENCE.length - 1)]!;
	const words = sortedJaccard(a.words, b.words);
	const wordPart = Math.min(1, words / FULL_WORD_OVERLAP);
	const blended = 0.8 * figures + 0.2 * wordPart;
	// Sharing no figure only speaks against a match when both narratives give enough figures to share.
	const score = Math.min(a.figures.length, b.figures.length) < MIN_FIGURES_TO_JUDGE ? Math.max(blended, wordPart) : blended;
	return { score, blended, figures, sharedFigures, words };
}

export function narrativeSimilarity(a: string, b: string, stopWords: ReadonlySet<string> = new Set()): NarrativeSimilarity {
	return compareNarratives(narrativeFeatures(a, stopWords), narrativeFeatures(b, stopWords));
}

/**
 * Narrative features as stored with a source record (source_records.match_features), so that a
 * later run compares against the record without reading and re-analysing its narrative: the
 * figures as they are, the word hashes as base64 of little-endian 32-bit words, and the key of
 * the stop words they were computed with (other stop words mean computing them again).
 */
export interface StoredNarrativeFeatures {
	figures: readonly string[];
	words: string;
	stopWords: string;
}

export function encodeNarrativeFeatures(features: NarrativeFeatures, stopWordsKey: string): StoredNarrativeFeatures {
	const bytes = Buffer.allocUnsafe(features.words.length * 4);
	for (let i = 0; i < features.words.length; i++) bytes.writeUInt32LE(features.words[i]!, i * 4);
	return { figures: features.figures, words: bytes.toString('base64'), stopWords: stopWordsKey };
}

/** The features back, or null when they were computed with other stop words or are malformed. */
export function decodeNarrativeFeatures(stored: unknown, stopWordsKey: string): NarrativeFeatures | null {
	if (typeof stored !== 'object' || stored === null) return null;
	const { figures, words, stopWords } = stored as Partial<StoredNarrativeFeatures>;
	if (stopWords !== stopWordsKey || typeof words !== 'string' || !Array.isArray(figures)) return null;
	const bytes = Buffer.from(words, 'base64');
	if (bytes.length % 4 !== 0) return null;
	const hashes = new Uint32Array(bytes.length / 4);
	for (let i = 0; i < hashes.length; i++) hashes[i] = bytes.readUInt32LE(i * 4);
	return { figures: figures.map(String), words: hashes };
}

const stopWordsKeys = new WeakMap<ReadonlySet<string>, string>();

/** A short key of a stop-word set (FNV-1a of its sorted words), cached per set. */
export function stopWordsKeyOf(stopWords: ReadonlySet<string>): string {
	let key = stopWordsKeys.get(stopWords);
	if (key === undefined) {
		key = `${stopWords.size}-${hashWord([...stopWords].sort().join('\n')).toString(36)}`;
		stopWordsKeys.set(stopWords, key);
	}
	return key;
}
