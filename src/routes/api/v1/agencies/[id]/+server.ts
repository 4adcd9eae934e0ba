import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { agencyIdParams } from '$lib/server/api/parameters';
import { AgencyProfile } from '$lib/server/api/responses';
import { getAgencyProfile } from '$lib/server/services/get-agency-profile';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/agencies/{id}',
	operationId: 'getAgency',
	tag: 'Instansi',
	summary: 'Profil satu instansi',
	description: 'Satu instansi dengan wilayah, hub tempatnya bergabung, dan paling banyak 50 inovasinya.',
	params: agencyIdParams,
	response: AgencyProfile,
	errors: ['AGENCY_NOT_FOUND'],
	examples: { request: { params: { id: 'pemkab-53.09' } }, invalid: { params: { id: 'Pemkab Ngada' } } },
	handler: ({ db, params }) => getAgencyProfile(db, params.id)
});

export const fallback = methodNotAllowed;
