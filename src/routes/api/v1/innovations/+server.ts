import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { innovationListQuery } from '$lib/server/api/parameters';
import { InnovationPage } from '$lib/server/api/responses';
import { listInnovations } from '$lib/server/services/list-innovations';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/innovations',
	operationId: 'listInnovations',
	tag: 'Inovasi',
	summary: 'Daftar inovasi',
	description:
		'Katalog inovasi yang belum dihapus, dengan filter yang sama seperti halaman Katalog, satu halaman sekaligus. Filter digabung dengan DAN.',
	query: innovationListQuery,
	response: InnovationPage,
	examples: {
		request: { query: { provinsi: '53', tahap: 'pelembagaan', limit: '5' } },
		invalid: { query: { tahap: 'xyz' } }
	},
	handler: ({ db, query: { limit, offset, ...filters } }) => listInnovations(db, filters, { limit, offset })
});

export const fallback = methodNotAllowed;
