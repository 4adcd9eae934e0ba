import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../src/lib/server/api/openapi';
import { loadApiEndpoints } from '../../src/lib/server/api/api-routes';
import { fallback } from '../../src/routes/api/v1/[...rest]/+server';
import { fallback as innovationsFallback } from '../../src/routes/api/v1/innovations/+server';
import { GET as getOpenApi } from '../../src/routes/api/v1/openapi.json/+server';
import { callEndpoint } from '../support/call-endpoint';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase({ referenceData: false });
});
afterAll(async () => database?.dispose());

describe('/api/v1 beyond the endpoints', () => {
	it.each([
		['GET', '/api/v1/tidak-ada'],
		['GET', '/api/v1/innovations/inv-0000000000/lainnya'],
		['GET', '/api/v1'],
		['POST', '/api/v1/sesuatu']
	])('answers %s %s with a JSON 404', async (method, path) => {
		const res = await callEndpoint(fallback, path, { db: database, method });
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(res.body).toEqual({
			error: { code: 'NOT_FOUND', message: 'Alamat API tidak ditemukan. Daftar endpoint ada di /api/v1/openapi.json.' }
		});
	});

	it('answers another method on an existing address with a JSON 405', async () => {
		const res = await callEndpoint(innovationsFallback, '/api/v1/innovations', { db: database, method: 'PUT' });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET, POST');
		expect(res.body).toEqual({
			error: { code: 'METHOD_NOT_ALLOWED', message: 'Metode HTTP ini tidak didukung untuk alamat ini.' }
		});
	});

	it('serves the OpenAPI document built from the registered endpoints', async () => {
		const res = await callEndpoint(getOpenApi, '/api/v1/openapi.json', { db: database });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		expect(res.body).toEqual(buildOpenApiDocument(await loadApiEndpoints()));
	});
});
