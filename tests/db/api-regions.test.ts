import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegionPage, RegionProfile } from '../../src/lib/server/api/responses';
import { upsertCharacteristics } from '../../src/lib/server/repositories/region-repository';
import { GET as listRegions } from '../../src/routes/api/v1/regions/+server';
import { GET as getRegion } from '../../src/routes/api/v1/regions/[code]/+server';
import { callEndpoint } from '../support/call-endpoint';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;

const list = (query = '') => callEndpoint(listRegions, `/api/v1/regions${query}`, { db: database });
const one = (code: string) => callEndpoint(getRegion, `/api/v1/regions/${code}`, { db: database, params: { code } });

beforeAll(async () => {
	database = await createTestDatabase();
	await upsertCharacteristics(database.db, [
		{
			region_code: '53',
			area_km2: 46446.64,
			population_total: 5656039,
			population_male: 2834045,
			population_female: 2821994,
			density_per_km2: 121.78,
			district_count: 315,
			regency_count: 21,
			city_count: 1,
			latitude: -8.66,
			longitude: 121.08,
			hdi_2023: 66.68,
			hdi_2024: null,
			poverty_rate_2023: 19.96,
			source: 'uji'
		}
	]);
});
afterAll(async () => database?.dispose());

describe('GET /api/v1/regions', () => {
	it('answers a page of regions in code order', async () => {
		const res = await list('?level=provinsi&limit=100');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		const page = RegionPage.parse(res.body);
		expect(page.total).toBe(38);
		expect(page.items[0]).toEqual({ code: '11', name: 'Aceh', level: 'provinsi', parentCode: null, provinceCode: '11' });
	});

	it('filters by provinsi, level and keyword', async () => {
		const ntt = RegionPage.parse((await list('?provinsi=53&level=kabupaten&limit=100')).body);
		expect(ntt.total).toBe(21);
		expect(ntt.items.every((r) => r.parentCode === '53' && r.level === 'kabupaten')).toBe(true);
		const ngada = RegionPage.parse((await list('?q=ngada')).body);
		expect(ngada.items.map((r) => r.code)).toEqual(['53.09']);
	});

	it.each([
		['?level=desa', 'level', 'Level wilayah harus provinsi, kabupaten, kota atau kecamatan'],
		['?provinsi=5', 'provinsi', 'Provinsi harus berupa kode Kemendagri dua angka, mis. 53'],
		['?offset=100001', 'offset', 'offset maksimal 100000']
	])('rejects %s with 400 and the Indonesian message', async (query, path, message) => {
		const res = await list(query);
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: [{ path, message }] } });
	});
});

describe('GET /api/v1/regions/{code}', () => {
	it('answers a province with its characteristics, government and kabupaten/kota', async () => {
		const res = await one('53');
		expect(res.status).toBe(200);
		const profile = RegionProfile.parse(res.body);
		expect(profile.region).toEqual({ code: '53', name: 'Nusa Tenggara Timur', level: 'provinsi', province: null });
		expect(profile.government).toEqual({ id: 'pemprov-53', name: expect.stringContaining('Nusa Tenggara Timur') });
		expect(profile.children).toHaveLength(22);
		expect(profile.characteristics).toMatchObject({
			areaKm2: 46446.64,
			population: { total: 5656039, male: 2834045, female: 2821994 },
			regencies: 21,
			cities: 1,
			kelurahan: null,
			centroid: { lat: -8.66, lng: 121.08 },
			hdi: { 2023: 66.68, 2024: null },
			povertyRate: { 2023: 19.96, 2024: null },
			source: 'uji'
		});
	});

	it('answers null characteristics for a region whose figures are not loaded', async () => {
		const profile = RegionProfile.parse((await one('53.09')).body);
		expect(profile.region).toEqual({ code: '53.09', name: 'Kabupaten Ngada', level: 'kabupaten', province: { code: '53', name: 'Nusa Tenggara Timur' } });
		expect(profile.characteristics).toBeNull();
		expect(profile.government?.id).toBe('pemkab-53.09');
		expect(profile.children).toEqual([]);
	});

	it('answers 404 REGION_NOT_FOUND for an unknown code', async () => {
		const res = await one('99.99');
		expect(res.status).toBe(404);
		expect(res.body).toEqual({ error: { code: 'REGION_NOT_FOUND', message: 'Wilayah tidak ditemukan.' } });
	});

	it('rejects a code that is not a Kemendagri code with 400', async () => {
		const res = await one('ngada');
		const message = 'Kode wilayah harus berupa kode Kemendagri, mis. 53 atau 53.09';
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: [{ path: 'code', message }] } });
	});
});
