import { acronymKey, analyzeText } from './analyze';
import { stem } from './stemmer';
import {
	AGENCY_KINDS,
	AWARD_BITS,
	FACET_NAMES,
	REGION_FACET_LIMIT,
	SOURCE_BITS,
	STAGE_CODES,
	sortFacetCounts,
	type FacetCount,
	type FacetName,
	type Facets
} from './facets';
import { PlaceNames } from './places';
import { matchesEveryPrefix, PrefixIndex, searchPrefixes, suggestionWords } from './prefix-index';
import { parseQuery, type ParsedQuery } from './query';
import { EMPTY_SYNONYMS, type SynonymTable } from './synonyms';
import { joinCompounds, wordList, standardSpelling, FUNCTION_WORDS } from './text';
import { Vocabulary } from './typo';

/**
 * The in-process search index (decision 007). Documents get internal numbers; postings are typed
 * arrays (document number + quantised BM25F term weight) built once, plus a small "delta" of
 * documents added or changed since, kept in plain arrays. A changed document gets a new number
 * and its old one is marked dead; the owner rebuilds when the delta grows large.
 * Facet columns are typed arrays per document, so filters and facet counts are array scans.
 */

export interface SearchDocument {
	id: string;
	title: string;
	acronym: string | null;
	summary: string;
	/** Every other searchable text: narrative fields, agency, unit, region and province names. */
	rest: string[];
	provinceCode: string | null;
	regionCode: string | null;
	/** Names of the region and province, so queries naming them rank their innovations first. */
	regionName?: string | null;
	provinceName?: string | null;
	agencyId: string;
	agencyKind: string;
	affair: string | null;
	sdgs: number[];
	stage: string;
	sources: string[];
	year: number | null;
	awards: string[];
	digital: boolean | null;
	replicationCount: number;
	sustained: boolean;
	/** ms since epoch */
	createdAt: number;
}

export interface SearchFilters {
	provinsi?: string;
	wilayah?: string;
	instansi?: string;
	jenisInstansi?: string;
	urusan?: string;
	sdg?: number;
	tahap?: string;
	tahun?: number;
	tahunDari?: number;
	tahunSampai?: number;
	penghargaan?: string;
	sumber?: string;
	digital?: 'ya' | 'tidak';
	direplikasi?: 'ya' | 'tidak';
}

export type SearchSort = 'relevansi' | 'terbaru' | 'replikasi' | 'judul' | 'tahun';

export interface SearchRequest {
	q?: string;
	filters?: SearchFilters;
	sort?: SearchSort;
	limit?: number;
	offset?: number;
	facets?: boolean;
	/** `q` as `parse` gave it, when the caller parsed it already (see queryKey). */
	parsed?: ParsedQuery;
}

export interface SearchHit {
	id: string;
	score: number;
}

export interface SearchResult {
	hits: SearchHit[];
	total: number;
	facets: Facets | null;
	/** Not every word matched: these are the documents that matched the most words. */
	partial: boolean;
	/** The query with typos corrected ("did you mean"), when a word was corrected. */
	corrected: string | null;
	/** Stems to highlight in snippets. */
	highlightStems: string[];
	/**
	 * How the engine evaluated the query (its "query plan"): one clause; every word, rarest
	 * first; partial matches over every posting; or no query.
	 */
	plan: SearchPlan;
}

export type SearchPlan = 'satu-klausa' | 'semua-kata' | 'sebagian' | 'tanpa-kueri';

/** Field weights and length normalisation (BM25F). Title and acronym above summary above the rest. */
const FIELDS = [
	{ weight: 4, b: 0.5, defaultLength: 6 },
	{ weight: 4, b: 0.3, defaultLength: 2 },
	{ weight: 2, b: 0.6, defaultLength: 30 },
	{ weight: 1, b: 0.75, defaultLength: 250 }
] as const;
const K1 = 1.2;
/** Weighted term frequencies are stored in 1/8 steps in one byte. */
const WEIGHT_SCALE = 8;
/** Proven-ness breaks near-ties: at most +10% of a relevance score. */
const PROVEN_WEIGHT = 0.1;
const ACRONYM_BONUS = 2;
/** Region intent: relevance multiplier elsewhere, in the named region's province, in the place named. */
const PLACE_BOOST = [1, 1.8, 3] as const;
const MAX_CLAUSES = 16;
/** Terms in more than 1/DENSE_MIN_SHARE of the documents get a dense weight column ... */
const DENSE_MIN_SHARE = 16;
/** ... within this many bytes (most frequent first). */
const DENSE_BUDGET_BYTES = 64 * 1024 * 1024;

const NO_VALUE = 0xffff;

class Dictionary {
	readonly values: string[] = [];
	private readonly codes = new Map<string, number>();
	code(value: string | null): number {
		if (value === null) return NO_VALUE;
		let code = this.codes.get(value);
		if (code === undefined) {
			code = this.values.length;
			this.codes.set(value, code);
			this.values.push(value);
		}
		return code;
	}
	find(value: string): number {
		return this.codes.get(value) ?? -1;
	}
}

/** A growable typed array. */
class Grow<T extends Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array> {
	constructor(
		public data: T,
		private readonly make: (n: number) => T
	) {}
	ensure(n: number): void {
		if (n <= this.data.length) return;
		const next = this.make(Math.max(n, this.data.length * 2, 1024));
		next.set(this.data as never);
		this.data = next;
	}
}

const u8 = (n: number) => new Uint8Array(n);
const u16 = (n: number) => new Uint16Array(n);
const u32 = (n: number) => new Uint32Array(n);
const f32 = (n: number) => new Float32Array(n);
const f64 = (n: number) => new Float64Array(n);

/**
 * Document numbers in a reusable typed buffer with an explicit length: the engine's working lists
 * (matches, filter passes) are scratch space, so a query copies no lists between forms and leaves
 * no garbage behind.
 */
class DocList {
	data = new Uint32Array(1024);
	length = 0;
	/** Room for `extra` more documents; returns the (possibly new) buffer. */
	reserve(extra: number): Uint32Array {
		const need = this.length + extra;
		if (need > this.data.length) {
			const next = new Uint32Array(Math.max(need, this.data.length * 2));
			next.set(this.data.subarray(0, this.length));
			this.data = next;
		}
		return this.data;
	}
	push(doc: number): void {
		if (this.length === this.data.length) this.reserve(1);
		this.data[this.length++] = doc;
	}
	view(): Uint32Array {
		return this.data.subarray(0, this.length);
	}
}

/** What a match pass leaves: the matching documents, then the partial "fill", in one list. */
interface Matched {
	docs: Uint32Array;
	/** How many of `docs` match fully (the rest is fill). */
	full: number;
	partial: boolean;
}

const NO_DOCS = new Uint32Array(0);

export interface IndexStats {
	documents: number;
	liveDocuments: number;
	deltaDocuments: number;
	terms: number;
	postings: number;
	vocabulary: number;
	bytes: number;
}

/** Documents whose postings `sealInSteps` places between two steps (~0.2 s at 250,000). */
const SEAL_SLICE_DOCUMENTS = 50_000;

export class SearchIndex {
	// Terms
	private readonly termIds = new Map<string, number>();
	private readonly termDf: number[] = [];
	// Main segment (CSR by term)
	private mainOffsets = new Uint32Array(1);
	private mainDocs = new Uint32Array(0);
	private mainWeights = new Uint8Array(0);
	private mainTerms = 0;
	// Doc-major staging used while building the main segment
	private staging: { terms: Grow<Uint32Array>; weights: Grow<Uint8Array>; starts: number[]; length: number } | null = {
		terms: new Grow(u32(0), u32),
		weights: new Grow(u8(0), u8),
		starts: [0],
		length: 0
	};
	// Delta segment (documents added after the main segment was sealed)
	private readonly delta = new Map<number, { docs: number[]; weights: number[] }>();
	/** Per frequent term: its main postings' weights by document number (0 = absent). */
	private dense: Array<Uint8Array | undefined> = [];
	private deltaCount = 0;
	private firstDeltaDoc = 0;

	// Documents
	private count = 0;
	private live = 0;
	private readonly ids: string[] = [];
	private readonly titles: string[] = [];
	/** Lower-case acronyms, with the titles the words suggestions match on (see suggest). */
	private readonly acronyms: Array<string | null> = [];
	private readonly prefixes = new PrefixIndex();
	private readonly numbers = new Map<string, number>();
	private readonly alive = new Grow(u8(0), u8);
	private readonly province = new Grow(u16(0), u16);
	private readonly region = new Grow(u16(0), u16);
	private readonly agency = new Grow(u32(0), u32);
	private readonly agencyKind = new Grow(u8(0), u8);
	private readonly affair = new Grow(u16(0), u16);
	private readonly sdgBits = new Grow(u32(0), u32);
	private readonly stage = new Grow(u8(0), u8);
	private readonly sourceBits = new Grow(u8(0), u8);
	private readonly year = new Grow(u16(0), u16);
	private readonly awardBits = new Grow(u8(0), u8);
	private readonly digital = new Grow(u8(0), u8);
	private readonly replications = new Grow(u32(0), u32);
	private readonly proven = new Grow(f32(0), f32);
	private readonly created = new Grow(f64(0), f64);
	/**
	 * The small facet values of a document in one word (see `packFacets`), so that counting facets
	 * over a large match set reads five columns per document instead of eleven.
	 */
	private readonly packed = new Grow(u32(0), u32);
	private readonly acronymDocs = new Map<string, number[]>();
	private readonly provinces = new Dictionary();
	private readonly regions = new Dictionary();
	private readonly agencies = new Dictionary();
	private readonly affairs = new Dictionary();
	private averageLengths: number[] | null = null;

	readonly vocabulary = new Vocabulary();
	readonly places = new PlaceNames();
	synonyms: SynonymTable = EMPTY_SYNONYMS;

	// Scratch space for queries (evaluation is synchronous, so one set serves every query)
	private scratchScore = new Float32Array(0);
	private scratchMask = new Uint32Array(0);
	private scratchClause = new Float32Array(0);
	private scratchCount = new Uint8Array(0);
	private scratchSum = new Float32Array(0);
	/** Parts of the query a matched document has (its words, the place named): ranks before score. */
	private scratchTier = new Uint8Array(0);
	private scratchHitDocs = new Uint32Array(0);
	private scratchHitWeights = new Uint8Array(0);
	/** Working lists (see DocList): touched by a match, one clause's, matches, selected, seen by scoreAll. */
	private readonly listTouched = new DocList();
	private readonly listClause = new DocList();
	private readonly listDocs = new DocList();
	private readonly listSelected = new DocList();
	private readonly listSeen = new DocList();
	/** Per filter dimension: the documents failing only that filter. */
	private readonly listsFailed: DocList[] = [];

	get size(): number {
		return this.live;
	}

	has(id: string): boolean {
		return this.numbers.has(id);
	}

	/** Adds or replaces a document. */
	upsert(document: SearchDocument): void {
		this.remove(document.id);
		const doc = this.count++;
		this.ensureCapacity(this.count);
		this.ids[doc] = document.id;
		this.titles[doc] = document.title.toLowerCase();
		this.acronyms[doc] = document.acronym ? document.acronym.toLowerCase() : null;
		this.prefixes.add(doc, this.suggestionWordsOf(doc));
		this.numbers.set(document.id, doc);
		this.alive.data[doc] = 1;
		this.live++;
		this.province.data[doc] = this.provinces.code(document.provinceCode);
		this.region.data[doc] = this.regions.code(document.regionCode);
		this.places.add(document.regionName, document.regionCode);
		this.places.add(document.provinceName, document.provinceCode);
		this.agency.data[doc] = this.agencies.code(document.agencyId);
		const kind = AGENCY_KINDS.indexOf(document.agencyKind as never);
		this.agencyKind.data[doc] = kind < 0 ? 255 : kind;
		this.affair.data[doc] = this.affairs.code(document.affair);
		let sdg = 0;
		for (const goal of document.sdgs) if (goal >= 1 && goal <= 31) sdg |= 1 << goal;
		this.sdgBits.data[doc] = sdg >>> 0;
		this.stage.data[doc] = Math.max(0, STAGE_CODES.indexOf(document.stage as never));
		let sources = 0;
		for (const s of document.sources) sources |= SOURCE_BITS[s] ?? 0;
		this.sourceBits.data[doc] = sources;
		this.year.data[doc] = document.year ?? 0;
		let awards = 0;
		for (const a of document.awards) awards |= AWARD_BITS[a] ?? 0;
		this.awardBits.data[doc] = awards;
		this.digital.data[doc] = document.digital === null ? 0 : document.digital ? 1 : 2;
		this.replications.data[doc] = document.replicationCount;
		this.packed.data[doc] = packFacets(
			this.agencyKind.data[doc]!,
			this.stage.data[doc]!,
			sources,
			awards,
			this.digital.data[doc]!,
			document.replicationCount > 0,
			this.year.data[doc]!
		);
		this.proven.data[doc] = provenness(document);
		this.created.data[doc] = document.createdAt;
		if (document.acronym) {
			const key = acronymKey(document.acronym);
			if (key) {
				const list = this.acronymDocs.get(key);
				if (list) list.push(doc);
				else this.acronymDocs.set(key, [doc]);
			}
		}
		this.indexText(doc, document);
	}

	/** Drops a document (soft-deleted or gone); true when it was there. */
	remove(id: string): boolean {
		const doc = this.numbers.get(id);
		if (doc === undefined) return false;
		this.numbers.delete(id);
		this.alive.data[doc] = 0;
		this.live--;
		return true;
	}

	/**
	 * Turns the staged documents into the main segment (typed arrays by term). Called once after
	 * the initial build; later documents go to the delta.
	 */
	seal(): void {
		const steps = this.sealInSteps();
		while (!steps.next().done);
	}

	/**
	 * `seal` in steps of at most ~0.3 s at 250,000 documents, so that whoever builds the index
	 * can let its process serve other requests in between (decision 007: the whole took ~2 s in
	 * one go). The index must not be searched until the steps are done.
	 */
	*sealInSteps(): Generator<void> {
		const staging = this.staging;
		if (!staging) return;
		this.staging = null;
		this.prefixes.seal();
		yield;
		const terms = this.termIds.size;
		const offsets = new Uint32Array(terms + 1);
		const stagedTerms = staging.terms.data;
		for (let i = 0; i < staging.length; i++) offsets[stagedTerms[i]! + 1]!++;
		for (let t = 0; t < terms; t++) offsets[t + 1]! += offsets[t]!;
		yield;
		const cursor = offsets.slice(0, terms);
		const docs = new Uint32Array(staging.length);
		const weights = new Uint8Array(staging.length);
		const starts = staging.starts;
		for (let doc = 0; doc + 1 < starts.length; doc++) {
			for (let i = starts[doc]!; i < starts[doc + 1]!; i++) {
				const at = cursor[stagedTerms[i]!]!++;
				docs[at] = doc;
				weights[at] = staging.weights.data[i]!;
			}
			if (doc % SEAL_SLICE_DOCUMENTS === SEAL_SLICE_DOCUMENTS - 1) yield;
		}
		this.mainOffsets = offsets;
		this.mainDocs = docs;
		this.mainWeights = weights;
		this.mainTerms = terms;
		this.firstDeltaDoc = this.count;
		yield;
		this.buildDenseWeights();
		yield;
		// Built here rather than by the first searches after a start, which would wait for them.
		this.ensureScratch();
		this.ensureCombos();
	}

	/**
	 * The most frequent terms also get their weights as one byte per document, so that checking
	 * a candidate against a common word ("pelayanan", "desa") is one load instead of a search in
	 * a list of 100,000 postings. Within DENSE_BUDGET_BYTES, most frequent first.
	 */
	private buildDenseWeights(): void {
		this.dense = [];
		const n = this.count;
		if (n < 4096) return;
		const frequent: number[] = [];
		for (let t = 0; t < this.mainTerms; t++) if (this.mainOffsets[t + 1]! - this.mainOffsets[t]! > n / DENSE_MIN_SHARE) frequent.push(t);
		frequent.sort((a, b) => this.mainOffsets[b + 1]! - this.mainOffsets[b]! - (this.mainOffsets[a + 1]! - this.mainOffsets[a]!));
		const most = Math.floor(DENSE_BUDGET_BYTES / n);
		for (const t of frequent.slice(0, most)) {
			const column = new Uint8Array(n);
			for (let i = this.mainOffsets[t]!; i < this.mainOffsets[t + 1]!; i++) column[this.mainDocs[i]!] = this.mainWeights[i]!;
			this.dense[t] = column;
		}
	}

	get deltaDocuments(): number {
		return this.staging ? 0 : this.count - this.firstDeltaDoc;
	}

	stats(): IndexStats {
		const typed =
			this.mainOffsets.byteLength +
			this.mainDocs.byteLength +
			this.mainWeights.byteLength +
			this.count * (1 + 2 + 2 + 4 + 1 + 2 + 4 + 1 + 1 + 2 + 1 + 1 + 4 + 4 + 8) +
			this.dense.reduce((sum, column) => sum + (column?.byteLength ?? 0), 0) +
			this.combos.word.data.byteLength +
			this.combos.pairWord.data.byteLength;
		return {
			documents: this.count,
			liveDocuments: this.live,
			deltaDocuments: this.deltaDocuments,
			terms: this.termIds.size,
			postings: this.mainDocs.length + this.deltaCount,
			vocabulary: this.vocabulary.size,
			bytes: typed
		};
	}

	/** Titles of up to `n` live documents spread evenly over the index (for warming it up). */
	sampleTitles(n: number): string[] {
		const out: string[] = [];
		if (n <= 0 || this.live === 0) return out;
		const step = Math.max(1, Math.floor(this.count / n));
		for (let doc = 0; doc < this.count && out.length < n; doc += step) if (this.alive.data[doc]) out.push(this.titles[doc]!);
		return out;
	}

	private ensureCapacity(n: number): void {
		for (const column of [
			this.alive,
			this.province,
			this.region,
			this.agency,
			this.agencyKind,
			this.affair,
			this.sdgBits,
			this.stage,
			this.sourceBits,
			this.year,
			this.awardBits,
			this.digital,
			this.replications,
			this.proven,
			this.created,
			this.packed
		] as Grow<Uint8Array>[]) {
			column.ensure(n);
		}
	}

	/** Per distinct word: its term (stem) id and vocabulary handling, so a token costs one lookup. */
	private readonly wordTerms = new Map<string, number>();
	private fieldCounts = new Uint16Array(4 * 1024);
	private termSeenIn = new Int32Array(1024).fill(-1);

	private wordTerm(word: string): number {
		let term = this.wordTerms.get(word);
		if (term === undefined) {
			term = FUNCTION_WORDS.has(word) ? -1 : this.termId(stem(word));
			this.wordTerms.set(word, term);
		}
		return term;
	}

	private indexText(doc: number, document: SearchDocument): void {
		const fields = [document.title, document.acronym ?? '', document.summary, document.rest.join('\n')];
		const acronymWords = document.acronym ? wordList(document.acronym) : [];
		const lengths = [0, 0, 0, 0];
		const docTerms: number[] = [];
		const seenWords = new Set<string>();
		for (let f = 0; f < fields.length; f++) {
			// The innovation's name counts once, in the acronym field: made-up name words ("SAMPAH
			// BERDAYA") repeated in title, summary and narratives would outweigh what it is about.
			const fieldWords = joinCompounds(f === 1 ? wordList(fields[f]!) : withoutRuns(wordList(fields[f]!), acronymWords));
			for (const word of fieldWords) {
				const term = this.wordTerm(word);
				if (term < 0) continue;
				lengths[f]!++;
				seenWords.add(word);
				if (this.termSeenIn.length <= term) this.growTermScratch(term + 1);
				if (this.termSeenIn[term] !== doc) {
					this.termSeenIn[term] = doc;
					docTerms.push(term);
					this.fieldCounts.fill(0, term * 4, term * 4 + 4);
				}
				const at = term * 4 + f;
				if (this.fieldCounts[at]! < 65535) this.fieldCounts[at]!++;
			}
		}
		for (const word of seenWords) this.vocabularyAdd(word);
		if (!this.averageLengths) this.averageLengths = FIELDS.map((field, f) => Math.max(1, lengths[f] || field.defaultLength));
		const averages = this.averageLengths;
		const norms = FIELDS.map((field, f) => field.weight / (1 - field.b + (field.b * lengths[f]!) / averages[f]!));
		for (const term of docTerms) {
			let weighted = 0;
			for (let f = 0; f < 4; f++) weighted += this.fieldCounts[term * 4 + f]! * norms[f]!;
			const q = Math.min(255, Math.max(1, Math.round(weighted * WEIGHT_SCALE)));
			this.termDf[term]!++;
			if (this.staging) {
				const st = this.staging;
				st.terms.ensure(st.length + 1);
				st.weights.ensure(st.length + 1);
				st.terms.data[st.length] = term;
				st.weights.data[st.length] = q;
				st.length++;
			} else {
				let list = this.delta.get(term);
				if (!list) this.delta.set(term, (list = { docs: [], weights: [] }));
				list.docs.push(doc);
				list.weights.push(q);
				this.deltaCount++;
			}
		}
		if (this.staging) this.staging.starts[doc + 1] = this.staging.length;
	}

	private growTermScratch(n: number): void {
		const size = Math.max(n, this.termSeenIn.length * 2);
		const seen = new Int32Array(size).fill(-1);
		seen.set(this.termSeenIn);
		this.termSeenIn = seen;
		const counts = new Uint16Array(size * 4);
		counts.set(this.fieldCounts);
		this.fieldCounts = counts;
	}

	private vocabularyAdd(word: string): void {
		if (word.length >= 3 && word.length <= 30 && !/\d/.test(word)) this.vocabulary.add(standardSpelling(word));
	}

	private termId(s: string): number {
		let id = this.termIds.get(s);
		if (id === undefined) {
			id = this.termDf.length;
			this.termIds.set(s, id);
			this.termDf.push(0);
		}
		return id;
	}

	hasStem(s: string): boolean {
		const id = this.termIds.get(s);
		return id !== undefined && this.termDf[id]! > 0;
	}

	parse(q: string): ParsedQuery {
		return parseQuery(q, { hasStem: (s) => this.hasStem(s), vocabulary: this.vocabulary, synonyms: this.synonyms, places: this.places });
	}

	/**
	 * Everything of a parsed query that its answer depends on, as text: queries typed
	 * differently — in case, spelling variant (ijin/izin) or a corrected typo — that search the
	 * same have the same key, so that one cached answer serves them all ("did you mean" aside,
	 * which follows the words typed). The run-together letters count only when an innovation
	 * has them as its acronym.
	 */
	queryKey(parsed: ParsedQuery): string {
		const acronym = parsed.acronymKey.length >= 3 && this.acronymDocs.has(parsed.acronymKey) ? parsed.acronymKey : '';
		return JSON.stringify([
			parsed.clauses.map((clause) => clause.alternatives),
			acronym,
			parsed.acronymKey.length > 0,
			parsed.places,
			[...parsed.highlightStems].sort()
		]);
	}

	private idf(s: string): number {
		const term = this.termIds.get(s);
		const df = term === undefined ? 0 : this.termDf[term]!;
		const n = Math.max(this.live, 1);
		// A floor, so a word in every document still ranks by how strongly a document has it.
		return Math.max(0.05, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
	}

	private ensureScratch(): void {
		if (this.scratchScore.length >= this.count) return;
		const size = Math.max(this.count, this.scratchScore.length * 2, 1024);
		this.scratchScore = new Float32Array(size);
		this.scratchMask = new Uint32Array(size);
		this.scratchClause = new Float32Array(size);
		this.scratchCount = new Uint8Array(size);
		this.scratchSum = new Float32Array(size);
		this.scratchTier = new Uint8Array(size);
		// A term's hits among candidates: at most one per candidate, and a document is in one list
		// at most once (main or delta), so the document count bounds them.
		this.scratchHitDocs = new Uint32Array(size);
		this.scratchHitWeights = new Uint8Array(size);
	}

	/**
	 * Adds `boost x BM25` of one stem to `target` for every live document that has it, pushing
	 * documents seen for the first time (target was 0) onto `touched`. Tight loops over the
	 * typed arrays: this is where query time goes.
	 */
	private accumulate(s: string, boost: number, target: Float32Array, touched: DocList, mode: 'sum' | 'max'): void {
		const term = this.termIds.get(s);
		if (term === undefined) return;
		const idf = this.idf(s) * boost * (K1 + 1);
		const alive = this.alive.data;
		const table = saturation(idf);
		const sum = mode === 'sum';
		if (term < this.mainTerms) {
			const docs = this.mainDocs;
			const weights = this.mainWeights;
			const start = this.mainOffsets[term]!;
			const end = this.mainOffsets[term + 1]!;
			const out = touched.reserve(end - start);
			let n = touched.length;
			// Two loops rather than a branch per posting: the longest lists are read here.
			if (sum) {
				for (let i = start; i < end; i++) {
					const doc = docs[i]!;
					if (alive[doc] !== 1) continue;
					const current = target[doc]!;
					if (current === 0) out[n++] = doc;
					target[doc] = current + table[weights[i]!]!;
				}
			} else {
				for (let i = start; i < end; i++) {
					const doc = docs[i]!;
					if (alive[doc] !== 1) continue;
					const value = table[weights[i]!]!;
					const current = target[doc]!;
					if (current === 0) out[n++] = doc;
					if (value > current) target[doc] = value;
				}
			}
			touched.length = n;
		}
		const extra = this.delta.get(term);
		if (extra) {
			const out = touched.reserve(extra.docs.length);
			let n = touched.length;
			for (let i = 0; i < extra.docs.length; i++) {
				const doc = extra.docs[i]!;
				if (alive[doc] !== 1) continue;
				const value = table[extra.weights[i]!]!;
				const current = target[doc]!;
				if (current === 0) out[n++] = doc;
				if (sum) target[doc] = current + value;
				else if (value > current) target[doc] = value;
			}
			touched.length = n;
		}
	}

	/** One clause (a single word, or an abbreviation with its expansions): no intersection to do. */
	private matchSingle(parsed: ParsedQuery): Matched {
		this.ensureScratch();
		const score = this.scratchScore;
		const touched = this.listTouched;
		touched.length = 0;
		for (const alternative of parsed.clauses[0]!.alternatives) {
			if (alternative.stems.length === 1) this.accumulate(alternative.stems[0]!, alternative.boost, score, touched, 'max');
			else this.scoreAll(alternative.stems, alternative.boost, score, touched);
		}
		const acronymHits = parsed.acronymKey.length >= 3 ? (this.acronymDocs.get(parsed.acronymKey) ?? []) : [];
		if (acronymHits.length > 0) {
			let best = 0;
			for (let i = 0; i < touched.length; i++) {
				const doc = touched.data[i]!;
				if (score[doc]! > best) best = score[doc]!;
			}
			for (const doc of acronymHits) {
				if (!this.alive.data[doc]) continue;
				if (score[doc] === 0) touched.push(doc);
				score[doc]! += ACRONYM_BONUS * Math.max(best, 1);
			}
		}
		const docs = touched.view();
		this.finishScores(docs, 0, parsed.places, 1);
		return { docs, full: docs.length, partial: false };
	}

	/**
	 * The final score of each matched document (proven-ness, place named) and its tier: `base`,
	 * plus one in the place named; `from` skips documents already finished.
	 */
	private finishScores(docs: Uint32Array, from: number, places: string[], base: number): void {
		const score = this.scratchScore;
		const proven = this.proven.data;
		const tier = this.scratchTier;
		const place = this.placeMatcher(places);
		if (!place) {
			for (let i = from; i < docs.length; i++) {
				const doc = docs[i]!;
				score[doc] = score[doc]! * (1 + PROVEN_WEIGHT * proven[doc]!);
				tier[doc] = base;
			}
			return;
		}
		for (let i = from; i < docs.length; i++) {
			const doc = docs[i]!;
			const where = place(doc);
			score[doc] = score[doc]! * (1 + PROVEN_WEIGHT * proven[doc]!) * PLACE_BOOST[where]!;
			tier[doc] = base + (where === 2 ? 1 : 0);
		}
	}

	/**
	 * Scores the documents matching a parsed query into scratchScore (relevance with the
	 * proven-ness tie-breaker); the caller clears it over the returned documents.
	 */
	private match(parsed: ParsedQuery): Matched {
		this.ensureScratch();
		const score = this.scratchScore;
		const mask = this.scratchMask;
		const touched = this.listTouched;
		touched.length = 0;
		const clauses = parsed.clauses.slice(0, MAX_CLAUSES);
		if (!this.pruneMatches || !this.gatherLikelyMatches(parsed, clauses)) this.gatherAllMatches(clauses);
		const full = clauses.length >= 32 ? 0xffffffff : (1 << clauses.length) - 1;
		// Acronym: the whole query spells an innovation's acronym ("si perut laper").
		const acronymHits = parsed.acronymKey.length >= 3 ? (this.acronymDocs.get(parsed.acronymKey) ?? []) : [];
		let best = 0;
		for (let i = 0; i < touched.length; i++) {
			const doc = touched.data[i]!;
			if (score[doc]! > best) best = score[doc]!;
		}
		for (const doc of acronymHits) {
			if (!this.alive.data[doc]) continue;
			if (mask[doc] === 0) touched.push(doc);
			mask[doc] = full;
			score[doc]! += ACRONYM_BONUS * Math.max(best, 1);
		}
		// Parts of the query: its clauses and, when it names a place, the place. A document in the
		// place named has that part; the place alone never makes a document match.
		const place = this.placeMatcher(parsed.places);
		const parts = clauses.length + (place ? 1 : 0);
		const tier = this.scratchTier;
		const all = touched.data;
		const count = touched.length;
		// Matches first, then the fill, in one list.
		const matched = this.listDocs;
		matched.length = 0;
		const out = matched.reserve(count);
		let docs = 0;
		for (let i = 0; i < count; i++) {
			const doc = all[i]!;
			tier[doc] = popcount(mask[doc]!) + (place && place(doc) === 2 ? 1 : 0);
			if (mask[doc] === full) out[docs++] = doc;
		}
		let partial = false;
		let length = docs;
		if (docs === 0 && clauses.length > 1 && count > 0) {
			// Nothing has every word: show what has the most of them.
			let most = 0;
			for (let i = 0; i < count; i++) most = Math.max(most, popcount(mask[all[i]!]!));
			for (let i = 0; i < count; i++) if (popcount(mask[all[i]!]!) === most) out[docs++] = all[i]!;
			length = docs;
			partial = true;
		} else if (parts >= 3) {
			// After the documents with every word, those with most parts of the query.
			const need = Math.floor(parts / 2) + 1;
			for (let i = 0; i < count; i++) {
				const doc = all[i]!;
				if (mask[doc] !== full && tier[doc]! >= need) out[length++] = doc;
			}
		}
		matched.length = length;
		const proven = this.proven.data;
		for (let i = 0; i < count; i++) mask[all[i]!] = 0;
		// Documents that did not match keep no score.
		const flag = this.scratchCount;
		for (let i = 0; i < length; i++) flag[out[i]!] = 1;
		for (let i = 0; i < count; i++) {
			const doc = all[i]!;
			if (flag[doc]) score[doc] = score[doc]! * (1 + PROVEN_WEIGHT * proven[doc]!) * (place ? PLACE_BOOST[place(doc)]! : 1);
			else {
				score[doc] = 0;
				tier[doc] = 0;
			}
		}
		for (let i = 0; i < length; i++) flag[out[i]!] = 0;
		return { docs: matched.view(), full: docs, partial };
	}

	/**
	 * Every document with any clause of the query onto listTouched, in the order the clauses'
	 * postings meet them, with the clauses it has in scratchMask (a bit each) and their summed
	 * values in scratchScore.
	 */
	private gatherAllMatches(clauses: ParsedQuery['clauses']): void {
		const score = this.scratchScore;
		const mask = this.scratchMask;
		const clauseScore = this.scratchClause;
		const touched = this.listTouched;
		const clauseTouched = this.listClause;
		for (let c = 0; c < clauses.length; c++) {
			const bit = 1 << c;
			clauseTouched.length = 0;
			for (const alternative of clauses[c]!.alternatives) {
				if (alternative.stems.length === 1) this.accumulate(alternative.stems[0]!, alternative.boost, clauseScore, clauseTouched, 'max');
				else this.scoreAll(alternative.stems, alternative.boost, clauseScore, clauseTouched);
			}
			const out = touched.reserve(clauseTouched.length);
			let n = touched.length;
			const list = clauseTouched.data;
			for (let i = 0; i < clauseTouched.length; i++) {
				const doc = list[i]!;
				if (mask[doc] === 0) out[n++] = doc;
				mask[doc]! |= bit;
				score[doc]! += clauseScore[doc]!;
				clauseScore[doc] = 0;
			}
			touched.length = n;
		}
	}

	/** False evaluates partial matches the long way only (tests compare the two ways). */
	pruneMatches = true;

	/**
	 * `gatherAllMatches` without reading the commonest words' postings, where that gives `match`
	 * the same answer: with three parts or more and a document having every word, `match` keeps
	 * the documents with every word and those with most parts (`need`); a place named counts as
	 * a part. A document outside the place needs `need` words, so it misses at most
	 * clauses - need of them and has one of the clauses - need + 1 rarest (pigeonhole); the
	 * place's documents are few and read whole. Those candidates are gathered in `match`'s order
	 * (by the first clause that has them, then by document: single-word clauses' postings come
	 * in document order) with every clause's value added in clause order, so scores, tiers and
	 * ties come out as `gatherAllMatches` gives them. "akta kelahiran satu data malang" no longer
	 * walks every posting of "satu" and "data" (21-27 ms at 250,000 innovations before).
	 * False (nothing gathered, scratch clean) when it does not apply.
	 */
	private gatherLikelyMatches(parsed: ParsedQuery, clauses: ParsedQuery['clauses']): boolean {
		const parts = clauses.length + (parsed.places.length > 0 ? 1 : 0);
		// Three parts or more: at least two clauses, `need` at least two, so `rare` < clauses.length.
		if (parts < 3) return false;
		// An acronym hit is scored against the best of every matching document: not pruned.
		if (parsed.acronymKey.length >= 3 && this.acronymDocs.has(parsed.acronymKey)) return false;
		for (const clause of clauses) if (clause.alternatives.length !== 1 || clause.alternatives[0]!.stems.length !== 1) return false;
		const need = Math.floor(parts / 2) + 1;
		const rare = clauses.length - need + 1;
		const byRarity = clauses.map((clause, c) => ({ c, size: this.clauseSize(clause) })).sort((a, b) => a.size - b.size);
		const alive = this.alive.data;
		const seen = this.scratchCount;
		const found = this.listClause;
		found.length = 0;
		const add = (doc: number) => {
			if (alive[doc] === 1 && seen[doc] === 0) {
				seen[doc] = 1;
				found.push(doc);
			}
		};
		for (let r = 0; r < rare; r++) {
			const term = this.termIds.get(clauses[byRarity[r]!.c]!.alternatives[0]!.stems[0]!);
			if (term === undefined) continue;
			const [start, end] = this.postingRange(term);
			for (let i = start; i < end; i++) add(this.mainDocs[i]!);
			for (const doc of this.delta.get(term)?.docs ?? []) add(doc);
		}
		if (parsed.places.length > 0) for (const doc of this.docsOfPlaces(parsed.places)) add(doc);
		const candidates = found.view().sort();
		for (let i = 0; i < candidates.length; i++) seen[candidates[i]!] = 0;
		const score = this.scratchScore;
		const mask = this.scratchMask;
		const clauseScore = this.scratchClause;
		const every = (1 << clauses.length) - 1;
		let complete = 0;
		for (let c = 0; c < clauses.length; c++) {
			const alternative = clauses[c]!.alternatives[0]!;
			this.scoreCandidates(alternative.stems, alternative.boost, candidates, clauseScore);
			const bit = 1 << c;
			for (let i = 0; i < candidates.length; i++) {
				const doc = candidates[i]!;
				const value = clauseScore[doc]!;
				if (value > 0) {
					mask[doc]! |= bit;
					score[doc]! += value;
					clauseScore[doc] = 0;
					if (mask[doc] === every) complete++;
				}
			}
		}
		if (complete === 0) {
			// Nothing has every word: `match` then wants what has the most words anywhere.
			for (let i = 0; i < candidates.length; i++) {
				score[candidates[i]!] = 0;
				mask[candidates[i]!] = 0;
			}
			return false;
		}
		// In `match`'s order: by the first clause a document has, then by document.
		const touched = this.listTouched;
		const out = touched.reserve(candidates.length);
		let n = touched.length;
		for (let c = 0; c < clauses.length; c++) {
			const bit = 1 << c;
			for (let i = 0; i < candidates.length; i++) {
				const m = mask[candidates[i]!]!;
				if ((m & bit) !== 0 && (m & (bit - 1)) === 0) out[n++] = candidates[i]!;
			}
		}
		touched.length = n;
		return true;
	}

	/** Where a term's postings lie in the main segment (empty for a term added after sealing). */
	private postingRange(term: number): [number, number] {
		return term < this.mainTerms ? [this.mainOffsets[term]!, this.mainOffsets[term + 1]!] : [0, 0];
	}

	/** Documents a clause may match at most: the sum over its alternatives of their rarest stem. */
	private clauseSize(clause: ParsedQuery['clauses'][number]): number {
		let size = 0;
		for (const alternative of clause.alternatives) {
			let least = Infinity;
			for (const s of alternative.stems) {
				const term = this.termIds.get(s);
				least = Math.min(least, term === undefined ? 0 : this.termDf[term]!);
			}
			size += least === Infinity ? 0 : least;
		}
		return size;
	}

	/**
	 * Every clause required, rarest first (decision 007): the rarest clause gives the candidates,
	 * each further clause is looked up per candidate (binary search in its sorted postings) when
	 * that is cheaper than reading its postings, so a common word next to a rare one costs the
	 * rare one's size, not its own. Returns null when fewer than `enough` documents have every
	 * word: the caller then ranks partial matches too (`match`), which must read every posting.
	 */
	private matchAll(parsed: ParsedQuery, enough: number): Matched | null {
		const clauses = parsed.clauses.slice(0, MAX_CLAUSES);
		if (clauses.length < 2) return null;
		this.ensureScratch();
		const score = this.scratchScore;
		const clauseScore = this.scratchClause;
		const ordered = clauses.map((clause) => ({ clause, size: this.clauseSize(clause) })).sort((a, b) => a.size - b.size);
		if (ordered[0]!.size === 0) return null;
		// Candidates: the rarest clause, scored as `match` would (straight into the score); the list
		// is narrowed in place, and a document dropped from it keeps no score, so it is all the
		// caller clears.
		const list = this.listTouched;
		list.length = 0;
		for (const alternative of ordered[0]!.clause.alternatives) {
			if (alternative.stems.length === 1) this.accumulate(alternative.stems[0]!, alternative.boost, score, list, 'max');
			else this.scoreAll(alternative.stems, alternative.boost, score, list);
		}
		let candidates = list.view();
		// One stem's postings come in document order already; only merged alternatives need sorting.
		for (let i = 1; i < candidates.length; i++) {
			if (candidates[i - 1]! > candidates[i]!) {
				candidates.sort();
				break;
			}
		}
		const hitDocs = this.scratchHitDocs;
		const hitWeights = this.scratchHitWeights;
		const acronymHits = parsed.acronymKey.length >= 3 ? (this.acronymDocs.get(parsed.acronymKey) ?? []) : [];
		// Without an acronym or a place to add, the last clause's walk also finishes the scores
		// (as finishScores would, in the same float steps).
		const finishEarly = acronymHits.length === 0 && parsed.places.length === 0;
		let finished = false;
		const proven = this.proven.data;
		const tier = this.scratchTier;
		const base = clauses.length;
		for (let c = 1; c < ordered.length && candidates.length > 0; c++) {
			const alternatives = ordered[c]!.clause.alternatives;
			let kept = 0;
			const only = alternatives.length === 1 && alternatives[0]!.stems.length === 1 ? alternatives[0]! : null;
			const term = only ? this.termIds.get(only.stems[0]!) : undefined;
			if (only && (term === undefined || !this.delta.has(term))) {
				// One word, the common case: its hits come in candidate order, so the candidates are
				// narrowed in one walk beside them, without going through the clause score.
				let hits = 0;
				let table: Float32Array | null = null;
				if (term !== undefined) {
					table = saturation(this.idf(only.stems[0]!) * only.boost * (K1 + 1));
					hits = this.candidateHits(term, candidates);
				}
				let h = 0;
				if (finishEarly && c === ordered.length - 1) {
					for (let i = 0; i < candidates.length; i++) {
						const doc = candidates[i]!;
						if (h < hits && hitDocs[h] === doc) {
							const value = table![hitWeights[h++]!]!;
							if (value > 0) {
								score[doc] = Math.fround(score[doc]! + value) * (1 + PROVEN_WEIGHT * proven[doc]!);
								tier[doc] = base;
								candidates[kept++] = doc;
								continue;
							}
						}
						score[doc] = 0;
					}
					finished = true;
				} else {
					for (let i = 0; i < candidates.length; i++) {
						const doc = candidates[i]!;
						if (h < hits && hitDocs[h] === doc) {
							const value = table![hitWeights[h++]!]!;
							if (value > 0) {
								score[doc]! += value;
								candidates[kept++] = doc;
								continue;
							}
						}
						score[doc] = 0;
					}
				}
				candidates = candidates.subarray(0, kept);
				continue;
			}
			for (const alternative of alternatives) this.scoreCandidates(alternative.stems, alternative.boost, candidates, clauseScore);
			for (let i = 0; i < candidates.length; i++) {
				const doc = candidates[i]!;
				const value = clauseScore[doc]!;
				if (value > 0) {
					score[doc]! += value;
					clauseScore[doc] = 0;
					candidates[kept++] = doc;
				} else score[doc] = 0;
			}
			candidates = candidates.subarray(0, kept);
		}
		list.length = candidates.length;
		if (acronymHits.length > 0) {
			let best = 0;
			for (let i = 0; i < list.length; i++) {
				const doc = list.data[i]!;
				if (score[doc]! > best) best = score[doc]!;
			}
			for (const doc of acronymHits) {
				if (!this.alive.data[doc]) continue;
				if (score[doc] === 0) list.push(doc);
				score[doc]! += ACRONYM_BONUS * Math.max(best, 1);
			}
		}
		const full = list.length;
		// Fewer than a page with every word: `match` adds those with most parts of the query
		// (three parts or more) or, with none at all, those with the most words.
		const parts = clauses.length + (parsed.places.length > 0 ? 1 : 0);
		// With a place and four words or more, documents missing a word elsewhere also rank: `match`.
		if (full === 0 || (full < enough && parts >= 3) || (parsed.places.length > 0 && clauses.length > 3)) {
			for (let i = 0; i < full; i++) {
				score[list.data[i]!] = 0;
				tier[list.data[i]!] = 0;
			}
			return null;
		}
		if (!finished) this.finishScores(list.view(), 0, parsed.places, clauses.length);
		if (parsed.places.length > 0) this.fillFromPlace(parsed, clauses, list);
		return { docs: list.view(), full, partial: false };
	}

	/**
	 * With a place named ("siaga bencana kalimantan tengah") an innovation of that place missing
	 * one word ranks level with one elsewhere that has every word, as in `match`: the place's
	 * documents (a few thousand at most) are checked clause by clause. They go after the matches
	 * in `list`.
	 */
	private fillFromPlace(parsed: ParsedQuery, clauses: ParsedQuery['clauses'], list: DocList): void {
		const parts = clauses.length + 1;
		const need = Math.floor(parts / 2) + 1;
		const score = this.scratchScore;
		const clauseScore = this.scratchClause;
		const local = this.docsOfPlaces(parsed.places).filter((doc) => score[doc] === 0 && this.alive.data[doc] === 1);
		if (local.length === 0) return;
		const candidates = new Uint32Array(local).sort();
		const counts = new Uint8Array(candidates.length);
		const sums = new Float32Array(candidates.length);
		for (const clause of clauses) {
			for (const alternative of clause.alternatives) this.scoreCandidates(alternative.stems, alternative.boost, candidates, clauseScore);
			for (let i = 0; i < candidates.length; i++) {
				const doc = candidates[i]!;
				const value = clauseScore[doc]!;
				if (value > 0) {
					counts[i]!++;
					sums[i]! += value;
					clauseScore[doc] = 0;
				}
			}
		}
		const proven = this.proven.data;
		const tier = this.scratchTier;
		for (let i = 0; i < candidates.length; i++) {
			if (counts[i]! + 1 < need || counts[i] === 0) continue;
			const doc = candidates[i]!;
			score[doc] = sums[i]! * (1 + PROVEN_WEIGHT * proven[doc]!) * PLACE_BOOST[2];
			tier[doc] = counts[i]! + 1;
			list.push(doc);
		}
	}

	private placeLists: { count: number; regions: Map<number, number[]>; provinces: Map<number, number[]> } | null = null;

	/** Documents of the regions or provinces named (exactly), from lists built on first use. */
	private docsOfPlaces(codes: string[]): number[] {
		if (!this.placeLists || this.placeLists.count !== this.count) {
			const regions = new Map<number, number[]>();
			const provinces = new Map<number, number[]>();
			const region = this.region.data;
			const province = this.province.data;
			for (let doc = 0; doc < this.count; doc++) {
				const r = region[doc]!;
				if (r !== NO_VALUE) (regions.get(r) ?? regions.set(r, []).get(r)!).push(doc);
				const p = province[doc]!;
				if (p !== NO_VALUE) (provinces.get(p) ?? provinces.set(p, []).get(p)!).push(doc);
			}
			this.placeLists = { count: this.count, regions, provinces };
		}
		const out = new Set<number>();
		for (const code of codes) {
			const list = code.includes('.') ? this.placeLists.regions.get(this.regions.find(code)) : this.placeLists.provinces.get(this.provinces.find(code));
			for (const doc of list ?? []) out.add(doc);
		}
		return [...out];
	}

	/**
	 * For each (sorted) candidate, the value of one alternative into `target` (max over
	 * alternatives). An alternative of several stems needs all of them (all but one from four
	 * stems on), valued at their mean, as in `scoreAll`.
	 */
	private scoreCandidates(stems: string[], boost: number, candidates: Uint32Array, target: Float32Array): void {
		const hitDocs = this.scratchHitDocs;
		const hitWeights = this.scratchHitWeights;
		if (stems.length === 1) {
			// A single word, the common case: its value straight into `target`.
			const term = this.termIds.get(stems[0]!);
			if (term === undefined) return;
			const table = saturation(this.idf(stems[0]!) * boost * (K1 + 1));
			const hits = this.candidateHits(term, candidates);
			for (let k = 0; k < hits; k++) {
				const doc = hitDocs[k]!;
				const value = table[hitWeights[k]!]!;
				if (value > target[doc]!) target[doc] = value;
			}
			return;
		}
		const required = stems.length >= 4 ? stems.length - 1 : stems.length;
		const sum = this.scratchSum;
		const count = this.scratchCount;
		for (const s of stems) {
			const term = this.termIds.get(s);
			if (term === undefined) continue;
			const table = saturation(this.idf(s) * boost * (K1 + 1));
			const hits = this.candidateHits(term, candidates);
			for (let k = 0; k < hits; k++) {
				const doc = hitDocs[k]!;
				count[doc]!++;
				sum[doc]! += table[hitWeights[k]!]!;
			}
		}
		for (let i = 0; i < candidates.length; i++) {
			const doc = candidates[i]!;
			if (count[doc]! >= required && count[doc]! > 0) {
				const value = sum[doc]! / stems.length;
				if (value > target[doc]!) target[doc] = value;
			}
			sum[doc] = 0;
			count[doc] = 0;
		}
	}

	/**
	 * The (sorted) candidates that have a term, with its weight in each, into scratchHitDocs and
	 * scratchHitWeights; returns how many. The cheapest lookup per case: one byte per candidate in
	 * a dense column (frequent terms), a forward binary search when the postings are much longer
	 * than the candidates, a merge walk otherwise; then the small delta.
	 */
	private candidateHits(term: number, candidates: Uint32Array): number {
		const hitDocs = this.scratchHitDocs;
		const hitWeights = this.scratchHitWeights;
		let hits = 0;
		const [start, end] = this.postingRange(term);
		const docs = this.mainDocs;
		const weights = this.mainWeights;
		const column = this.dense[term];
		if (column) {
			const length = column.length;
			for (let i = 0; i < candidates.length; i++) {
				const doc = candidates[i]!;
				const w = doc < length ? column[doc]! : 0;
				if (w !== 0) {
					hitDocs[hits] = doc;
					hitWeights[hits++] = w;
				}
			}
		} else if (end - start > candidates.length * 8) {
			// Few candidates, long list: binary search, moving forward (both are sorted).
			let lo = start;
			for (let i = 0; i < candidates.length && lo < end; i++) {
				const doc = candidates[i]!;
				let hi = end;
				while (lo < hi) {
					const mid = (lo + hi) >>> 1;
					if (docs[mid]! < doc) lo = mid + 1;
					else hi = mid;
				}
				if (lo < end && docs[lo] === doc) {
					hitDocs[hits] = doc;
					hitWeights[hits++] = weights[lo]!;
				}
			}
		} else {
			// Merge walk of two sorted lists.
			let i = 0;
			for (let p = start; p < end && i < candidates.length; p++) {
				const doc = docs[p]!;
				while (i < candidates.length && candidates[i]! < doc) i++;
				if (i < candidates.length && candidates[i] === doc) {
					hitDocs[hits] = doc;
					hitWeights[hits++] = weights[p]!;
				}
			}
		}
		const extra = this.delta.get(term);
		if (extra) {
			// The delta is small; a binary search per entry checks it is a candidate.
			const alive = this.alive.data;
			for (let i = 0; i < extra.docs.length; i++) {
				const doc = extra.docs[i]!;
				if (alive[doc] === 1 && this.isCandidate(candidates, doc)) {
					hitDocs[hits] = doc;
					hitWeights[hits++] = extra.weights[i]!;
				}
			}
		}
		return hits;
	}

	private isCandidate(candidates: Uint32Array, doc: number): boolean {
		let lo = 0;
		let hi = candidates.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (candidates[mid]! < doc) lo = mid + 1;
			else hi = mid;
		}
		return lo < candidates.length && candidates[lo] === doc;
	}

	/**
	 * Region intent: 2 for an innovation of the region (or province) named, 1 for another region
	 * of its province, 0 elsewhere.
	 */
	private placeMatcher(codes: string[]): ((doc: number) => number) | null {
		if (codes.length === 0) return null;
		// Tiers by dictionary code, so that the per-document check is two array reads.
		const regionTier = new Uint8Array(NO_VALUE + 1);
		const provinceTier = new Uint8Array(NO_VALUE + 1);
		for (const code of codes) {
			if (code.includes('.')) {
				regionTier[this.regions.find(code)] = 2;
				const near = this.provinces.find(code.split('.')[0]!);
				if (provinceTier[near] === 0) provinceTier[near] = 1;
			} else provinceTier[this.provinces.find(code)] = 2;
		}
		regionTier[NO_VALUE] = 0;
		provinceTier[NO_VALUE] = 0;
		const region = this.region.data;
		const province = this.province.data;
		return (doc) => {
			const r = regionTier[region[doc]!]!;
			const p = provinceTier[province[doc]!]!;
			return r > p ? r : p;
		};
	}

	/**
	 * An alternative of several stems (an expansion such as "pusat kesehatan masyarakat"): the mean
	 * of their values, so a spread-out expansion does not outweigh the one word it stands for.
	 * Every stem must be present; an expansion of four or more words may miss one ("data
	 * kesejahteraan sosial" for DTKS = "data terpadu kesejahteraan sosial").
	 */
	private scoreAll(stems: string[], boost: number, target: Float32Array, touched: DocList): void {
		const count = this.scratchCount;
		const sum = this.scratchSum;
		const seen = this.listSeen;
		seen.length = 0;
		const alive = this.alive.data;
		const required = stems.length >= 4 ? stems.length - 1 : stems.length;
		for (let j = 0; j < stems.length; j++) {
			const s = stems[j]!;
			const term = this.termIds.get(s);
			if (term === undefined) continue;
			const table = saturation(this.idf(s) * boost * (K1 + 1));
			// A document not seen by the first stems that could be spared cannot reach `required`.
			const canStart = j <= stems.length - required;
			if (term < this.mainTerms) {
				const docs = this.mainDocs;
				const weights = this.mainWeights;
				const start = this.mainOffsets[term]!;
				const end = this.mainOffsets[term + 1]!;
				const out = canStart ? seen.reserve(end - start) : seen.data;
				let n = seen.length;
				for (let i = start; i < end; i++) {
					const doc = docs[i]!;
					if (alive[doc] !== 1) continue;
					if (count[doc] === 0) {
						if (!canStart) continue;
						out[n++] = doc;
					}
					count[doc]!++;
					sum[doc]! += table[weights[i]!]!;
				}
				seen.length = n;
			}
			const extra = this.delta.get(term);
			if (extra) {
				for (let i = 0; i < extra.docs.length; i++) {
					const doc = extra.docs[i]!;
					if (alive[doc] !== 1) continue;
					if (count[doc] === 0) {
						if (!canStart) continue;
						seen.push(doc);
					}
					count[doc]!++;
					sum[doc]! += table[extra.weights[i]!]!;
				}
			}
		}
		const list = seen.data;
		for (let i = 0; i < seen.length; i++) {
			const doc = list[i]!;
			if (count[doc]! >= required) {
				const value = sum[doc]! / stems.length;
				if (target[doc] === 0) touched.push(doc);
				if (value > target[doc]!) target[doc] = value;
			}
			sum[doc] = 0;
			count[doc] = 0;
		}
	}

	/** Compiles the filters into one check per dimension (a bit per failed facet dimension). */
	private compileFilters(filters: SearchFilters): { dims: FacetDimension[]; impossible: boolean } {
		const dims: FacetDimension[] = [];
		let impossible = false;
		const code = (dictionary: Dictionary, value: string) => {
			const c = dictionary.find(value);
			if (c < 0) impossible = true;
			return c;
		};
		if (filters.provinsi) {
			const c = code(this.provinces, filters.provinsi);
			const column = this.province.data;
			dims.push({ facet: 'provinsi', test: (d) => column[d] === c, column, equals: c });
		}
		if (filters.wilayah) {
			const c = code(this.regions, filters.wilayah);
			const column = this.region.data;
			dims.push({ facet: 'wilayah', test: (d) => column[d] === c, column, equals: c });
		}
		if (filters.instansi) {
			const c = code(this.agencies, filters.instansi);
			const column = this.agency.data;
			dims.push({ facet: null, test: (d) => column[d] === c, column, equals: c });
		}
		if (filters.jenisInstansi) {
			const c = AGENCY_KINDS.indexOf(filters.jenisInstansi as never);
			const column = this.agencyKind.data;
			dims.push({ facet: 'jenisInstansi', test: (d) => column[d] === c, column, equals: c });
		}
		if (filters.urusan) {
			const c = code(this.affairs, filters.urusan);
			const column = this.affair.data;
			dims.push({ facet: 'urusan', test: (d) => column[d] === c, column, equals: c });
		}
		if (filters.sdg) {
			const bit = (1 << filters.sdg) >>> 0;
			const column = this.sdgBits.data;
			dims.push({ facet: 'sdg', test: (d) => (column[d]! & bit) !== 0, column, mask: bit });
		}
		if (filters.tahap) {
			const c = STAGE_CODES.indexOf(filters.tahap as never);
			const column = this.stage.data;
			dims.push({ facet: 'tahap', test: (d) => column[d] === c, column, equals: c });
		}
		if (filters.tahun || filters.tahunDari || filters.tahunSampai) {
			const exact = filters.tahun;
			const from = filters.tahunDari ?? 0;
			const to = filters.tahunSampai ?? 0xffff;
			const column = this.year.data;
			dims.push({
				facet: 'tahun',
				test: (d) => {
					const y = column[d]!;
					return y !== 0 && (exact === undefined || y === exact) && y >= from && y <= to;
				}
			});
		}
		if (filters.penghargaan) {
			const bits = filters.penghargaan === 'ada' ? 0xff : (AWARD_BITS[filters.penghargaan] ?? 0);
			const column = this.awardBits.data;
			dims.push({ facet: 'penghargaan', test: (d) => (column[d]! & bits) !== 0, column, mask: bits });
		}
		if (filters.sumber) {
			const bit = SOURCE_BITS[filters.sumber] ?? 0;
			const column = this.sourceBits.data;
			dims.push({ facet: 'sumber', test: (d) => (column[d]! & bit) !== 0, column, mask: bit });
		}
		if (filters.digital) {
			const want = filters.digital === 'ya' ? 1 : 2;
			const column = this.digital.data;
			dims.push({ facet: 'digital', test: (d) => column[d] === want, column, equals: want });
		}
		if (filters.direplikasi) {
			const want = filters.direplikasi === 'ya';
			const column = this.replications.data;
			dims.push({ facet: 'direplikasi', test: (d) => column[d]! > 0 === want });
		}
		return { dims, impossible };
	}

	/** How the last query was evaluated (for the benchmarks): one clause, every word (rarest first), or partial matches too. */
	lastPlan: SearchPlan = 'tanpa-kueri';

	/** Searches: matching, filtering, facet counts, ordering and one page of hits. */
	search(request: SearchRequest): SearchResult {
		const limit = Math.max(0, Math.min(request.limit ?? 20, 1000));
		const offset = Math.max(0, request.offset ?? 0);
		const q = (request.q ?? '').trim();
		this.lastPlan = 'tanpa-kueri';
		const parsed = q ? (request.parsed ?? this.parse(q)) : null;
		const hasQuery = parsed !== null && (parsed.clauses.length > 0 || parsed.acronymKey.length > 0);
		// The matches, then the partial fill (`full` of them match fully).
		let candidates: Uint32Array | null = null;
		let full = 0;
		let scores: Float32Array | null = null;
		let partial = false;
		if (hasQuery) {
			// A word no innovation has (even corrected) cannot be in every match: the matches are
			// those with the other words, as `match` would find them, marked partial.
			let known = parsed.clauses;
			for (const clause of parsed.clauses) {
				if (this.clauseSize(clause) === 0) {
					known = parsed.clauses.filter((c) => this.clauseSize(c) > 0);
					break;
				}
			}
			const dropped = known.length > 0 && known.length < parsed.clauses.length;
			const effective = dropped ? { ...parsed, clauses: known } : parsed;
			let matched = effective.clauses.length === 1 ? this.matchSingle(effective) : this.matchAll(effective, offset + limit);
			this.lastPlan = effective.clauses.length === 1 ? 'satu-klausa' : matched ? 'semua-kata' : 'sebagian';
			matched ??= this.match(effective);
			candidates = matched.docs;
			full = matched.full;
			scores = this.scratchScore;
			partial = matched.partial || (dropped && matched.full > 0);
		}
		const { dims, impossible } = this.compileFilters(request.filters ?? {});
		const wantFacets = request.facets !== false;
		const counters = wantFacets ? this.newCounters() : null;
		const chosen = this.listSelected;
		chosen.length = 0;
		// Documents failing exactly one filter, per filter: they count in that filter's facet
		// (what choosing another value there would give).
		while (this.listsFailed.length < dims.length) this.listsFailed.push(new DocList());
		const failedOnly = this.listsFailed;
		for (let i = 0; i < dims.length; i++) failedOnly[i]!.length = 0;
		const visit = (doc: number) => {
			let failed = -1;
			let failures = 0;
			for (let i = 0; i < dims.length; i++) {
				if (!dims[i]!.test(doc)) {
					failures++;
					failed = i;
					if (failures > 1) break;
				}
			}
			if (failures === 0) chosen.push(doc);
			else if (failures === 1 && counters) failedOnly[failed]!.push(doc);
		};
		let selected: Uint32Array = NO_DOCS;
		let selectedFull = 0;
		if (!impossible || counters) {
			if (candidates && dims.length === 0) {
				selected = candidates;
				selectedFull = full;
			} else {
				if (candidates && dims.length === 1) {
					// One filter, the common case: a plain loop over its column, no call per document.
					const failed = counters ? failedOnly[0]! : null;
					splitByFilter(dims[0]!, candidates, 0, full, chosen, failed);
					selectedFull = chosen.length;
					splitByFilter(dims[0]!, candidates, full, candidates.length, chosen, failed);
				} else if (candidates) {
					for (let i = 0; i < full; i++) visit(candidates[i]!);
					selectedFull = chosen.length;
					for (let i = full; i < candidates.length; i++) visit(candidates[i]!);
				} else {
					const alive = this.alive.data;
					for (let doc = 0; doc < this.count; doc++) if (alive[doc]) visit(doc);
				}
				selected = chosen.view();
			}
		}
		if (counters) {
			this.countAllInto(counters, selected);
			for (let i = 0; i < dims.length; i++) {
				const facet = dims[i]!.facet;
				if (facet) this.countFacetInto(counters, facet, failedOnly[i]!.view());
			}
		}
		const hitsDocs = impossible ? NO_DOCS : selected;
		const sort = request.sort ?? (hasQuery ? 'relevansi' : 'terbaru');
		let page: number[];
		if (candidates && sort === 'relevansi') page = this.topK(hitsDocs, scores, sort, offset + limit, this.scratchTier).slice(offset);
		else if (candidates && hitsDocs.length > selectedFull) {
			// Documents with every word first, then the partial fill.
			const fullDocs = hitsDocs.subarray(0, selectedFull);
			page = this.topK(fullDocs, scores, sort, offset + limit);
			if (page.length < offset + limit) page = page.concat(this.topK(hitsDocs.subarray(selectedFull), scores, sort, offset + limit - page.length));
			page = page.slice(offset);
		} else page = this.topK(hitsDocs, scores, sort, offset + limit).slice(offset);
		const hits = page.map((doc) => ({ id: this.ids[doc]!, score: round(scores ? scores[doc]! : 0) }));
		if (candidates) {
			// Only the matches (and fill) keep a score or tier after matching.
			const score = this.scratchScore;
			const tier = this.scratchTier;
			for (let i = 0; i < candidates.length; i++) {
				const doc = candidates[i]!;
				score[doc] = 0;
				tier[doc] = 0;
			}
		}
		const facets = counters ? this.finishCounters(counters, request.filters ?? {}) : null;
		if (counters) this.spareCounters = counters;
		return {
			hits,
			total: hitsDocs.length,
			facets,
			partial,
			corrected: parsed?.corrected ?? null,
			highlightStems: parsed ? [...parsed.highlightStems] : [],
			plan: this.lastPlan
		};
	}

	/** Documents like this one: its title and summary as a query, same affair boosted. */
	/**
	 * Innovations whose title or acronym words start with the words typed (suggestions while
	 * typing), titles starting with the first word first, then proven-ness. A word nothing starts
	 * with is corrected through the vocabulary (one or two edits), so "pelayanam" still suggests.
	 */
	suggest(q: string, limit: number): { ids: string[]; corrected: string | null } {
		const query = suggestionWords(q).slice(0, 8);
		const result = searchPrefixes(this.prefixes, query, {
			limit,
			correct: (word) => this.vocabulary.correct(standardSpelling(word)),
			score: (doc, words) => {
				if (!this.alive.data[doc]) return null;
				const own = this.suggestionWordsOf(doc);
				if (!matchesEveryPrefix(own, words)) return null;
				const startsWithFirst = own[0]!.startsWith(words[0]!) || (this.acronyms[doc] ?? '').startsWith(words[0]!);
				return (startsWithFirst ? 2 : 0) + this.proven.data[doc]! - own.length * 0.001;
			}
		});
		return { ids: result.refs.map((doc) => this.ids[doc]!), corrected: result.corrected ? result.corrected.join(' ') : null };
	}

	/** Title words, acronym words and the acronym's letters run together ("siperutlaper"). */
	private suggestionWordsOf(doc: number): string[] {
		const words = suggestionWords(this.titles[doc]!);
		const acronym = this.acronyms[doc];
		if (acronym) words.push(...suggestionWords(acronym), acronymKey(acronym));
		return words.length > 0 ? words : [''];
	}

	similar(id: string, text: { title: string; summary: string }, limit: number): SearchHit[] {
		const doc = this.numbers.get(id);
		const stems = new Map<string, number>();
		for (const s of analyzeText(text.title)) stems.set(s, (stems.get(s) ?? 0) + 2);
		for (const s of analyzeText(text.summary)) stems.set(s, (stems.get(s) ?? 0) + 1);
		// The most distinctive terms (tf x idf), like a more-like-this query.
		const terms = [...stems]
			.filter(([s]) => this.hasStem(s))
			.map(([s, tf]) => ({ s, weight: tf * this.idf(s) }))
			.sort((a, b) => b.weight - a.weight)
			.slice(0, 12);
		this.ensureScratch();
		const score = this.scratchScore;
		const touchedList = this.listTouched;
		touchedList.length = 0;
		for (const { s, weight } of terms) this.accumulate(s, weight, score, touchedList, 'sum');
		const touched = touchedList.view();
		const affair = doc === undefined ? NO_VALUE : this.affair.data[doc]!;
		const proven = this.proven.data;
		const candidates = this.listDocs;
		candidates.length = 0;
		for (const d of touched) {
			if (d === doc) {
				score[d] = 0;
				continue;
			}
			let value = score[d]!;
			if (affair !== NO_VALUE && this.affair.data[d] === affair) value *= 1.5;
			score[d] = value * (1 + PROVEN_WEIGHT * proven[d]!);
			candidates.push(d);
		}
		const top = this.topK(candidates.view(), score, 'relevansi', limit);
		const hits = top.map((d) => ({ id: this.ids[d]!, score: round(score[d]!) }));
		for (let i = 0; i < touched.length; i++) score[touched[i]!] = 0;
		return hits;
	}

	/**
	 * topK for relevance over many documents: tier, then score, then newest, with the heap's
	 * worst kept in locals so that most documents are turned away by two comparisons.
	 */
	private topRelevant(docs: Uint32Array, scores: Float32Array, k: number, tiers: Uint8Array): number[] {
		const created = this.created.data;
		const tierOf = (d: number) => tiers[d]!;
		// a before b
		const before = (a: number, b: number) => {
			const ta = tierOf(a);
			const tb = tierOf(b);
			if (ta !== tb) return ta > tb;
			const sa = scores[a]!;
			const sb = scores[b]!;
			if (sa !== sb) return sa > sb;
			return created[a]! > created[b]!;
		};
		const heap = new Int32Array(k);
		let n = 0;
		const down = (i: number) => {
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < n && before(heap[m]!, heap[l]!)) m = l;
				if (r < n && before(heap[m]!, heap[r]!)) m = r;
				if (m === i) return;
				const t = heap[i]!;
				heap[i] = heap[m]!;
				heap[m] = t;
				i = m;
			}
		};
		let rootTier = 0;
		let rootScore = 0;
		for (let j = 0; j < docs.length; j++) {
			const d = docs[j]!;
			if (n < k) {
				// Min-heap by `before`: the root is the worst kept.
				let i = n++;
				heap[i] = d;
				while (i > 0) {
					const p = (i - 1) >> 1;
					if (!before(heap[p]!, heap[i]!)) break;
					const t = heap[i]!;
					heap[i] = heap[p]!;
					heap[p] = t;
					i = p;
				}
				rootTier = tierOf(heap[0]!);
				rootScore = scores[heap[0]!]!;
				continue;
			}
			const t = tiers[d]!;
			if (t < rootTier || (t === rootTier && scores[d]! < rootScore)) continue;
			if (before(d, heap[0]!)) {
				heap[0] = d;
				down(0);
				rootTier = tierOf(heap[0]!);
				rootScore = scores[heap[0]!]!;
			}
		}
		return Array.from(heap.subarray(0, n)).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
	}

	/** The first `k` documents in the requested order (a bounded heap, not a full sort). */
	private topK(docs: Uint32Array, scores: Float32Array | null, sort: SearchSort, k: number, tiers?: Uint8Array): number[] {
		if (k <= 0 || docs.length === 0) return [];
		// Without tiers, every document is in tier 0: scratchTier is all zeros outside a search.
		if (sort === 'relevansi' && scores && docs.length > k) return this.topRelevant(docs, scores, k, tiers ?? this.scratchTier);
		const created = this.created.data;
		const replications = this.replications.data;
		const years = this.year.data;
		const titles = this.titles;
		const s = scores ? (d: number) => scores[d]! : () => 0;
		// before(a, b): a comes first.
		let before: (a: number, b: number) => boolean;
		switch (sort) {
			case 'terbaru':
				before = (a, b) => created[a]! > created[b]! || (created[a] === created[b] && this.ids[a]! < this.ids[b]!);
				break;
			case 'replikasi':
				before = (a, b) =>
					replications[a]! > replications[b]! ||
					(replications[a] === replications[b] && (s(a) > s(b) || (s(a) === s(b) && created[a]! > created[b]!)));
				break;
			case 'judul':
				before = (a, b) => titles[a]! < titles[b]! || (titles[a] === titles[b] && this.ids[a]! < this.ids[b]!);
				break;
			case 'tahun':
				before = (a, b) => {
					const ya = years[a] || -1;
					const yb = years[b] || -1;
					return ya > yb || (ya === yb && this.ids[a]! < this.ids[b]!);
				};
				break;
			default:
				before = tiers
					? (a, b) => tiers[a]! > tiers[b]! || (tiers[a] === tiers[b] && (s(a) > s(b) || (s(a) === s(b) && created[a]! > created[b]!)))
					: (a, b) => s(a) > s(b) || (s(a) === s(b) && created[a]! > created[b]!);
		}
		if (docs.length <= k) return Array.from(docs).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
		// Min-heap of the best k: the root is the worst kept.
		const heap: number[] = [];
		const worse = (a: number, b: number) => before(b, a);
		const up = (i: number) => {
			while (i > 0) {
				const p = (i - 1) >> 1;
				if (!worse(heap[i]!, heap[p]!)) break;
				[heap[i], heap[p]] = [heap[p]!, heap[i]!];
				i = p;
			}
		};
		const down = (i: number) => {
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
				if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
				if (m === i) return;
				[heap[i], heap[m]] = [heap[m]!, heap[i]!];
				i = m;
			}
		};
		for (let i = 0; i < docs.length; i++) {
			const d = docs[i]!;
			if (heap.length < k) {
				heap.push(d);
				up(heap.length - 1);
			} else if (before(d, heap[0]!)) {
				heap[0] = d;
				down(0);
			}
		}
		return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
	}

	/** The last query's counters, zeroed and reused when the dictionaries did not grow. */
	private spareCounters: Counters | null = null;

	private newCounters(): Counters {
		const spare = this.spareCounters;
		if (
			spare &&
			spare.provinsi.length === this.provinces.values.length + 1 &&
			spare.wilayah.length === this.regions.values.length + 1 &&
			spare.urusan.length === this.affairs.values.length + 1
		) {
			this.spareCounters = null;
			for (const name of FACET_NAMES) spare[name].fill(0);
			return spare;
		}
		return {
			provinsi: new Uint32Array(this.provinces.values.length + 1),
			wilayah: new Uint32Array(this.regions.values.length + 1),
			jenisInstansi: new Uint32Array(AGENCY_KINDS.length + 1),
			urusan: new Uint32Array(this.affairs.values.length + 1),
			sdg: new Uint32Array(32),
			tahap: new Uint32Array(STAGE_CODES.length),
			sumber: new Uint32Array(8),
			tahun: new Uint32Array(4096),
			penghargaan: new Uint32Array(9),
			digital: new Uint32Array(3),
			direplikasi: new Uint32Array(2)
		};
	}

	/**
	 * Per document, one word naming its (province, region, affair) triple (low 16 bits) and its set
	 * of SDGs (high 16 bits) by their numbers in `combos`: a large match set is counted per
	 * combination and the counts spread to the facets afterwards. Built lazily up to the last
	 * document (a document's columns never change: a changed one gets a new number).
	 */
	private readonly combos = {
		built: 0,
		usable: true,
		word: new Grow(u32(0), u32),
		/** The same with the (province, region) pair instead of the triple: fewer to spread. */
		pairWord: new Grow(u32(0), u32),
		pairs: new Map<number, number>(),
		pairCodes: [] as number[],
		pairCounts: new Uint32Array(0),
		places: new Map<number, number>(),
		/** province, region, affair codes of each triple, flat */
		placeCodes: [] as number[],
		sdgs: new Map<number, number>(),
		sdgBits: [] as number[],
		placeCounts: new Uint32Array(0),
		sdgCounts: new Uint32Array(0),
		low: new Uint32Array(256),
		high: new Uint32Array(128)
	};

	private ensureCombos(): boolean {
		const combos = this.combos;
		if (combos.built === this.count) return combos.usable;
		combos.word.ensure(this.count);
		combos.pairWord.ensure(this.count);
		const P = this.province.data, R = this.region.data, A = this.affair.data, S = this.sdgBits.data;
		const word = combos.word.data;
		const pairWord = combos.pairWord.data;
		for (let d = combos.built; d < this.count; d++) {
			let pair = combos.pairs.get(P[d]! * 65536 + R[d]!);
			if (pair === undefined) {
				pair = combos.pairs.size;
				combos.pairs.set(P[d]! * 65536 + R[d]!, pair);
				combos.pairCodes.push(P[d]!, R[d]!);
			}
			const key = (P[d]! * 65536 + R[d]!) * 65536 + A[d]!;
			let place = combos.places.get(key);
			if (place === undefined) {
				place = combos.places.size;
				combos.places.set(key, place);
				combos.placeCodes.push(P[d]!, R[d]!, A[d]!);
			}
			const bits = S[d]!;
			let sdg = combos.sdgs.get(bits);
			if (sdg === undefined) {
				sdg = combos.sdgs.size;
				combos.sdgs.set(bits, sdg);
				combos.sdgBits.push(bits);
			}
			if (place > 0xffff || sdg > 0xffff || pair > 0xffff) combos.usable = false;
			word[d] = ((place & 0xffff) | ((sdg & 0xffff) << 16)) >>> 0;
			pairWord[d] = ((pair & 0xffff) | ((sdg & 0xffff) << 16)) >>> 0;
		}
		combos.built = this.count;
		if (combos.pairCounts.length < combos.pairs.size) combos.pairCounts = new Uint32Array(combos.pairs.size);
		if (combos.placeCounts.length < combos.places.size) combos.placeCounts = new Uint32Array(combos.places.size);
		if (combos.sdgCounts.length < combos.sdgs.size) combos.sdgCounts = new Uint32Array(combos.sdgs.size);
		return combos.usable;
	}

	/** Counts documents in every facet: the hot path, one loop with every column held in a local. */
	private countAllInto(c: Counters, docs: Uint32Array): void {
		// Many documents: count combinations (two or three columns, five or six increments per
		// document), then spread the counts; the triples pay off on the largest sets only.
		if (docs.length >= 256 && this.ensureCombos()) return this.countCombosInto(c, docs, docs.length * 2 > this.combos.places.size);
		const P = this.province.data, R = this.region.data, A = this.affair.data, S = this.sdgBits.data, F = this.packed.data;
		const cP = c.provinsi, cR = c.wilayah, cK = c.jenisInstansi, cA = c.urusan, cS = c.sdg, cT = c.tahap;
		const cSO = c.sumber, cY = c.tahun, cAW = c.penghargaan, cD = c.digital, cRE = c.direplikasi;
		for (let i = 0; i < docs.length; i++) {
			const d = docs[i]!;
			const p = P[d]!;
			if (p !== NO_VALUE) cP[p]!++;
			const r = R[d]!;
			if (r !== NO_VALUE) cR[r]!++;
			const a = A[d]!;
			if (a !== NO_VALUE) cA[a]!++;
			let bits = S[d]!;
			while (bits) {
				const low = bits & -bits;
				cS[31 - Math.clz32(low)]!++;
				bits ^= low;
			}
			// Layout: see packFacets.
			const f = F[d]!;
			const k = f & 7;
			if (k !== 7) cK[k]!++;
			cT[(f >>> 3) & 3]!++;
			if (f & 32) cSO[0]!++;
			if (f & 64) cSO[1]!++;
			if (f & 128) cSO[2]!++;
			if (f & 0xf00) {
				cAW[8]!++;
				if (f & 0x100) cAW[0]!++;
				if (f & 0x200) cAW[1]!++;
				if (f & 0x400) cAW[2]!++;
				if (f & 0x800) cAW[3]!++;
			}
			cD[(f >>> 12) & 3]!++;
			cRE[(f >>> 14) & 1]!++;
			cY[f >>> 15]!++;
		}
	}

	private countCombosInto(c: Counters, docs: Uint32Array, triples: boolean): void {
		const combos = this.combos;
		const F = this.packed.data;
		const cSdg = combos.sdgCounts, cLow = combos.low, cHigh = combos.high, cY = c.tahun;
		const cP = c.provinsi, cR = c.wilayah, cA = c.urusan;
		if (triples) {
			const W = combos.word.data;
			const cPlace = combos.placeCounts;
			for (let i = 0; i < docs.length; i++) {
				const d = docs[i]!;
				const w = W[d]!;
				cPlace[w & 0xffff]!++;
				cSdg[w >>> 16]!++;
				// Layout: see packFacets. Bits 0-7: kind, stage, sources; 8-14: awards, digital, replicated.
				const f = F[d]!;
				cLow[f & 0xff]!++;
				cHigh[(f >>> 8) & 0x7f]!++;
				cY[f >>> 15]!++;
			}
			const codes = combos.placeCodes;
			for (let id = 0; id < combos.places.size; id++) {
				const n = cPlace[id]!;
				if (n === 0) continue;
				cPlace[id] = 0;
				const p = codes[id * 3]!, r = codes[id * 3 + 1]!, a = codes[id * 3 + 2]!;
				if (p !== NO_VALUE) cP[p]! += n;
				if (r !== NO_VALUE) cR[r]! += n;
				if (a !== NO_VALUE) cA[a]! += n;
			}
		} else {
			const W = combos.pairWord.data, A = this.affair.data;
			const cPair = combos.pairCounts;
			for (let i = 0; i < docs.length; i++) {
				const d = docs[i]!;
				const w = W[d]!;
				cPair[w & 0xffff]!++;
				cSdg[w >>> 16]!++;
				const a = A[d]!;
				if (a !== NO_VALUE) cA[a]!++;
				const f = F[d]!;
				cLow[f & 0xff]!++;
				cHigh[(f >>> 8) & 0x7f]!++;
				cY[f >>> 15]!++;
			}
			const codes = combos.pairCodes;
			for (let id = 0; id < combos.pairs.size; id++) {
				const n = cPair[id]!;
				if (n === 0) continue;
				cPair[id] = 0;
				const p = codes[id * 2]!, r = codes[id * 2 + 1]!;
				if (p !== NO_VALUE) cP[p]! += n;
				if (r !== NO_VALUE) cR[r]! += n;
			}
		}
		const cS = c.sdg;
		for (let id = 0; id < combos.sdgs.size; id++) {
			const n = cSdg[id]!;
			if (n === 0) continue;
			cSdg[id] = 0;
			let bits = combos.sdgBits[id]!;
			while (bits) {
				const low = bits & -bits;
				cS[31 - Math.clz32(low)]! += n;
				bits ^= low;
			}
		}
		const cK = c.jenisInstansi, cT = c.tahap, cSO = c.sumber;
		for (let v = 0; v < 256; v++) {
			const n = cLow[v]!;
			if (n === 0) continue;
			cLow[v] = 0;
			const k = v & 7;
			if (k !== 7) cK[k]! += n;
			cT[(v >>> 3) & 3]! += n;
			if (v & 32) cSO[0]! += n;
			if (v & 64) cSO[1]! += n;
			if (v & 128) cSO[2]! += n;
		}
		const cAW = c.penghargaan, cD = c.digital, cRE = c.direplikasi;
		for (let v = 0; v < 128; v++) {
			const n = cHigh[v]!;
			if (n === 0) continue;
			cHigh[v] = 0;
			if (v & 15) {
				cAW[8]! += n;
				if (v & 1) cAW[0]! += n;
				if (v & 2) cAW[1]! += n;
				if (v & 4) cAW[2]! += n;
				if (v & 8) cAW[3]! += n;
			}
			cD[(v >>> 4) & 3]! += n;
			cRE[(v >>> 6) & 1]! += n;
		}
	}

	/** Counts documents in one facet (those failing only that facet's filter). */
	private countFacetInto(c: Counters, facet: FacetName, docs: Uint32Array): void {
		const each = (column: ArrayLike<number>, counter: Uint32Array, none: number) => {
			for (let i = 0; i < docs.length; i++) {
				const v = column[docs[i]!]!;
				if (v !== none) counter[v]!++;
			}
		};
		switch (facet) {
			case 'provinsi':
				return each(this.province.data, c.provinsi, NO_VALUE);
			case 'wilayah':
				return each(this.region.data, c.wilayah, NO_VALUE);
			case 'jenisInstansi':
				return each(this.agencyKind.data, c.jenisInstansi, 255);
			case 'urusan':
				return each(this.affair.data, c.urusan, NO_VALUE);
			case 'tahap':
				return each(this.stage.data, c.tahap, -1);
			case 'tahun':
				return each(this.year.data, c.tahun, -1);
			case 'digital':
				return each(this.digital.data, c.digital, -1);
			default:
				for (let i = 0; i < docs.length; i++) this.count_(c, docs[i]!, facet);
		}
	}

	/** Counts one document in every facet, or only in `only` (it failed that dimension's filter). */
	private count_(c: Counters, d: number, only: FacetName | null): void {
		if (only === null || only === 'provinsi') {
			const v = this.province.data[d]!;
			if (v !== NO_VALUE) c.provinsi[v]!++;
		}
		if (only === null || only === 'wilayah') {
			const v = this.region.data[d]!;
			if (v !== NO_VALUE) c.wilayah[v]!++;
		}
		if (only === null || only === 'jenisInstansi') {
			const v = this.agencyKind.data[d]!;
			if (v !== 255) c.jenisInstansi[v]!++;
		}
		if (only === null || only === 'urusan') {
			const v = this.affair.data[d]!;
			if (v !== NO_VALUE) c.urusan[v]!++;
		}
		if (only === null || only === 'sdg') {
			let bits = this.sdgBits.data[d]!;
			while (bits) {
				const low = bits & -bits;
				c.sdg[31 - Math.clz32(low)]!++;
				bits ^= low;
			}
		}
		if (only === null || only === 'tahap') c.tahap[this.stage.data[d]!]!++;
		if (only === null || only === 'sumber') {
			const bits = this.sourceBits.data[d]!;
			for (let i = 0; i < 3; i++) if (bits & (1 << i)) c.sumber[i]!++;
		}
		if (only === null || only === 'tahun') {
			c.tahun[this.year.data[d]!]!++;
		}
		if (only === null || only === 'penghargaan') {
			const bits = this.awardBits.data[d]!;
			if (bits) {
				c.penghargaan[8]!++;
				for (let i = 0; i < 4; i++) if (bits & (1 << i)) c.penghargaan[i]!++;
			}
		}
		if (only === null || only === 'digital') c.digital[this.digital.data[d]!]!++;
		if (only === null || only === 'direplikasi') c.direplikasi[this.replications.data[d]! > 0 ? 1 : 0]!++;
	}

	/** Per list of facet values (by identity): each value's rank in string order, and the values by rank. */
	private readonly valueRanks = new WeakMap<readonly string[], { size: number; rankOf: Uint16Array; byRank: Uint16Array }>();
	private scratchKeys = new Float64Array(0);

	private ranksOf(values: readonly string[]): { rankOf: Uint16Array; byRank: Uint16Array } {
		let ranks = this.valueRanks.get(values);
		if (!ranks || ranks.size !== values.length) {
			const order = values.map((_, i) => i).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0));
			const rankOf = new Uint16Array(values.length);
			for (let r = 0; r < order.length; r++) rankOf[order[r]!] = r;
			ranks = { size: values.length, rankOf, byRank: Uint16Array.from(order) };
			this.valueRanks.set(values, ranks);
		}
		return ranks;
	}

	private finishCounters(c: Counters, filters: SearchFilters): Facets {
		// Non-zero counts only, read straight from the counters (this runs on every search), already
		// in display order (count descending, then value; see sortFacetCounts), so that sorting them
		// there is one pass: a numeric key per value instead of string comparisons.
		const list = (array: Uint32Array, values: readonly string[], keep?: (value: string) => boolean, most = Infinity): FacetCount[] => {
			const { rankOf, byRank } = this.ranksOf(values);
			if (this.scratchKeys.length < values.length) this.scratchKeys = new Float64Array(Math.max(values.length, 1024));
			const keys = this.scratchKeys;
			let n = 0;
			for (let i = 0; i < values.length; i++) {
				const count = array[i]!;
				if (count > 0 && (!keep || keep(values[i]!))) keys[n++] = (0xffffffff - count) * 65536 + rankOf[i]!;
			}
			const sorted = keys.subarray(0, n).sort();
			const out: FacetCount[] = [];
			for (let j = 0; j < n && j < most; j++) {
				const i = byRank[sorted[j]! % 65536]!;
				out.push({ value: values[i]!, count: array[i]! });
			}
			return out;
		};
		// Years newest first, SDGs in order (as sortFacetCounts orders them).
		const numbered = (array: Uint32Array, from: number, descending: boolean): FacetCount[] => {
			const out: FacetCount[] = [];
			if (descending) {
				for (let i = array.length - 1; i >= from; i--) if (array[i]! > 0) out.push({ value: String(i), count: array[i]! });
			} else for (let i = from; i < array.length; i++) if (array[i]! > 0) out.push({ value: String(i), count: array[i]! });
			return out;
		};
		const province = filters.provinsi ? `${filters.provinsi}.` : null;
		const raw: Record<FacetName, FacetCount[]> = {
			provinsi: list(c.provinsi, this.provinces.values),
			// Within a chosen province, only its kabupaten/kota.
			// sortFacetCounts keeps the first REGION_FACET_LIMIT of this order (a test checks it).
			wilayah: list(c.wilayah, this.regions.values, province ? (code) => code.startsWith(province) : undefined, REGION_FACET_LIMIT),
			jenisInstansi: list(c.jenisInstansi, AGENCY_KINDS),
			urusan: list(c.urusan, this.affairs.values),
			sdg: numbered(c.sdg, 1, false),
			tahap: list(c.tahap, STAGE_CODES),
			sumber: list(c.sumber, SOURCE_NAMES),
			tahun: numbered(c.tahun, 1, true),
			penghargaan: [
				{ value: 'ada', count: c.penghargaan[8]! },
				...AWARD_NAMES.map((p, i) => ({ value: p, count: c.penghargaan[i]! }))
			].filter((f) => f.count > 0),
			digital: [
				{ value: 'ya', count: c.digital[1]! },
				{ value: 'tidak', count: c.digital[2]! }
			].filter((f) => f.count > 0),
			direplikasi: [
				{ value: 'ya', count: c.direplikasi[1]! },
				{ value: 'tidak', count: c.direplikasi[0]! }
			].filter((f) => f.count > 0)
		};
		const facets = {} as Facets;
		for (const name of FACET_NAMES) facets[name] = sortFacetCounts(name, raw[name]);
		return facets;
	}
}

const SOURCE_NAMES = Object.keys(SOURCE_BITS);
const AWARD_NAMES = Object.keys(AWARD_BITS);

interface FacetDimension {
	facet: FacetName | null;
	test: (doc: number) => boolean;
	/** The same test as data, when it is `column[doc] === equals` or `(column[doc] & mask) !== 0`. */
	column?: ArrayLike<number>;
	equals?: number;
	mask?: number;
}

interface Counters {
	provinsi: Uint32Array;
	wilayah: Uint32Array;
	jenisInstansi: Uint32Array;
	urusan: Uint32Array;
	sdg: Uint32Array;
	tahap: Uint32Array;
	sumber: Uint32Array;
	tahun: Uint32Array;
	penghargaan: Uint32Array;
	digital: Uint32Array;
	direplikasi: Uint32Array;
}

/** 0..1: awards (up to three), replications (up to five), sustained or institutionalised. */
/** Documents `from`..`to` of `docs` passing one filter go to `passed`, the others to `failed` (when it counts them). */
function splitByFilter(dim: FacetDimension, docs: Uint32Array, from: number, to: number, passed: DocList, failed: DocList | null): void {
	const column = dim.column;
	const pass = passed.reserve(to - from);
	let p = passed.length;
	const fail = failed ? failed.reserve(to - from) : NO_DOCS;
	let f = failed ? failed.length : 0;
	if (column && dim.equals !== undefined) {
		const value = dim.equals;
		for (let i = from; i < to; i++) {
			const doc = docs[i]!;
			if (column[doc] === value) pass[p++] = doc;
			else if (failed) fail[f++] = doc;
		}
	} else if (column && dim.mask !== undefined) {
		const mask = dim.mask;
		for (let i = from; i < to; i++) {
			const doc = docs[i]!;
			if ((column[doc]! & mask) !== 0) pass[p++] = doc;
			else if (failed) fail[f++] = doc;
		}
	} else {
		const test = dim.test;
		for (let i = from; i < to; i++) {
			const doc = docs[i]!;
			if (test(doc)) pass[p++] = doc;
			else if (failed) fail[f++] = doc;
		}
	}
	passed.length = p;
	if (failed) failed.length = f;
}

/**
 * Bits 0–2 agency kind (7: none), 3–4 stage, 5–7 sources, 8–11 award levels, 12–13 digital
 * (0 unknown, 1 yes, 2 no), 14 replicated, 15–26 year (0–4095).
 */
if (AGENCY_KINDS.length > 7 || STAGE_CODES.length > 4 || Object.keys(SOURCE_BITS).length > 3 || Object.keys(AWARD_BITS).length > 4) {
	throw new Error('search-index: a vocabulary outgrew its bits in packFacets');
}

function packFacets(kind: number, stage: number, sources: number, awards: number, digital: number, replicated: boolean, year: number): number {
	const k = kind >= 7 ? 7 : kind;
	return (k | (stage << 3) | ((sources & 7) << 5) | ((awards & 15) << 8) | ((digital & 3) << 12) | (replicated ? 1 << 14 : 0) | ((year & 4095) << 15)) >>> 0;
}

export function provenness(document: Pick<SearchDocument, 'awards' | 'replicationCount' | 'sustained' | 'stage'>): number {
	const awards = Math.min(document.awards.length, 3) / 3;
	const replications = Math.min(document.replicationCount, 5) / 5;
	const sustained = document.sustained ? 1 : document.stage === 'pelembagaan' ? 0.5 : 0;
	return 0.45 * awards + 0.35 * replications + 0.2 * sustained;
}

function popcount(n: number): number {
	n = n - ((n >>> 1) & 0x55555555);
	n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
	return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** `words` without every occurrence of the sequence `run`. */
function withoutRuns(words: string[], run: string[]): string[] {
	if (run.length === 0 || words.length < run.length) return words;
	const out: string[] = [];
	for (let i = 0; i < words.length; ) {
		let same = i + run.length <= words.length;
		for (let j = 0; same && j < run.length; j++) same = words[i + j] === run[j];
		if (same) i += run.length;
		else out.push(words[i++]!);
	}
	return out;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** BM25 saturation of every quantised weight for one idf: a lookup instead of a division per posting. */
function saturation(idfTimesK: number): Float32Array {
	const table = new Float32Array(256);
	for (let q = 1; q < 256; q++) {
		const tf = q / WEIGHT_SCALE;
		table[q] = (idfTimesK * tf) / (K1 + tf);
	}
	return table;
}
