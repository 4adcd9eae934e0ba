import { setImmediate } from 'node:timers/promises';
import type { FacetName } from '../domain/search/facets';
import type { SearchFilters, SearchIndex } from '../domain/search/search-index';
import { FUNCTION_WORDS, wordList } from '../domain/search/text';
import { answerSearch, type AnswerRequest } from './search-answer';
import type { StoredCards } from './search-index-lifecycle';

/** Searches run before a large index counts as ready; none below WARM_UP_FROM documents. */
export const WARM_UP_SEARCHES = 600;
const WARM_UP_FROM = 5_000;
/** Searches between yields to the event loop, so pages are served meanwhile. */
const SLICE = 25;

/**
 * Runs a few hundred searches made of the index's own words (see warmUpRequests) the way a
 * search no cache holds is answered (answerSearch), keeping nothing. True when it ran: a small
 * index is left alone (its searches are fast anyway).
 *
 * Why: V8 optimises the engine's loops only after they have run a while. Measured at 250,000
 * innovations (`npm run bench:search-miss` style, every request a miss), a new process's first
 * 200 searches cost ~10.6 ms of CPU each and the next 400 ~5–6 ms, against ~4.1 ms warm; those
 * first searches queued everything behind them for the first seconds after a start (decision 007).
 */
export async function warmUpSearch(index: SearchIndex, cards: StoredCards, searches = WARM_UP_SEARCHES): Promise<boolean> {
	if (index.stats().liveDocuments < WARM_UP_FROM) return false;
	const requests = warmUpRequests(index, searches);
	for (let i = 0; i < requests.length; i++) {
		if (i > 0 && i % SLICE === 0) await setImmediate();
		answerSearch(index, cards, requests[i]!);
	}
	return true;
}

/** The facets whose values the warm-up's searches filter by, in turn (see warmUpRequests). */
const FILTERED: readonly (keyof SearchFilters & FacetName)[] = ['provinsi', 'tahap', 'digital', 'sdg', 'urusan', 'jenisInstansi', 'penghargaan', 'sumber'];

/**
 * The warm-up's searches: deterministic, spread over the index's titles, place names and facet
 * values, so that every path of the engine runs (one word or several, a typo, a place named,
 * each kind of filter, another order).
 */
export function warmUpRequests(index: SearchIndex, searches: number): AnswerRequest[] {
	const facets = index.search({ limit: 0 }).facets;
	const places = index.places.sample(50);
	const requests: AnswerRequest[] = [];
	for (const [i, title] of index.sampleTitles(searches).entries()) {
		const words = wordList(title).filter((word) => word.length >= 4 && !FUNCTION_WORDS.has(word));
		if (words.length === 0) continue;
		const from = i % words.length;
		const picked = words.slice(from, from + 1 + (i % 3));
		// Every fourth with a letter left out, so that typo correction runs too.
		if (i % 4 === 3) picked[0] = picked[0]!.slice(0, 2) + picked[0]!.slice(3);
		if (i % 3 === 1 && places.length > 0) picked.push(places[i % places.length]!);
		const filters: Record<string, string | number> = {};
		const facet = i % 2 === 0 ? FILTERED[(i / 2) % FILTERED.length]! : null;
		const values = facet ? (facets?.[facet] ?? []) : [];
		if (facet && values.length > 0) {
			const value = values[i % values.length]!.value;
			filters[facet] = facet === 'sdg' ? Number(value) : value;
		}
		requests.push({ q: picked.join(' '), filters: filters as SearchFilters, sort: i % 6 === 5 ? 'terbaru' : 'relevansi', limit: 20, offset: 0, facets: true });
	}
	return requests;
}
