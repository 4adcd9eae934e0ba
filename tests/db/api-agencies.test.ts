import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencyPage, AgencyProfile } from '../../src/lib/server/api/responses';
import { GET as listAgencies } from '../../src/routes/api/v1/agencies/+server';
import { GET as getAgency } from '../../src/routes/api/v1/agencies/[id]/+server';
import { callEndpoint } from '../support/call-endpoint';
import { createHub, createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let ngadaInnovation: string;
let hubId: string;

const list = (query = '') => callEndpoint(listAgencies, `/api/v1/agencies${query}`, { db: database });
const one = (id: string) => callEndpoint(getAgency, `/api/v1/agencies/${encodeURIComponent(id)}`, { db: database, params: { id } });

beforeAll(async () => {
	database = await createTestDatabase();
	ngadaInnovation = (await createInnovation(database.db, { title: 'Ambulans Desa Siaga', year_started: 2021 })).id;
	hubId = (await createHub(database.db, { name: 'Hub Inovasi NTT', members: ['pemkab-53.09'] })).id;
});
afterAll(async () => database?.dispose());

describe('GET /api/v1/agencies', () => {
	it('answers a page of all agencies, sorted by kind then name', async () => {
		const res = await list();
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		const page = AgencyPage.parse(res.body);
		const all = await database.db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(page.total).toBe(Number(all.n));
		expect([page.limit, page.offset, page.items.length]).toEqual([20, 0, 20]);
	});

	it('filters by jenis, provinsi and keyword', async () => {
		const provinces = AgencyPage.parse((await list('?jenis=pemerintah_provinsi&limit=100')).body);
		expect(provinces.total).toBe(38);
		expect(new Set(provinces.items.map((a) => a.kind))).toEqual(new Set(['pemerintah_provinsi']));

		const ntt = AgencyPage.parse((await list('?provinsi=53&jenis=pemerintah_kabupaten&limit=100')).body);
		expect(ntt.items.every((a) => a.regionCode?.startsWith('53.'))).toBe(true);
		expect(ntt.items.map((a) => a.id)).toContain('pemkab-53.09');

		// 'ngada' is also inside "pengadaan" (LKPP): the keyword matches anywhere in names.
		const ngada = AgencyPage.parse((await list('?q=ngada')).body);
		expect(ngada.items.map((a) => a.id).sort()).toEqual(['lkpp', 'pemkab-53.09']);
		expect(ngada.items.find((a) => a.id === 'pemkab-53.09')).toEqual({
			id: 'pemkab-53.09',
			name: 'Pemerintah Kabupaten Ngada',
			kind: 'pemerintah_kabupaten',
			abbreviation: expect.any(String),
			regionCode: '53.09',
			panrbId: null
		});
	});

	it.each([
		['?jenis=desa', 'jenis', 'Jenis instansi tidak dikenal'],
		['?provinsi=53.09', 'provinsi', 'Provinsi harus berupa kode Kemendagri dua angka, mis. 53'],
		['?limit=0', 'limit', 'limit minimal 1'],
		['?q=' + 'x'.repeat(201), 'q', 'Kata kunci maksimal 200 karakter']
	])('rejects %s with 400 and the Indonesian message', async (query, path, message) => {
		const res = await list(query);
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: [{ path, message }] } });
	});
});

describe('GET /api/v1/agencies/{id}', () => {
	it('answers the agency with its region, hub and innovations', async () => {
		const res = await one('pemkab-53.09');
		expect(res.status).toBe(200);
		const { agency, innovations } = AgencyProfile.parse(res.body);
		expect(agency).toMatchObject({
			id: 'pemkab-53.09',
			kind: 'pemerintah_kabupaten',
			region: { code: '53.09', name: 'Kabupaten Ngada' },
			provinceCode: '53',
			hub: { id: hubId, name: 'Hub Inovasi NTT' }
		});
		expect(innovations).toEqual([
			{ id: ngadaInnovation, title: 'Ambulans Desa Siaga', yearStarted: 2021, stage: 'penciptaan', regionName: 'Kabupaten Ngada' }
		]);
	});

	it('answers a central agency without region or hub', async () => {
		const { agency, innovations } = AgencyProfile.parse((await one('kemenkes')).body);
		expect([agency.region, agency.hub, agency.provinceCode, innovations]).toEqual([null, null, null, []]);
	});

	it('answers 404 AGENCY_NOT_FOUND for an unknown id', async () => {
		const res = await one('kementerian-tidak-ada');
		expect(res.status).toBe(404);
		expect(res.body).toEqual({ error: { code: 'AGENCY_NOT_FOUND', message: 'Instansi tidak ditemukan.' } });
	});

	it('rejects an id that is not a slug with 400', async () => {
		const res = await one('Pemkab Ngada');
		const message = 'Id instansi hanya boleh berisi huruf kecil, angka, titik, garis bawah dan tanda hubung, mis. pemkab-53.09';
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: [{ path: 'id', message }] } });
	});
});
