import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Facets } from '../domain/search/facets';
import type { SearchFilters, SearchPlan, SearchSort } from '../domain/search/search-index';
import { PreparedJson } from '../http/prepared-json';
import { presentSearchHitJson, type SearchHitSummary } from '../presenters/search-hit-presenter';
import { presentSearchPage, type SearchPage } from '../presenters/search-presenter';
import { readCache } from '../read-cache';
import { answerSearch, cardsByIds } from '../search/search-answer';
import { getSearchIndex } from '../search/search-index-lifecycle';

export type { SearchHitSummary } from '../presenters/search-hit-presenter';

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

/**
 * Answers of the same search are reused until the index changes (the cache key holds its
 * version). Kept as gzip (PreparedJson.compact: ~5 KB for a 40 KB answer with facets), 8,000
 * take less memory than 2,000 kept as JSON did.
 */
const RESULT_CACHE_MS = 60_000;
const RESULT_CACHE_ENTRIES = 8000;

/**
 * Searches the catalogue: Indonesian-aware matching (stems, spelling variants, abbreviations,
 * typos, acronyms), catalogue filters, facet counts, one page of hits with highlighted snippets.
 */
export async function searchInnovations(db: Kysely<DB>, input: SearchInnovationsInput): Promise<SearchInnovationsResult> {
	const stored = await findStoredSearch(db, input);
	return { ...stored.answer.parse(), ids: stored.ids, timing: stored.timing };
}

/** The same search as the API's answer, serialised (see presentSearchPage), with the engine's timing. */
export async function searchInnovationsAnswer(
	db: Kysely<DB>,
	input: SearchInnovationsInput
): Promise<{ answer: PreparedJson<SearchPage>; timing: SearchInnovationsResult['timing'] }> {
	const stored = await findStoredSearch(db, input);
	return { answer: stored.answer, timing: stored.timing };
}

/**
 * A kept search: its answer as compressed bytes rather than objects, so that 8,000 kept answers
 * are some tens of thousands of objects for the garbage collector, not eight million (decision
 * 007); pages parse them again.
 */
interface StoredSearch {
	answer: PreparedJson<SearchPage>;
	ids: string[];
	timing: { plan: SearchPlan; engineMs: number };
	didYouMean: string | null;
}

/** The stored search for this input (computed when no stored one fits). */
async function findStoredSearch(db: Kysely<DB>, input: SearchInnovationsInput): Promise<StoredSearch> {
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
	// The whole answer (the engine's hits and the cards with their snippets) is reused until
	// the index changes or a write clears the read caches: by the words as typed, and by what
	// the query searches for (see SearchIndex.queryKey), so "Pelayanan KTP", "pelayanan ktp" and
	// "pelayanam ktp" are searched once.
	return readCache<StoredSearch>(db, 'search-results', RESULT_CACHE_MS, RESULT_CACHE_ENTRIES).get(key, async () => {
		const parsed = q ? index.parse(q) : undefined;
		const didYouMean = parsed?.corrected ?? null;
		const searched = JSON.stringify([version, parsed ? index.queryKey(parsed) : '', filters, sort, limit, offset, wantFacets]);
		const shared = await readCache<StoredSearch>(db, 'search-answers', RESULT_CACHE_MS, RESULT_CACHE_ENTRIES).get(searched, async () => {
			const { json, ...computed } = answerSearch(index, cards, { q, parsed, filters, sort, limit, offset, facets: wantFacets });
			return { ...computed, answer: PreparedJson.fromJson<SearchPage>(json).compact() };
		});
		if (shared.didYouMean === didYouMean) return shared;
		// Searched before as typed otherwise: the same answer with this query's "did you mean".
		const answer = PreparedJson.of(presentSearchPage({ ...shared.answer.parse(), didYouMean })).compact();
		return { answer, ids: shared.ids, timing: shared.timing, didYouMean };
	});
}

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
		return card ? [JSON.parse(presentSearchHitJson(card, hit.score, null)) as SearchHitSummary] : [];
	});
}

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
