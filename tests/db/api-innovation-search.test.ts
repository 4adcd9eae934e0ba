import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InnovationSearchPage } from '../../src/lib/server/api/responses';
import { GET as listInnovations } from '../../src/routes/api/v1/innovations/+server';
import { callEndpoint, type ErrorBody } from '../support/call-endpoint';
import { createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** GET /api/v1/innovations as a search: public (no sign-in), so no unauthorised case. */
let database: TestDatabase;
let ktp = '';

beforeAll(async () => {
	database = await createTestDatabase();
	ktp = (
		await createInnovation(database.db, {
			title: 'Pelayanan KTP Keliling',
			summary: 'Perekaman kartu tanda penduduk di desa terpencil.',
			stage: 'pelembagaan'
		})
	).id;
	await createInnovation(database.db, { title: 'Posyandu Remaja', summary: 'Pemeriksaan kesehatan remaja.', agency_id: 'pemkab-35.15' });
});
afterAll(async () => {
	await database?.dispose();
});

const list = (query: string) => callEndpoint(listInnovations, `/api/v1/innovations${query}`, { db: database });

describe('GET /api/v1/innovations?q=', () => {
	it('answers items with id, title, snippet and score, the total and facets', async () => {
		const res = await list('?q=pelayanan%20ktp&limit=5');
		expect(res.status).toBe(200);
		const body = InnovationSearchPage.parse(res.body);
		expect(body.total).toBe(1);
		expect(body.items[0]).toMatchObject({ id: ktp, title: 'Pelayanan KTP Keliling' });
		expect(body.items[0]!.score).toBeGreaterThan(0);
		expect(body.items[0]!.snippet).toBe('Perekaman kartu tanda penduduk di desa terpencil.');
		expect(body.sort).toBe('relevansi');
		expect(body.facets.provinsi).toEqual([{ value: '53', count: 1 }]);
		expect(body.facets.tahap).toEqual([{ value: 'pelembagaan', count: 1 }]);
		expect(body.didYouMean).toBeNull();
		// The engine's plan and time for developer tools and the benchmark: two words, every one required.
		expect(res.headers.get('server-timing')).toMatch(/^search;dur=\d+(\.\d+)?;desc="semua-kata"$/);
	});

	it('compresses its answer once, as gzip, and sends those bytes again (brotli only to clients that take no gzip)', async () => {
		const path = '/api/v1/innovations?q=ktp&limit=3';
		const call = (acceptEncoding?: string) =>
			callEndpoint(listInnovations, path, { db: database, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
		const first = await call('br, gzip');
		expect(first.headers.get('content-encoding')).toBe('gzip');
		expect(first.headers.get('vary')).toBe('Accept-Encoding');
		const again = await call('br, gzip');
		expect(again.headers.get('content-encoding')).toBe('gzip');
		expect(again.body).toEqual(first.body);
		expect((await call('gzip')).headers.get('content-encoding')).toBe('gzip');
		expect((await call('br;q=1, gzip;q=0')).headers.get('content-encoding')).toBe('br');
		const plain = await call();
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.body).toEqual(first.body);
	});

	it('takes sort as an alias of urutan, and filters with facets of the other values', async () => {
		const body = InnovationSearchPage.parse((await list('?sort=terbaru&provinsi=35')).body);
		expect(body.sort).toBe('terbaru');
		expect(body.items.map((i) => i.title)).toEqual(['Posyandu Remaja']);
		expect(body.facets.provinsi).toEqual([
			{ value: '35', count: 1 },
			{ value: '53', count: 1 }
		]);
	});

	it('says "did you mean" for a typo', async () => {
		const body = InnovationSearchPage.parse((await list('?q=pelayanam')).body);
		expect(body.didYouMean).toBe('pelayanan');
		expect(body.items[0]!.id).toBe(ktp);
	});

	it.each([
		['?sort=acak', 'sort', 'Urutan tidak dikenal'],
		['?direplikasi=mungkin', 'direplikasi', 'Direplikasi harus "ya" atau "tidak"']
	])('rejects %s with 400 and the Indonesian message', async (query, path, message) => {
		const res = await callEndpoint<ErrorBody>(listInnovations, `/api/v1/innovations${query}`, { db: database });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: [{ path, message }] } });
	});
});
