import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Facets } from '../domain/search/facets';
import type { SearchFilters, SearchPlan, SearchSort } from '../domain/search/search-index';
import { buildSnippet, highlightAll, snippetText, type SnippetSegment } from '../domain/search/snippet';
import { PreparedJson } from '../http/prepared-json';
import { presentInnovationSummary, type InnovationSummary } from '../presenters/innovation-presenter';
import { presentSearchPage, type SearchPage } from '../presenters/search-presenter';
import { readCache } from '../read-cache';
import { getSearchIndex, readStoredCard, type SearchCard, type StoredCards } from '../search/search-index-lifecycle';

export interface SearchHitSummary extends InnovationSummary {
	/** Relevance (BM25F with the proven-ness tie-breaker); 0 without a query. */
	score: number;
	/** The summary around the words found, as plain text. */
	snippet: string;
	/** The same snippet as pieces, the hits marked (rendered as <mark> by pages). */
	snippetParts: SnippetSegment[];
	/** The title as pieces, the hits marked. */
	titleParts: SnippetSegment[];
	replicationCount: number;
}

export interface SearchInnovationsInput {
	q?: string;
	filters?: Partial<SearchFilters> & Record<string, unknown>;
	limit?: number;
	offset?: number;
	/** relevansi | terbaru | replikasi | judul | tahun (English aliases: relevance, newest, replicated, title, year). */
	sort?: string;
	/** Facet counts are computed unless false. */
	facets?: boolean;
}

export interface SearchInnovationsResult {
	/** Ranked ids of this page (what the quality evaluation reads). */
	ids: string[];
	items: SearchHitSummary[];
	total: number;
	limit: number;
	offset: number;
	facets: Facets | null;
	sort: SearchSort;
	/** "Did you mean": the query with typos corrected, when a word was corrected. */
	didYouMean: string | null;
	/** No innovation has every word: these have the most of them. */
	partial: boolean;
	/** How the engine evaluated the query and how long it took (when the answer was computed). */
	timing: { plan: SearchPlan; engineMs: number };
}

const SORT_ALIASES: Readonly<Record<string, SearchSort>> = {
	relevansi: 'relevansi',
	relevance: 'relevansi',
	terbaru: 'terbaru',
	newest: 'terbaru',
	replikasi: 'replikasi',
	replicated: 'replikasi',
	judul: 'judul',
	title: 'judul',
	tahun: 'tahun',
	year: 'tahun'
};

const FILTER_KEYS = [
	'provinsi',
	'wilayah',
	'instansi',
	'jenisInstansi',
	'urusan',
	'sdg',
	'tahap',
	'tahun',
	'tahunDari',
	'tahunSampai',
	'penghargaan',
	'sumber',
	'digital',
	'direplikasi'
] as const;

/** Answers of the same search are reused until the index changes (the cache key holds its version). */
const RESULT_CACHE_MS = 60_000;
const RESULT_CACHE_ENTRIES = 2000;

/**
 * Searches the catalogue: Indonesian-aware matching (stems, spelling variants, abbreviations,
 * typos, acronyms), catalogue filters, facet counts, one page of hits with highlighted snippets.
 */
export async function searchInnovations(db: Kysely<DB>, input: SearchInnovationsInput): Promise<SearchInnovationsResult> {
	const { stored, fresh } = await findStoredSearch(db, input);
	return fresh ?? { ...stored.answer.parse(), ids: stored.ids, timing: stored.timing };
}

/** The same search as the API's answer, serialised (see presentSearchPage), with the engine's timing. */
export async function searchInnovationsAnswer(
	db: Kysely<DB>,
	input: SearchInnovationsInput
): Promise<{ answer: PreparedJson<SearchPage>; timing: SearchInnovationsResult['timing'] }> {
	const { stored } = await findStoredSearch(db, input);
	return { answer: stored.answer, timing: stored.timing };
}

/**
 * A kept search: its answer as serialised bytes rather than objects, so that 2,000 kept answers
 * are a few thousand objects for the garbage collector, not two million (decision 007); pages
 * parse them again.
 */
interface StoredSearch {
	answer: PreparedJson<SearchPage>;
	ids: string[];
	timing: { plan: SearchPlan; engineMs: number };
	didYouMean: string | null;
}

/** The stored search for this input, and its objects when this call computed it. */
async function findStoredSearch(db: Kysely<DB>, input: SearchInnovationsInput): Promise<{ stored: StoredSearch; fresh: SearchInnovationsResult | null }> {
	const q = (input.q ?? '').trim();
	const limit = Math.max(0, Math.min(input.limit ?? 20, 100));
	const offset = Math.max(0, input.offset ?? 0);
	const sort: SearchSort = (input.sort && SORT_ALIASES[input.sort]) || (q ? 'relevansi' : 'terbaru');
	const filters: SearchFilters = {};
	for (const key of FILTER_KEYS) {
		const value = input.filters?.[key];
		if (value !== undefined && value !== null && value !== '') (filters as Record<string, unknown>)[key] = value;
	}
	const { index, version, cards } = await getSearchIndex(db);
	const wantFacets = input.facets !== false;
	const key = JSON.stringify([version, q, filters, sort, limit, offset, wantFacets]);
	let fresh: SearchInnovationsResult | null = null;
	// The whole answer (the engine's hits and the cards with their snippets) is reused until
	// the index changes or a write clears the read caches: by the words as typed, and by what
	// the query searches for (see SearchIndex.queryKey), so "Pelayanan KTP", "pelayanan ktp" and
	// "pelayanam ktp" are searched once.
	const stored = await readCache<StoredSearch>(db, 'search-results', RESULT_CACHE_MS, RESULT_CACHE_ENTRIES).get(key, async () => {
		const parsed = q ? index.parse(q) : undefined;
		const didYouMean = parsed?.corrected ?? null;
		const searched = JSON.stringify([version, parsed ? index.queryKey(parsed) : '', filters, sort, limit, offset, wantFacets]);
		const shared = await readCache<StoredSearch>(db, 'search-answers', RESULT_CACHE_MS, RESULT_CACHE_ENTRIES).get(searched, async () => {
			const started = performance.now();
			const found = index.search({ q, parsed, filters, sort, limit, offset, facets: wantFacets });
			const engineMs = performance.now() - started;
			const ids = found.hits.map((hit) => hit.id);
			const byId = cardsByIds(cards, ids);
			const stems = new Set(found.highlightStems);
			const items: SearchHitSummary[] = [];
			for (const hit of found.hits) {
				// Cards are kept with the index's documents, so each hit has one.
				const card = byId.get(hit.id);
				if (card) items.push(presentHit(card, hit.score, q ? stems : null));
			}
			fresh = {
				ids: items.map((item) => item.id),
				items,
				total: found.total,
				limit,
				offset,
				facets: found.facets,
				sort,
				didYouMean: found.corrected,
				partial: found.partial,
				timing: { plan: found.plan, engineMs: Math.round(engineMs * 100) / 100 }
			};
			return { answer: new PreparedJson(presentSearchPage(fresh)), ids: fresh.ids, timing: fresh.timing, didYouMean: fresh.didYouMean };
		});
		if (shared.didYouMean === didYouMean) return shared;
		// Searched before as typed otherwise: the same answer with this query's "did you mean".
		fresh = { ...shared.answer.parse(), ids: shared.ids, timing: shared.timing, didYouMean };
		return { answer: new PreparedJson(presentSearchPage(fresh)), ids: shared.ids, timing: shared.timing, didYouMean };
	});
	return { stored, fresh };
}

/**
 * The cards of one page of hits, kept by the index beside its documents (built from the same
 * rows), so a search needs no query: fetching 20 rows spread over a large table cost ~15 ms of
 * random reads on PostgreSQL and ~40 ms on PGlite at 100,000 innovations, blocking its one
 * thread — more than the search itself.
 */
function cardsByIds(cards: StoredCards, ids: string[]): Map<string, PresentableCard> {
	const found = new Map<string, PresentableCard>();
	for (const id of ids) {
		const stored = cards.get(id);
		if (stored) found.set(id, readStoredCard(stored) as PresentableCard);
	}
	return found;
}

/** A card with its codes typed as the presenter takes them (the columns are the same). */
type PresentableCard = SearchCard & Parameters<typeof presentInnovationSummary>[0];

/** "Inovasi serupa": more like this innovation (its title and summary terms), same affair boosted. */
export async function findSimilarInnovations(
	db: Kysely<DB>,
	innovation: { id: string; title: string; summary: string },
	limit: number
): Promise<SearchHitSummary[]> {
	const { index, cards } = await getSearchIndex(db);
	const hits = index.similar(innovation.id, innovation, limit);
	const byId = cardsByIds(cards, hits.map((hit) => hit.id));
	return hits.flatMap((hit) => {
		const card = byId.get(hit.id);
		return card ? [presentHit(card, hit.score, null)] : [];
	});
}

/**
 * One hit as lists show it: the catalogue summary with its score, the summary's snippet and the
 * title, with the query's words marked (`stems` null: nothing marked). Fields are listed, not
 * spread, so every hit has one object shape.
 */
function presentHit(card: PresentableCard, score: number, stems: ReadonlySet<string> | null): SearchHitSummary {
	const summary = presentInnovationSummary(card);
	const parts = buildSnippet(card.summary, stems ?? NO_STEMS);
	return {
		id: summary.id,
		title: summary.title,
		acronym: summary.acronym,
		summary: summary.summary,
		yearStarted: summary.yearStarted,
		stage: summary.stage,
		mainAffair: summary.mainAffair,
		sdgs: summary.sdgs,
		isDigital: summary.isDigital,
		agency: summary.agency,
		region: summary.region,
		awards: summary.awards,
		createdAt: summary.createdAt,
		updatedAt: summary.updatedAt,
		score,
		snippet: snippetText(parts),
		snippetParts: parts,
		titleParts: stems ? highlightAll(card.title, stems) : [{ text: card.title, mark: false }],
		replicationCount: card.replication_count
	};
}

const NO_STEMS: ReadonlySet<string> = new Set();

/**
 * Innovations like a text that is not saved yet: the title and summary of a new innovation,
 * shown before it is saved so that nobody enters one twice ("Stop duplicates at entry").
 */
export function findInnovationsLikeText(
	db: Kysely<DB>,
	text: { title: string; summary: string },
	limit: number
): Promise<SearchHitSummary[]> {
	// No stored innovation has an empty id, so none is left out as "itself".
	return findSimilarInnovations(db, { id: '', title: text.title, summary: text.summary }, limit);
}
