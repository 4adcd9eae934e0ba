import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { suggestionQuery } from '$lib/server/api/parameters';
import { SearchSuggestions } from '$lib/server/api/responses';
import { listSearchSuggestions } from '$lib/server/services/list-search-suggestions';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/suggestions',
	operationId: 'listSearchSuggestions',
	tag: 'Pencarian',
	summary: 'Saran saat mengetik',
	description:
		'Inovasi yang judul atau akronimnya memuat kata-kata yang diketik sebagai awal kata, ditambah beberapa instansi dan wilayah. Untuk kotak pencarian: cepat, dapat di-cache, salah ketik ringan dikoreksi.',
	query: suggestionQuery,
	response: SearchSuggestions,
	// Asked on every keystroke in the search boxes: answered before SvelteKit by `serve` (see direct-routes.ts).
	direct: true,
	examples: {
		request: { query: { q: 'pelayanan kepend', limit: '8' } },
		invalid: { query: { q: '' } }
	},
	handler: ({ db, query }) => listSearchSuggestions(db, { q: query.q, limit: query.limit })
});

export const fallback = methodNotAllowed;
