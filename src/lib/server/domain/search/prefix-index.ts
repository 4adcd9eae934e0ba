import { wordList } from './text';

/**
 * Suggestions while typing: a sorted list of (word, reference) pairs, so the words starting with
 * what was typed are one contiguous range found by binary search — no scan of every document per
 * keystroke. Built once (sorted at `seal`); pairs added later go to a small sorted delta.
 * A query matches a reference when every query word is the start of one of its words (any order):
 * the word with the smallest range drives, the others are checked on the candidates only.
 *
 * Sealed, the pairs are kept by distinct word: the sorted words once each, and their references
 * in one typed array (word i's are refs[starts[i]] to refs[starts[i + 1]]). A quarter of a million
 * titles have about 1.5 million (word, reference) pairs; kept as that many strings and numbers they
 * made each full garbage collection of a server process ~200 ms longer (decision 007).
 */
export class PrefixIndex {
	/** Before sealing: the pairs as added. */
	private addedKeys: string[] = [];
	private addedRefs: number[] = [];
	/** Sealed main segment: distinct words, sorted, and their references (CSR). */
	private words: string[] = [];
	private starts = new Uint32Array(1);
	private refs = new Uint32Array(0);
	private readonly deltaKeys: string[] = [];
	private readonly deltaRefs: number[] = [];
	private sealed = false;

	/** Adds the distinct words of one reference (a document number, a registry entry). */
	add(ref: number, words: Iterable<string>): void {
		for (const word of new Set(words)) {
			if (!word) continue;
			if (!this.sealed) {
				this.addedKeys.push(word);
				this.addedRefs.push(ref);
			} else {
				const at = lowerBound(this.deltaKeys, word);
				this.deltaKeys.splice(at, 0, word);
				this.deltaRefs.splice(at, 0, ref);
			}
		}
	}

	/** Sorts what was added so far; later additions go to the delta. A first lookup seals too. */
	seal(): void {
		if (this.sealed) return;
		this.sealed = true;
		// The pairs in word order, each word's references in the order they were added: the
		// distinct words are sorted (tens of thousands) and the pairs placed by a counting sort,
		// instead of sorting every pair by its word (1.5 million string comparisons times ~20: some
		// seconds at 250,000 titles, during which the server process answered nothing).
		const keys = this.addedKeys;
		const ids = new Map<string, number>();
		const distinct: string[] = [];
		const wordOf = new Uint32Array(keys.length);
		for (let i = 0; i < keys.length; i++) {
			let id = ids.get(keys[i]!);
			if (id === undefined) {
				id = distinct.length;
				ids.set(keys[i]!, id);
				distinct.push(keys[i]!);
			}
			wordOf[i] = id;
		}
		const sorted = Uint32Array.from(distinct.keys()).sort((a, b) => compare(distinct[a]!, distinct[b]!));
		const rank = new Uint32Array(distinct.length);
		for (let r = 0; r < sorted.length; r++) rank[sorted[r]!] = r;
		const starts = new Uint32Array(distinct.length + 1);
		for (let i = 0; i < keys.length; i++) starts[rank[wordOf[i]!]! + 1]!++;
		for (let r = 0; r < distinct.length; r++) starts[r + 1]! += starts[r]!;
		const next = starts.slice(0, distinct.length);
		const refs = new Uint32Array(keys.length);
		for (let i = 0; i < keys.length; i++) refs[next[rank[wordOf[i]!]!]!++] = this.addedRefs[i]!;
		this.words = Array.from(sorted, (id) => distinct[id]!);
		this.starts = starts;
		this.refs = refs;
		this.addedKeys = [];
		this.addedRefs = [];
	}

	/** How many pairs have a word starting with `prefix` (two binary searches per segment). */
	count(prefix: string): number {
		this.seal();
		const [a, b] = rangeOf(this.words, prefix);
		const [c, d] = rangeOf(this.deltaKeys, prefix);
		return this.starts[b]! - this.starts[a]! + (d - c);
	}

	/** References whose words start with `prefix`, main segment first (may repeat a reference). */
	*refsWithPrefix(prefix: string): Generator<number> {
		this.seal();
		const [a, b] = rangeOf(this.words, prefix);
		for (let i = this.starts[a]!, end = this.starts[b]!; i < end; i++) yield this.refs[i]!;
		const [c, d] = rangeOf(this.deltaKeys, prefix);
		for (let i = c; i < d; i++) yield this.deltaRefs[i]!;
	}

	get size(): number {
		return (this.sealed ? this.refs.length : this.addedKeys.length) + this.deltaKeys.length;
	}
}

/** Normalised words for suggestion keys and queries (lower case, no diacritics). */
export function suggestionWords(text: string): string[] {
	return wordList(text);
}

/** True when every query word is the start of one of the words. */
export function matchesEveryPrefix(words: readonly string[], query: readonly string[]): boolean {
	return query.every((q) => words.some((w) => w.startsWith(q)));
}

export interface PrefixSearchOptions {
	limit: number;
	/** Candidates looked at, at most (bounds the work for a one-letter query). */
	maxScan?: number;
	/** Verifies a candidate against every query word and scores it; null rejects it. */
	score: (ref: number, query: readonly string[]) => number | null;
	/** A correction for a word no entry starts with (typo tolerance), or undefined. */
	correct?: (word: string) => string | undefined;
}

export interface PrefixSearchResult {
	refs: number[];
	/** The query words after corrections, when a word was corrected. */
	corrected: string[] | null;
}

/** The best `limit` references for the query words, highest score first. */
export function searchPrefixes(index: PrefixIndex, query: readonly string[], options: PrefixSearchOptions): PrefixSearchResult {
	if (query.length === 0 || options.limit <= 0) return { refs: [], corrected: null };
	let words = [...query];
	let corrected = false;
	if (options.correct) {
		words = words.map((word) => {
			if (index.count(word) > 0) return word;
			const fix = options.correct!(word);
			if (fix && fix !== word) corrected = true;
			return fix ?? word;
		});
	}
	let driver = words[0]!;
	let smallest = Infinity;
	for (const word of words) {
		const n = index.count(word);
		if (n < smallest) [driver, smallest] = [word, n];
	}
	if (smallest === 0) return { refs: [], corrected: null };
	const maxScan = options.maxScan ?? 5000;
	const seen = new Set<number>();
	const found: Array<{ ref: number; score: number }> = [];
	for (const ref of index.refsWithPrefix(driver)) {
		if (seen.has(ref)) continue;
		seen.add(ref);
		const score = options.score(ref, words);
		if (score !== null) found.push({ ref, score });
		if (seen.size >= maxScan) break;
	}
	found.sort((a, b) => b.score - a.score || a.ref - b.ref);
	return { refs: found.slice(0, options.limit).map((f) => f.ref), corrected: corrected ? words : null };
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(keys: readonly string[], value: string): number {
	let lo = 0;
	let hi = keys.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (keys[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** [first, end) of the keys starting with `prefix`: every such key sorts before prefix + U+FFFF. */
function rangeOf(keys: readonly string[], prefix: string): [number, number] {
	return [lowerBound(keys, prefix), lowerBound(keys, prefix + '\uffff')];
}
