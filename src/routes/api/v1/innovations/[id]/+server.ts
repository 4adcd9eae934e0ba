import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { innovationIdParams } from '$lib/server/api/parameters';
import { InnovationProfile } from '$lib/server/api/responses';
import { getInnovationDetails } from '$lib/server/services/get-innovation-details';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/innovations/{id}',
	operationId: 'getInnovation',
	tag: 'Inovasi',
	summary: 'Detail satu inovasi',
	description:
		'Satu inovasi selengkapnya beserta penghargaan, rekaman sumber dan inovasi serupa. Data narahubung tidak disertakan (contact selalu null).',
	params: innovationIdParams,
	response: InnovationProfile,
	errors: ['INNOVATION_NOT_FOUND'],
	examples: { request: { params: { id: 'inv-7k2m9q4x1b' } }, invalid: { params: { id: 'abc' } } },
	handler: ({ db, params }) => getInnovationDetails(db, params.id, { includeContact: false })
});

export const fallback = methodNotAllowed;
