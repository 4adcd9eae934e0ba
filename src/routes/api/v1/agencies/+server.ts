import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { agencyListQuery } from '$lib/server/api/parameters';
import { AgencyPage } from '$lib/server/api/responses';
import { listAgencies } from '$lib/server/services/list-agencies';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/agencies',
	operationId: 'listAgencies',
	tag: 'Instansi',
	summary: 'Daftar instansi',
	description: 'Kementerian, lembaga dan pemerintah daerah, urut jenis lalu nama.',
	query: agencyListQuery,
	response: AgencyPage,
	examples: {
		request: { query: { jenis: 'pemerintah_kabupaten', provinsi: '53', limit: '10' } },
		invalid: { query: { jenis: 'desa' } }
	},
	handler: ({ db, query }) =>
		listAgencies(db, {
			kind: query.jenis,
			provinceCode: query.provinsi,
			q: query.q,
			limit: query.limit,
			offset: query.offset
		})
});

export const fallback = methodNotAllowed;
