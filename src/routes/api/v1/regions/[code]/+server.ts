import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { regionCodeParams } from '$lib/server/api/parameters';
import { RegionProfile } from '$lib/server/api/responses';
import { getRegionProfile } from '$lib/server/services/get-region-profile';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/regions/{code}',
	operationId: 'getRegion',
	tag: 'Wilayah',
	summary: 'Profil satu wilayah',
	description:
		'Satu wilayah dengan karakteristiknya (luas, penduduk, IPM, kemiskinan; null bila belum dimuat), pemerintah daerahnya dan kabupaten/kota di bawahnya.',
	params: regionCodeParams,
	response: RegionProfile,
	errors: ['REGION_NOT_FOUND'],
	examples: { request: { params: { code: '53.09' } }, invalid: { params: { code: 'ngada' } } },
	handler: ({ db, params }) => getRegionProfile(db, params.code)
});

export const fallback = methodNotAllowed;
