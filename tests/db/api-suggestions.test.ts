import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchSuggestions } from '../../src/lib/server/api/responses';
import { GET as suggestions, fallback } from '../../src/routes/api/v1/suggestions/+server';
import { callEndpoint, type ErrorBody } from '../support/call-endpoint';
import { createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** GET /api/v1/suggestions: suggestions while typing (innovations, agencies, regions). */

let database: TestDatabase;
let dukcapil: string;
let keliling: string;

const ask = (query: string) => callEndpoint(suggestions, `/api/v1/suggestions${query}`, { db: database });
const suggest = async (q: string, limit?: number) => {
	const res = await ask(`?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
	expect(res.status).toBe(200);
	return SearchSuggestions.parse(res.body);
};

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	dukcapil = (
		await createInnovation(db, {
			title: 'Pelayanan Dokumen Kependudukan Keliling',
			acronym: 'SI DUKUN',
			agency_id: 'pemkab-53.09'
		})
	).id;
	keliling = (await createInnovation(db, { title: 'Posyandu Keliling Desa', acronym: null })).id;
	await createInnovation(db, { title: 'Ambulans Desa Siaga', acronym: 'AMDES' });
});
afterAll(async () => database?.dispose());

describe('GET /api/v1/suggestions', () => {
	it('rejects a missing, blank or too long keyword and a bad limit with an Indonesian message', async () => {
		const cases: Array<[string, string]> = [
			['', 'Kata kunci wajib diisi'],
			['?q=', 'Kata kunci wajib diisi'],
			['?q=%20%20', 'Kata kunci wajib diisi'],
			[`?q=${'a'.repeat(101)}`, 'Kata kunci maksimal 100 karakter'],
			['?q=desa&limit=0', 'Batas saran harus bilangan bulat 1 sampai 20'],
			['?q=desa&limit=21', 'Batas saran harus bilangan bulat 1 sampai 20'],
			['?q=desa&limit=dua', 'Batas saran harus bilangan bulat 1 sampai 20']
		];
		for (const [query, message] of cases) {
			const res = await ask(query);
			expect(res.status, query).toBe(400);
			expect(res.headers.get('cache-control')).toBe('no-store');
			expect((res.body as ErrorBody).error, query).toMatchObject({ code: 'VALIDATION_FAILED', message });
		}
	});

	it('suggests innovations whose title words start with every word typed, in any order', async () => {
		const res = await ask('?q=kependudukan%20pel');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		const body = SearchSuggestions.parse(res.body);
		expect(body.query).toBe('kependudukan pel');
		expect(body.items).toEqual([
			{
				kind: 'innovation',
				id: dukcapil,
				label: 'Pelayanan Dokumen Kependudukan Keliling',
				detail: expect.stringMatching(/^SI DUKUN · /),
				url: `/inovasi/${dukcapil}`
			}
		]);
		// A word in the middle of a title counts too.
		const both = await suggest('kel');
		expect(both.items.filter((i) => i.kind === 'innovation').map((i) => (i as { id: string }).id).sort()).toEqual(
			[dukcapil, keliling].sort()
		);
	});

	it('finds an innovation by its acronym, also run together, and corrects a typo', async () => {
		expect((await suggest('si dukun')).items[0]).toMatchObject({ kind: 'innovation', id: dukcapil });
		expect((await suggest('sidukun')).items[0]).toMatchObject({ kind: 'innovation', id: dukcapil });
		const typo = await suggest('pelayanam kependudukan');
		expect(typo.items[0]).toMatchObject({ kind: 'innovation', id: dukcapil });
	});

	it('suggests agencies by name or abbreviation', async () => {
		const body = await suggest('kemenkes');
		expect(body.items).toContainEqual({
			kind: 'agency',
			id: 'kemenkes',
			label: expect.stringMatching(/Kesehatan/),
			detail: expect.stringMatching(/^Instansi/),
			url: '/instansi/kemenkes'
		});
	});

	it('suggests regions by name with their level and province', async () => {
		const body = await suggest('ngada');
		const region = body.items.find((i) => i.kind === 'region');
		expect(region).toEqual({
			kind: 'region',
			code: '53.09',
			label: expect.stringMatching(/Ngada/),
			detail: 'Wilayah · Kabupaten, Nusa Tenggara Timur',
			url: '/wilayah/53.09'
		});
		// Innovations of that region are not suggested for the name: only titles and acronyms count.
		expect(body.items.some((i) => i.kind === 'innovation')).toBe(false);
	});

	it('keeps to the limit and answers an empty list when nothing starts with the words', async () => {
		const three = await suggest('ka', 3);
		expect(three.items).toHaveLength(3);
		expect((await suggest('k', 20)).items.length).toBeLessThanOrEqual(20);
		expect(await suggest('qwxyzv')).toEqual({ query: 'qwxyzv', items: [] });
	});

	it('drops a soft-deleted innovation from the suggestions', async () => {
		const gone = await createInnovation(database.db, { title: 'Zebra Cross Pintar', deleted_at: new Date() });
		expect((await suggest('zebra')).items.some((i) => 'id' in i && i.id === gone.id)).toBe(false);
	});

	it('answers other methods with 405', async () => {
		const res = await callEndpoint(fallback, '/api/v1/suggestions?q=desa', { db: database, method: 'POST' });
		expect(res.status).toBe(405);
	});
});
