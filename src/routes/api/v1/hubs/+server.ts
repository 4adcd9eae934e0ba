import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { hubListQuery } from '$lib/server/api/parameters';
import { HubList } from '$lib/server/api/responses';
import { listHubs } from '$lib/server/services/list-hubs';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/hubs',
	operationId: 'listHubs',
	tag: 'Hub',
	summary: 'Daftar hub inovasi',
	description: 'Semua hub inovasi, hub pusat lebih dulu, dengan koordinator dan jumlah anggotanya.',
	query: hubListQuery,
	response: HubList,
	examples: { request: { query: { jenis: 'daerah' } }, invalid: { query: { jenis: 'provinsi' } } },
	handler: async ({ db, query }) => {
		const items = await listHubs(db, { kind: query.jenis });
		return { items, total: items.length };
	}
});

export const fallback = methodNotAllowed;
