import type { SearchInnovationsResult } from '../services/search-innovations';

/**
 * The API's answer to a catalogue search (InnovationSearchPage), field by field: the endpoint
 * sends it as built (`presented`), and tests/db/api-response-schemas.test.ts checks it against
 * the schema. A cached result gets the same answer object again, so that defineEndpoint
 * serialises and compresses it once.
 */
export function presentSearchPage(result: SearchInnovationsResult): SearchPage {
	let answer = answers.get(result);
	if (!answer) answers.set(result, (answer = buildSearchPage(result)));
	return answer;
}

type SearchPage = ReturnType<typeof buildSearchPage>;
const answers = new WeakMap<SearchInnovationsResult, SearchPage>();

function buildSearchPage(result: SearchInnovationsResult) {
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
