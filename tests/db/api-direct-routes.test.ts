import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoint, listEndpoints, type EncodedAnswer } from '../../src/lib/server/api/define-endpoint';
import { component } from '../../src/lib/server/api/schema-registry';
import { findDirectRoute, type NodeRoute } from '../../src/lib/server/http/direct-routes';
import { GET as listInnovations } from '../../src/routes/api/v1/innovations/+server';
import { GET as listSuggestions } from '../../src/routes/api/v1/suggestions/+server';
import { callEndpoint } from '../support/call-endpoint';
import { createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Direct routes (EndpointSpec.direct): `serve` answers GET /api/v1/innovations before SvelteKit
 * with the endpoint's own direct handler. Its answers must be the SvelteKit route's, byte for
 * byte: status, body, headers. The search journey (browser suite) checks it through `serve`.
 */
let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
	await createInnovation(database.db, { title: 'Pelayanan KTP Keliling', summary: 'Perekaman kartu tanda penduduk di desa terpencil.' });
	await createInnovation(database.db, { title: 'Posyandu Remaja', summary: 'Pemeriksaan kesehatan remaja.' });
});
afterAll(async () => {
	await database?.dispose();
});

const searchEndpoint = () => {
	void listInnovations; // the route module registers the endpoint when imported
	const endpoint = listEndpoints().find((e) => e.method === 'GET' && e.path === '/api/v1/innovations');
	if (!endpoint?.direct) throw new Error('GET /api/v1/innovations is not direct');
	return endpoint.direct;
};

const decode = (answer: EncodedAnswer) => {
	const encoding = answer.headers['content-encoding'];
	const bytes = Buffer.from(answer.body);
	return JSON.parse((encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8')) as unknown;
};

describe('GET /api/v1/innovations answered directly', () => {
	it.each([
		['a search', '?q=pelayanam%20ktp&limit=5', 'gzip, br'],
		['a search without compression', '?q=posyandu&provinsi=53', null],
		['a list without q', '?urutan=terbaru&limit=2', 'br'],
		['invalid input', '?tahap=xyz', 'gzip']
	])('answers %s as the SvelteKit route does', async (_, query, acceptEncoding) => {
		const url = new URL(`http://localhost/api/v1/innovations${query}`);
		const viaKit = () =>
			callEndpoint(listInnovations, url.pathname + url.search, { db: database, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
		// Computed by SvelteKit's route, then sent again from the kept answer by each way.
		await viaKit();
		const direct = await searchEndpoint()({ url, acceptEncoding, db: database.db });
		const again = await viaKit();
		expect(direct.status).toBe(again.status);
		expect(decode(direct)).toEqual(again.body);
		// The same bytes: the same length and coding.
		expect(direct.headers).toEqual(Object.fromEntries(again.headers));
		expect(direct.headers['content-length']).toBe(String(direct.body.byteLength));
	});

	it.each([
		['suggestions', '?q=pelayanan%20k&limit=5'],
		['invalid input', '?q=']
	])('answers GET /api/v1/suggestions (%s) as the SvelteKit route does', async (_, query) => {
		const url = new URL(`http://localhost/api/v1/suggestions${query}`);
		const direct = listEndpoints().find((e) => e.method === 'GET' && e.path === '/api/v1/suggestions')?.direct;
		if (!direct) throw new Error('GET /api/v1/suggestions is not direct');
		const viaKit = () => callEndpoint(listSuggestions, url.pathname + url.search, { db: database, headers: { 'accept-encoding': 'gzip' } });
		await viaKit();
		const answer = await direct({ url, acceptEncoding: 'gzip', db: database.db });
		const again = await viaKit();
		expect(answer.status).toBe(again.status);
		expect(decode(answer)).toEqual(again.body);
		expect(answer.headers).toEqual(Object.fromEntries(again.headers));
	});

	it('answers invalid input with the exact message, uncached', async () => {
		const direct = await searchEndpoint()({ url: new URL('http://localhost/api/v1/innovations?tahap=xyz'), acceptEncoding: null, db: database.db });
		expect(direct.status).toBe(400);
		expect(direct.headers['cache-control']).toBe('no-store');
		expect(decode(direct)).toEqual({
			error: { code: 'VALIDATION_FAILED', message: 'Tahap inovasi tidak dikenal', details: [{ path: 'tahap', message: 'Tahap inovasi tidak dikenal' }] }
		});
	});
});

describe('direct route declarations and look-up', () => {
	const Answer = component('DirectRouteTestAnswer', 'Jawaban uji rute langsung', z.object({ ok: z.boolean() }));

	it('refuses a direct endpoint that is not a public GET without path parameters', () => {
		const declare = (spec: object) => () =>
			defineEndpoint({
				method: 'GET',
				path: '/api/v1/uji-langsung',
				operationId: `ujiLangsung${Math.random().toString(36).slice(2)}`,
				tag: 'Dokumentasi',
				summary: 'Uji',
				description: 'Uji',
				response: Answer,
				direct: true,
				handler: () => ({ ok: true }),
				...spec
			} as Parameters<typeof defineEndpoint>[0]);
		expect(declare({ auth: 'optional' })).toThrow('only a public GET without path parameters can be direct');
		expect(declare({ path: '/api/v1/uji-langsung/{id}', params: z.object({ id: z.string() }) })).toThrow('can be direct');
	});

	it('lets a direct handler use url and setHeaders only, and fails loudly on anything else of the event', async () => {
		defineEndpoint({
			method: 'GET',
			path: '/api/v1/uji-event',
			operationId: 'ujiEventLangsung',
			tag: 'Dokumentasi',
			summary: 'Uji',
			description: 'Uji',
			response: Answer,
			direct: true,
			handler: ({ event }) => {
				event.setHeaders({ 'X-Uji': event.url.searchParams.get('a') ?? '' });
				return { ok: event.request.method === 'GET' };
			}
		});
		const direct = listEndpoints().find((e) => e.path === '/api/v1/uji-event')!.direct!;
		const answer = await direct({ url: new URL('http://localhost/api/v1/uji-event?a=1'), acceptEncoding: null, db: database.db });
		expect(answer.status).toBe(500);
		expect(decode(answer)).toMatchObject({ error: { code: 'INTERNAL' } });
	});

	it('finds a route by the path of a GET, its query cut; other methods go to SvelteKit', () => {
		const route: NodeRoute = () => undefined;
		const routes = new Map([['/api/v1/innovations', route]]);
		expect(findDirectRoute(routes, 'GET', '/api/v1/innovations?q=ktp')).toBe(route);
		expect(findDirectRoute(routes, 'GET', '/api/v1/innovations')).toBe(route);
		expect(findDirectRoute(routes, 'HEAD', '/api/v1/innovations')).toBeNull();
		expect(findDirectRoute(routes, 'POST', '/api/v1/innovations')).toBeNull();
		expect(findDirectRoute(routes, 'GET', '/api/v1/innovations/inv-1')).toBeNull();
		expect(findDirectRoute(routes, 'GET', '/api/v1/innovations/?q=x')).toBeNull();
	});
});
