import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/lib/i18n';
import { load as loadCatalogue } from '../../src/routes/katalog/+page.server';
import { createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The search journey's page data on /katalog?q=: the words found marked in titles and snippets,
 * "did you mean" with a link for a typo, and the helpful empty page. (The rendered <mark> and
 * texts are checked in Chromium by tests/browser/search-journey.test.ts.)
 */

let database: TestDatabase;
let dukcapil: string;

async function catalogue(path: string) {
	const cookies = { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' };
	const event = { locals: { db: database }, url: new URL(`http://localhost${path}`), params: {}, cookies };
	return (await (loadCatalogue as unknown as (event: unknown) => Promise<Record<string, any>>)(event)) as Record<string, any>;
}

beforeAll(async () => {
	database = await createTestDatabase();
	dukcapil = (
		await createInnovation(database.db, {
			title: 'Pelayanan Dokumen Kependudukan Keliling',
			summary: 'Petugas Disdukcapil datang ke desa untuk pelayanan kependudukan: KTP, KK dan akta kelahiran.'
		})
	).id;
	await createInnovation(database.db, { title: 'Posyandu Keliling Desa', summary: 'Penimbangan balita di rumah warga.' });
});
afterAll(async () => database?.dispose());

describe('/katalog?q=', () => {
	it('marks the words found in the title and the snippet', async () => {
		const data = await catalogue('/katalog?q=pelayanan%20kependudukan');
		expect(data.items.map((i: { id: string }) => i.id)).toEqual([dukcapil]);
		const [card] = data.items;
		const marked = (parts: Array<{ text: string; mark: boolean }>) => parts.filter((p) => p.mark).map((p) => p.text.toLowerCase());
		expect(marked(card.titleParts)).toEqual(expect.arrayContaining(['pelayanan', 'kependudukan']));
		expect(marked(card.snippetParts)).toEqual(expect.arrayContaining(['pelayanan', 'kependudukan']));
		expect(card.snippetParts.map((p: { text: string }) => p.text).join('')).toContain('Disdukcapil');
		expect(data.search.didYouMean).toBeNull();
	});

	it('offers "did you mean" with a link to the corrected search for a typo', async () => {
		const data = await catalogue('/katalog?q=pelayanam%20kependudukan');
		expect(data.search.didYouMean).toBe('pelayanan kependudukan');
		expect(data.search.didYouMeanHref).toBe('/katalog?q=pelayanan+kependudukan');
		expect(data.items.map((i: { id: string }) => i.id)).toEqual([dukcapil]);
	});

	it('shows the helpful empty page, with a link without filters when filters narrowed it', async () => {
		const data = await catalogue('/katalog?q=kapal%20selam&tahap=pelembagaan');
		expect(data.total).toBe(0);
		expect(data.items).toEqual([]);
		expect(data.search.q).toBe('kapal selam');
		expect(data.search.withoutFiltersHref).toBe('/katalog?q=kapal+selam');
		expect(translate('id', 'search.emptyTitle', { q: data.search.q })).toBe('Tidak ada inovasi yang cocok dengan “kapal selam”.');
	});
});
