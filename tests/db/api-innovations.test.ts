import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InnovationPage, InnovationProfile } from '../../src/lib/server/api/responses';
import { GET as listInnovations } from '../../src/routes/api/v1/innovations/+server';
import { GET as getInnovation } from '../../src/routes/api/v1/innovations/[id]/+server';
import { callEndpoint, type ErrorBody } from '../support/call-endpoint';
import { createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let awarded: string;
let central: string;
let city: string;
let deleted: string;

const list = (query = '') => callEndpoint(listInnovations, `/api/v1/innovations${query}`, { db: database });
const one = (id: string) => callEndpoint(getInnovation, `/api/v1/innovations/${id}`, { db: database, params: { id } });
const idsOf = (body: unknown) => InnovationPage.parse(body).items.map((i) => i.id).sort();

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	awarded = (
		await createInnovation(db, {
			title: 'Ambulans Desa Siaga',
			stage: 'pelembagaan',
			year_started: 2021,
			contact_name: 'Maria Goreti',
			contact_email: 'maria@ngadakab.go.id',
			contact_phone: '0812-0000-1111',
			documents: [{ title: 'Perbup', url: 'https://ngadakab.go.id/perbup.pdf' }],
			provenance: { title: { source: 'panrb', externalId: 'P-1' } },
			awards: [{ programme: 'KIPP', year: 2023, level: 'Top 45' }],
			sources: [{ source: 'panrb', externalId: 'P-1', matchScore: 0.93, matchReasons: ['judul sama'] }]
		})
	).id;
	central = (await createInnovation(db, { agency_id: 'kemenkes', title: 'Antrean Daring Rumah Sakit', year_started: 2019 })).id;
	city = (await createInnovation(db, { agency_id: 'pemkot-35.78', title: 'Surabaya Single Window', stage: 'pengembangan', main_affair: 'penanaman_modal', sdgs: [8], is_digital: false })).id;
	deleted = (await createInnovation(db, { title: 'Layanan Yang Dihapus', deleted_at: new Date(), deleted_by: 'uji', delete_reason: 'duplikat' })).id;
});
afterAll(async () => database?.dispose());

describe('GET /api/v1/innovations', () => {
	it('answers one page of live innovations as {items, total, limit, offset}', async () => {
		const res = await list();
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		const page = InnovationPage.parse(res.body);
		expect(page.total).toBe(3);
		expect(page.limit).toBe(20);
		expect(page.offset).toBe(0);
		expect(page.items.map((i) => i.id).sort()).toEqual([awarded, central, city].sort());
		const item = page.items.find((i) => i.id === awarded)!;
		expect(item.agency).toEqual({ id: 'pemkab-53.09', name: 'Pemerintah Kabupaten Ngada', kind: 'pemerintah_kabupaten' });
		expect(item.region?.code).toBe('53.09');
		expect(item.awards).toBe('KIPP Top 45 2023');
		expect(item.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});

	it('applies the catalogue filters', async () => {
		expect(idsOf((await list('?tahap=pelembagaan')).body)).toEqual([awarded]);
		expect(idsOf((await list('?provinsi=53')).body)).toEqual([awarded]);
		expect(idsOf((await list('?wilayah=35.78')).body)).toEqual([city]);
		expect(idsOf((await list('?instansi=kemenkes')).body)).toEqual([central]);
		expect(idsOf((await list('?jenisInstansi=kementerian')).body)).toEqual([central]);
		expect(idsOf((await list('?penghargaan=KIPP')).body)).toEqual([awarded]);
		expect(idsOf((await list('?sumber=panrb')).body)).toEqual([awarded]);
		expect(idsOf((await list('?urusan=penanaman_modal&digital=tidak&sdg=8')).body)).toEqual([city]);
		expect(idsOf((await list('?tahunDari=2020&tahunSampai=2021')).body)).toEqual([awarded]);
		expect(idsOf((await list('?q=antrean')).body)).toEqual([central]);
	});

	it('treats empty values as no filter, as the catalogue form sends them', async () => {
		const res = await list('?tahap=&provinsi=&limit=&q=');
		expect(res.status).toBe(200);
		expect(InnovationPage.parse(res.body).total).toBe(3);
	});

	it('pages with limit and offset and keeps the total', async () => {
		const first = InnovationPage.parse((await list('?urutan=judul&limit=2')).body);
		const second = InnovationPage.parse((await list('?urutan=judul&limit=2&offset=2')).body);
		expect(first.items.map((i) => i.title)).toEqual(['Ambulans Desa Siaga', 'Antrean Daring Rumah Sakit']);
		expect(second.items.map((i) => i.title)).toEqual(['Surabaya Single Window']);
		expect([first.total, second.total, second.limit, second.offset]).toEqual([3, 3, 2, 2]);
	});

	it.each([
		['?limit=0', 'limit', 'limit minimal 1'],
		['?limit=101', 'limit', 'limit maksimal 100'],
		['?limit=banyak', 'limit', 'limit harus berupa angka'],
		['?offset=-1', 'offset', 'offset minimal 0'],
		['?tahap=xyz', 'tahap', 'Tahap inovasi tidak dikenal'],
		['?provinsi=Jawa', 'provinsi', 'Provinsi harus berupa kode Kemendagri, mis. 53 atau 53.09'],
		['?sdg=18', 'sdg', 'SDG harus berupa nomor tujuan 1-17'],
		['?urutan=acak', 'urutan', 'Urutan tidak dikenal'],
		['?tahunDari=2022&tahunSampai=2020', 'tahunDari', 'Tahun awal tidak boleh lebih besar dari tahun akhir']
	])('rejects %s with 400 and the Indonesian message', async (query, path, message) => {
		const res = await list(query);
		expect(res.status).toBe(400);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: [{ path, message }] } });
	});

	it('lists every problem in details, the first one as the message', async () => {
		const res = await callEndpoint<ErrorBody>(listInnovations, '/api/v1/innovations?tahap=xyz&limit=0', { db: database });
		expect(res.status).toBe(400);
		expect(res.body.error.details?.map((d) => d.path).sort()).toEqual(['limit', 'tahap']);
		expect(res.body.error.message).toBe(res.body.error.details![0]!.message);
	});
});

describe('GET /api/v1/innovations/{id}', () => {
	it('answers the innovation with awards, sources and similar innovations, without contact data', async () => {
		const res = await one(awarded);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		const { innovation, similar } = InnovationProfile.parse(res.body);
		expect(innovation.id).toBe(awarded);
		expect(innovation.stage).toBe('pelembagaan');
		expect(innovation.province).toEqual({ code: '53', name: 'Nusa Tenggara Timur' });
		expect(innovation.awards).toEqual([{ programme: 'KIPP', year: 2023, level: 'Top 45', category: null }]);
		expect(innovation.sources).toMatchObject([{ source: 'panrb', externalId: 'P-1', matchScore: 0.93, matchReasons: ['judul sama'] }]);
		expect(innovation.documents).toEqual([{ title: 'Perbup', url: 'https://ngadakab.go.id/perbup.pdf' }]);
		expect(innovation.provenance).toEqual({ title: { source: 'panrb', externalId: 'P-1' } });
		expect(innovation.contact).toBeNull();
		expect(JSON.stringify(res.body)).not.toMatch(/maria@|0812-0000-1111|Maria Goreti/);
		expect(similar.map((s) => s.id)).toContain(central);
	});

	it('answers 404 INNOVATION_NOT_FOUND for an unknown id and for a deleted innovation', async () => {
		for (const id of ['inv-0000000000', deleted]) {
			const res = await one(id);
			expect(res.status).toBe(404);
			expect(res.body).toEqual({ error: { code: 'INNOVATION_NOT_FOUND', message: 'Inovasi tidak ditemukan.' } });
		}
	});

	it('rejects an id that is not an innovation id with 400', async () => {
		const res = await one('abc');
		expect(res.status).toBe(400);
		const message = 'Id inovasi harus berbentuk inv- diikuti 10 huruf/angka, mis. inv-7k2m9q4x1b';
		expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message, details: [{ path: 'id', message }] } });
	});

	it('never reads the database for an invalid id', async () => {
		const res = await callEndpoint(getInnovation, '/api/v1/innovations/x', {
			db: { ...database, db: new Proxy(database.db, { get: () => { throw new Error('database touched'); } }) },
			params: { id: "x' or 1=1" }
		});
		expect(res.status).toBe(400);
	});
});
