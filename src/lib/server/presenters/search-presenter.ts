import type { SearchInnovationsResult } from '../services/search-innovations';

/**
 * The API's answer to a catalogue search (InnovationSearchPage), field by field: the search
 * service serialises it once per cached answer and the endpoint sends those bytes (`presented`);
 * tests/db/api-response-schemas.test.ts checks it against the schema.
 */
export function presentSearchPage(result: Omit<SearchInnovationsResult, 'ids' | 'timing'>) {
	return {
		items: result.items,
		total: result.total,
		limit: result.limit,
		offset: result.offset,
		// Searches through the API always count facets.
		facets: result.facets!,
		sort: result.sort,
		didYouMean: result.didYouMean,
		partial: result.partial
	};
}

export type SearchPage = ReturnType<typeof presentSearchPage>;

/**
 * The same answer as JSON text, its hits given as JSON already (presentSearchHitJson): exactly
 * JSON.stringify(presentSearchPage(result)) with those items.
 */
export function searchPageJson(itemsJson: readonly string[], result: Omit<SearchInnovationsResult, 'ids' | 'timing' | 'items'>): string {
	const rest = JSON.stringify(presentSearchPage({ ...result, items: [] }));
	return `{"items":[${itemsJson.join(',')}],${rest.slice(EMPTY_ITEMS.length)}`;
}

const EMPTY_ITEMS = '{"items":[],';
