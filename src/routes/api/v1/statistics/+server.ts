import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { Statistics } from '$lib/server/api/responses';
import { getNationalStatistics } from '$lib/server/services/get-national-statistics';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/statistics',
	operationId: 'getStatistics',
	tag: 'Statistik',
	summary: 'Statistik nasional',
	description: 'Jumlah inovasi, instansi dan hub, serta sebaran inovasi per sumber, tahap, provinsi, urusan, tahun dan penghargaan.',
	response: Statistics,
	handler: ({ db }) => getNationalStatistics(db)
});

export const fallback = methodNotAllowed;
