import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHomeHighlights } from '../../src/lib/server/services/list-home-highlights';
import { updateInnovation } from '../../src/lib/server/services/update-innovation';
import { load as loadHome } from '../../src/routes/+page.server';
import { load as loadInnovation } from '../../src/routes/inovasi/[id]/+page.server';
import { load as loadAgencies } from '../../src/routes/instansi/+page.server';
import { load as loadCatalogue } from '../../src/routes/katalog/+page.server';
import { load as loadRegion } from '../../src/routes/wilayah/[code]/+page.server';
import { createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let ambulance: string;
let older: string;
let surabaya: string;

/** Runs a page load as SvelteKit would, with this file's database and no cookies. */
async function run(load: unknown, path: string, params: Record<string, string> = {}) {
	const cookies = { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' };
	const event = { locals: { db: database }, url: new URL(`http://localhost${path}`), params, cookies };
	return (await (load as (event: unknown) => Promise<Record<string, unknown>>)(event)) as never as Record<string, any>;
}

async function failure(load: unknown, path: string, params: Record<string, string> = {}) {
	try {
		await run(load, path, params);
	} catch (error) {
		if (isHttpError(error)) return { status: error.status, ...error.body };
		throw error;
	}
	throw new Error(`${path} did not fail`);
}

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	older = (
		await createInnovation(db, {
			title: 'Posyandu Keliling',
			created_at: new Date('2023-01-01T00:00:00Z'),
			awards: [{ programme: 'IGA', year: 2022, level: 'Top 99' }]
		})
	).id;
	ambulance = (
		await createInnovation(db, {
			title: 'Ambulans Desa Siaga',
			stage: 'pelembagaan',
			created_at: new Date('2024-01-01T00:00:00Z'),
			contact_name: 'Maria Goreti',
			contact_email: 'maria@ngadakab.go.id',
			video_url: 'javascript:alert(1)',
			documents: [
				{ title: 'Perbup', url: 'https://ngadakab.go.id/perbup.pdf' },
				{ title: 'Jahat', url: 'javascript:alert(2)' }
			],
			provenance: { title: { source: 'panrb', externalId: 'P-1' }, stage: { source: 'manual' } },
			awards: [
				{ programme: 'KIPP', year: 2023, level: 'Top 45' },
				{ programme: 'KIPP', year: 2021, level: 'Top 99' }
			],
			sources: [{ source: 'panrb', externalId: 'P-1', matchScore: 0.93, matchReasons: [{ feature: 'title', value: 1, weight: 0.3, note: 'Nama sama: AMBULANS' }] }]
		})
	).id;
	surabaya = (
		await createInnovation(db, {
			agency_id: 'pemkot-35.78',
			title: 'Surabaya Single Window',
			created_at: new Date('2024-06-01T00:00:00Z')
		})
	).id;
});
afterAll(async () => database?.dispose());

describe('listHomeHighlights', () => {
	it('lists the newest first and each award winner once, by its latest award', async () => {
		const { newest, awarded } = await listHomeHighlights(database.db, { limit: 2 });
		expect(newest.map((i) => i.id)).toEqual([surabaya, ambulance]);
		expect(awarded.map((i) => [i.id, i.awards])).toEqual([
			[ambulance, 'KIPP Top 45 2023'],
			[older, 'IGA Top 99 2022']
		]);
	});
});

describe('home page', () => {
	it('gives national figures with provinces sorted by count and a search-ready list', async () => {
		const data = await run(loadHome, '/');
		expect(data.totals.innovations).toBe(3);
		expect(data.provincesByCount[0]).toMatchObject({ code: '53', value: 2, href: '/katalog?provinsi=53' });
		expect(data.provincesByCode).toHaveLength(38);
		expect(data.newest[0]).toMatchObject({ id: surabaya, stageLabel: 'Penciptaan' });
	});
});

describe('catalogue page', () => {
	it('filters, counts and offers removable chips that keep the other filters', async () => {
		const data = await run(loadCatalogue, '/katalog?provinsi=53&penghargaan=ada&urutan=judul');
		expect(data.total).toBe(2);
		expect(data.items.map((i: { title: string }) => i.title)).toEqual(['Ambulans Desa Siaga', 'Posyandu Keliling']);
		expect(data.chips).toEqual([
			{ key: 'provinsi', label: 'Provinsi', value: 'Nusa Tenggara Timur', href: '/katalog?penghargaan=ada&urutan=judul' },
			{ key: 'penghargaan', label: 'Penghargaan', value: 'Ada penghargaan (apa pun)', href: '/katalog?provinsi=53&urutan=judul' }
		]);
		expect(data.options.regencies.length).toBeGreaterThan(20);
		expect(data.sorts.find((s: { current: boolean }) => s.current)).toMatchObject({ value: 'judul' });
	});

	it('drops a kab/kota left over from another province', async () => {
		const data = await run(loadCatalogue, '/katalog?provinsi=35&wilayah=53.09');
		expect(data.form.wilayah).toBe('');
		expect(data.total).toBe(1);
		expect(data.chips.map((c: { key: string }) => c.key)).toEqual(['provinsi']);
	});

	it('answers 400 with the problems in Indonesian for invalid filters and page numbers', async () => {
		const bad = await failure(loadCatalogue, '/katalog?tahun=abc&sdg=99');
		expect(bad).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
		expect(bad.message).toContain('SDG harus berupa nomor tujuan 1-17');
		expect(bad.message).toContain('Tahun harus berupa angka tahun');
		expect(await failure(loadCatalogue, '/katalog?tahunDari=2024&tahunSampai=2020')).toMatchObject({ status: 400 });
		expect(await failure(loadCatalogue, '/katalog?halaman=0')).toMatchObject({ status: 400 });
	});

	it('shows an empty page past the last result rather than failing', async () => {
		const data = await run(loadCatalogue, '/katalog?halaman=9');
		expect(data.items).toEqual([]);
		expect(data.total).toBe(3);
		expect(data.pages).toBe(1);
	});
});

describe('innovation page', () => {
	it('never carries contact data and drops links that are not web addresses', async () => {
		const data = await run(loadInnovation, `/inovasi/${ambulance}`, { id: ambulance });
		const innovation = data.innovation;
		expect(JSON.stringify(data)).not.toContain('Maria');
		expect(JSON.stringify(data)).not.toContain('javascript:');
		expect(innovation.video).toBeNull();
		expect(innovation.documents).toEqual([{ title: 'Perbup', url: 'https://ngadakab.go.id/perbup.pdf' }]);
		expect(innovation.sources[0]).toMatchObject({ sourceLabel: 'KemenPANRB (SINOVIK/KIPP)', matchReasons: ['Nama sama: AMBULANS — kecocokan 100%, bobot 30%'] });
		expect(innovation.provenance).toEqual([
			{ field: 'stage', source: 'manual', sourceLabel: null, externalId: null },
			{ field: 'title', source: 'panrb', sourceLabel: 'KemenPANRB (SINOVIK/KIPP)', externalId: 'P-1' }
		]);
	});

	it('shows the change history without naming who made it', async () => {
		const innovation = await createInnovation(database.db, {
			title: 'LAYANAN RIWAYAT',
			agency_id: 'kemenpanrb',
			stage: 'penciptaan'
		});
		await updateInnovation(database.db, { id: 'kurator@panrb.example', role: 'kurator' }, {
			id: innovation.id,
			expectedVersion: 1,
			changes: { title: 'LAYANAN RIWAYAT DESA', stage: 'pengembangan' },
			reason: 'Judul disesuaikan'
		});
		const data = await run(loadInnovation, `/inovasi/${innovation.id}`, { id: innovation.id });
		expect(data.history).toEqual([
			{ version: 2, action: 'update', changedAt: expect.any(String), fields: ['stage', 'title'], reason: 'Judul disesuaikan' }
		]);
		expect(JSON.stringify(data)).not.toContain('kurator@panrb.example');
	});

	it('answers 404 with the error table message for unknown and malformed ids', async () => {
		expect(await failure(loadInnovation, '/inovasi/inv-0000000000', { id: 'inv-0000000000' })).toEqual({
			status: 404,
			code: 'INNOVATION_NOT_FOUND',
			message: 'Inovasi tidak ditemukan.'
		});
		expect(await failure(loadInnovation, '/inovasi/%3Cx%3E', { id: '<x>' })).toMatchObject({ status: 404 });
	});
});

describe('agency and region pages', () => {
	it('searches agencies by alias and rejects an unknown kind', async () => {
		const data = await run(loadAgencies, '/instansi?q=pemkab%20ngada');
		expect(data.items.map((a: { id: string }) => a.id)).toContain('pemkab-53.09');
		expect(await failure(loadAgencies, '/instansi?jenis=kerajaan')).toMatchObject({ status: 400 });
	});

	it('shows a region without characteristics and links to its innovations', async () => {
		const data = await run(loadRegion, '/wilayah/53.09', { code: '53.09' });
		expect(data.characteristics).toBeNull();
		expect(data.innovationTotal).toBe(2);
		expect(data.catalogueHref).toBe('/katalog?provinsi=53&wilayah=53.09');
		expect(await failure(loadRegion, '/wilayah/99', { code: '99' })).toMatchObject({ status: 404 });
	});
});
