import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { regionListQuery } from '$lib/server/api/parameters';
import { RegionPage } from '$lib/server/api/responses';
import { listRegions } from '$lib/server/services/list-regions';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/regions',
	operationId: 'listRegions',
	tag: 'Wilayah',
	summary: 'Daftar wilayah',
	description: 'Provinsi dan kabupaten/kota menurut kode Kemendagri, urut kode.',
	query: regionListQuery,
	response: RegionPage,
	examples: {
		request: { query: { level: 'kabupaten', provinsi: '53', limit: '50' } },
		invalid: { query: { level: 'desa' } }
	},
	handler: ({ db, query }) =>
		listRegions(db, {
			level: query.level,
			provinceCode: query.provinsi,
			q: query.q,
			limit: query.limit,
			offset: query.offset
		})
});

export const fallback = methodNotAllowed;
