import type { SearchIndex, SearchPlan, SearchRequest, SearchSort } from '../domain/search/search-index';
import { presentSearchHitJson, readSearchCard, type PreparedCard } from '../presenters/search-hit-presenter';
import { searchPageJson } from '../presenters/search-presenter';
import type { StoredCards } from './search-index-lifecycle';

/** One search answered: the API's answer as JSON text, with what the service keeps beside it. */
export interface SearchAnswer {
	/** presentSearchPage's answer (InnovationSearchPage), serialised. */
	json: string;
	/** Ranked ids of this page (what the quality evaluation reads). */
	ids: string[];
	timing: { plan: SearchPlan; engineMs: number };
	didYouMean: string | null;
}

/** A search with its order and page decided (the service fills in the defaults). */
export type AnswerRequest = SearchRequest & { sort: SearchSort; limit: number; offset: number };

/**
 * Runs one search on the index and presents its page of hits from the stored cards: the work
 * of a search no cache holds (the search service keeps the answers; the warm-up runs it too).
 */
export function answerSearch(index: SearchIndex, cards: StoredCards, request: AnswerRequest): SearchAnswer {
	const started = performance.now();
	const found = index.search(request);
	const engineMs = performance.now() - started;
	const byId = cardsByIds(cards, found.hits.map((hit) => hit.id));
	const stems = request.q ? new Set(found.highlightStems) : null;
	const ids: string[] = [];
	const items: string[] = [];
	for (const hit of found.hits) {
		// Cards are kept with the index's documents, so each hit has one.
		const card = byId.get(hit.id);
		if (!card) continue;
		ids.push(hit.id);
		items.push(presentSearchHitJson(card, hit.score, stems));
	}
	const { limit, offset, sort } = request;
	return {
		json: searchPageJson(items, { total: found.total, limit, offset, facets: found.facets, sort, didYouMean: found.corrected, partial: found.partial }),
		ids,
		timing: { plan: found.plan, engineMs: Math.round(engineMs * 100) / 100 },
		didYouMean: found.corrected
	};
}

/**
 * The cards of one page of hits, kept by the index beside its documents (built from the same
 * rows), so a search needs no query: fetching 20 rows spread over a large table cost ~15 ms of
 * random reads on PostgreSQL and ~40 ms on PGlite at 100,000 innovations, blocking its one
 * thread — more than the search itself.
 */
export function cardsByIds(cards: StoredCards, ids: string[]): Map<string, PreparedCard> {
	const found = new Map<string, PreparedCard>();
	for (const id of ids) {
		const stored = cards.get(id);
		if (stored) found.set(id, readSearchCard(stored));
	}
	return found;
}
