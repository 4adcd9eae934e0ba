import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { hubIdParams } from '$lib/server/api/parameters';
import { HubProfile } from '$lib/server/api/responses';
import { getHubProfile } from '$lib/server/services/get-hub-profile';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/hubs/{id}',
	operationId: 'getHub',
	tag: 'Hub',
	summary: 'Profil satu hub',
	description: 'Satu hub inovasi dengan koordinator, instansi anggota dan jumlah inovasi mereka.',
	params: hubIdParams,
	response: HubProfile,
	errors: ['HUB_NOT_FOUND'],
	examples: { request: { params: { id: 'hub-jatim' } }, invalid: { params: { id: 'Hub Jatim' } } },
	handler: ({ db, params }) => getHubProfile(db, params.id)
});

export const fallback = methodNotAllowed;
