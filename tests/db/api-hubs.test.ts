import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubList, HubProfile } from '../../src/lib/server/api/responses';
import { GET as listHubs } from '../../src/routes/api/v1/hubs/+server';
import { GET as getHub } from '../../src/routes/api/v1/hubs/[id]/+server';
import { callEndpoint } from '../support/call-endpoint';
import { createHub, createInnovation, type CreatedHub } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let regional: CreatedHub;
let central: CreatedHub;

const list = (query = '') => callEndpoint(listHubs, `/api/v1/hubs${query}`, { db: database });
const one = (id: string) => callEndpoint(getHub, `/api/v1/hubs/${encodeURIComponent(id)}`, { db: database, params: { id } });

beforeAll(async () => {
	database = await createTestDatabase();
	regional = await createHub(database.db, {
		name: 'Hub Inovasi Nusa Tenggara Timur',
		members: [{ agencyId: 'pemkab-53.09', joinedYear: 2022 }, 'pemkab-53.10']
	});
	central = await createHub(database.db, { kind: 'pusat', name: 'Hub Inovasi Kesehatan', coordinatorAgencyId: 'kemenkes' });
	await createInnovation(database.db, { agency_id: 'pemkab-53.09' });
	await createInnovation(database.db, { agency_id: 'pemkab-53.09' });
	await createInnovation(database.db, { agency_id: 'kemenkes' });
});
afterAll(async () => database?.dispose());

describe('GET /api/v1/hubs', () => {
	it('answers every hub, central hubs first, with coordinator and member count', async () => {
		const res = await list();
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		const hubs = HubList.parse(res.body);
		expect(hubs.total).toBe(2);
		expect(hubs.items.map((h) => h.id)).toEqual([central.id, regional.id]);
		expect(hubs.items[1]).toEqual({
			id: regional.id,
			name: 'Hub Inovasi Nusa Tenggara Timur',
			kind: 'daerah',
			regionCode: '53',
			establishedYear: 2021,
			coordinator: { id: 'pemprov-53', name: expect.stringContaining('Nusa Tenggara Timur') },
			memberCount: 2
		});
	});

	it('filters by jenis', async () => {
		const hubs = HubList.parse((await list('?jenis=daerah')).body);
		expect(hubs.items.map((h) => h.id)).toEqual([regional.id]);
	});

	it('rejects an unknown jenis with 400 and the Indonesian message', async () => {
		const res = await list('?jenis=provinsi');
		const message = 'Jenis hub harus "pusat" atau "daerah"';
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: [{ path: 'jenis', message }] } });
	});
});

describe('GET /api/v1/hubs/{id}', () => {
	it('answers the hub with its members and their innovation counts', async () => {
		const res = await one(regional.id);
		expect(res.status).toBe(200);
		const profile = HubProfile.parse(res.body);
		expect(profile.hub).toMatchObject({ id: regional.id, kind: 'daerah', region: { code: '53', name: 'Nusa Tenggara Timur' } });
		// Members come in name order: Kabupaten Manggarai (53.10) before Kabupaten Ngada (53.09).
		expect(profile.members.map((m) => [m.id, m.joinedYear, m.innovationCount])).toEqual([
			['pemkab-53.10', 2022, 0],
			['pemkab-53.09', 2022, 2]
		]);
		expect(profile.innovationCount).toBe(2);
	});

	it('answers 404 HUB_NOT_FOUND for an unknown id', async () => {
		const res = await one('hub-tidak-ada');
		expect(res.status).toBe(404);
		expect(res.body).toEqual({ error: { code: 'HUB_NOT_FOUND', message: 'Hub inovasi tidak ditemukan.' } });
	});

	it('rejects an id that is not a slug with 400', async () => {
		const res = await one('Hub NTT');
		const message = 'Id hub hanya boleh berisi huruf kecil, angka, titik, garis bawah dan tanda hubung, mis. hub-jatim';
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: [{ path: 'id', message }] } });
	});
});
