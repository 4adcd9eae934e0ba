import { getOpenApiDocument } from '$lib/server/api/api-routes';
import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { OpenApiDocument } from '$lib/server/api/responses';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/openapi.json',
	operationId: 'getOpenApiDocument',
	tag: 'Dokumentasi',
	summary: 'Dokumen OpenAPI',
	description: 'Dokumen OpenAPI 3.1 API ini, dibuat dari skema yang dipakai setiap endpoint. Versi yang mudah dibaca ada di /api.',
	response: OpenApiDocument,
	handler: () => getOpenApiDocument()
});

export const fallback = methodNotAllowed;
