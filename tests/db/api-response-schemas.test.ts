import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadApiEndpoints } from '../../src/lib/server/api/api-routes';
import * as responses from '../../src/lib/server/api/responses';
import { presentSearchPage } from '../../src/lib/server/presenters/search-presenter';
import { upsertCharacteristics } from '../../src/lib/server/repositories/region-repository';
import { getAgencyProfile } from '../../src/lib/server/services/get-agency-profile';
import { getHubProfile } from '../../src/lib/server/services/get-hub-profile';
import { getInnovationDetails } from '../../src/lib/server/services/get-innovation-details';
import { getNationalStatistics } from '../../src/lib/server/services/get-national-statistics';
import { getRegionProfile } from '../../src/lib/server/services/get-region-profile';
import { listAgencies } from '../../src/lib/server/services/list-agencies';
import { listHubs } from '../../src/lib/server/services/list-hubs';
import { listInnovations } from '../../src/lib/server/services/list-innovations';
import { listRegions } from '../../src/lib/server/services/list-regions';
import { searchInnovations } from '../../src/lib/server/services/search-innovations';
import { createHub, createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The response schemas are a second description of what the services return. Parsing real
 * service output must give back exactly that output: a field the schema lacks would be
 * stripped (and the equality fails), a field the services stopped sending fails the parse.
 * Every nullable field is exercised both filled and empty where the data allows.
 */

let database: TestDatabase;
let full: string;
let bare: string;
let hubId: string;

function expectExactly(schema: z.ZodType, output: unknown) {
	const parsed = schema.safeParse(output);
	expect(parsed.error?.issues ?? []).toEqual([]);
	expect(parsed.data).toStrictEqual(output);
}

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	full = (
		await createInnovation(db, {
			acronym: 'ADS',
			started_on: '2021-03-01',
			stage: 'pelembagaan',
			other_affairs: ['sosial'],
			sdgs: [3, 10],
			form: 'pelayanan_publik',
			theme: 'Digitalisasi Layanan Pemerintahan',
			initiator_type: 'kepala_daerah',
			initiator_name: 'Bupati Ngada',
			sustainability_status: 'berlanjut',
			status_verified_on: '2024-06-30',
			regulation_ref: 'Perbup 12/2022',
			budget_line: 'DAU 2023',
			sop_ref: 'SOP 1/2022',
			maturity_score: 87.5,
			video_url: 'https://example.org/video',
			contact_name: 'Maria',
			documents: [{ title: 'Perbup', url: 'https://example.org/perbup.pdf' }],
			provenance: { title: { source: 'panrb', externalId: 'P-9' }, summary: { source: 'manual' } },
			awards: [{ programme: 'IGA', year: 2022, level: 'Terbaik', category: 'Kabupaten' }],
			sources: [{ source: 'kemendagri', matchScore: 0.8, matchReasons: [{ field: 'judul', score: 0.9 }] }]
		})
	).id;
	bare = (
		await createInnovation(db, { agency_id: 'kemenkes', year_started: null, main_affair: null, sdgs: [], is_digital: null, summary: '' })
	).id;
	await createInnovation(db, { main_affair: 'kesehatan' });
	hubId = (await createHub(db, { members: ['pemkab-53.09', 'pemkab-53.10'] })).id;
	await createHub(db, { kind: 'pusat', coordinatorAgencyId: 'kemenkes', establishedYear: null });
	await upsertCharacteristics(db, [
		{ region_code: '53.09', area_km2: 1620.92, population_total: 170000, latitude: -8.8, longitude: 121, hdi_2024: 68.1, source: 'uji' }
	]);
});
afterAll(async () => database?.dispose());

describe('response schemas match what the services return', () => {
	const window = { limit: 10, offset: 0 };

	it('innovations', async () => {
		expectExactly(responses.InnovationPage, await listInnovations(database.db, { urutan: 'terbaru' }, window));
		expectExactly(responses.InnovationProfile, await getInnovationDetails(database.db, full, { includeContact: false }));
		expectExactly(responses.InnovationProfile, await getInnovationDetails(database.db, bare, { includeContact: false }));
	});

	it('agencies', async () => {
		expectExactly(responses.AgencyPage, await listAgencies(database.db, { ...window, q: 'ngada' }));
		expectExactly(responses.AgencyProfile, await getAgencyProfile(database.db, 'pemkab-53.09'));
		expectExactly(responses.AgencyProfile, await getAgencyProfile(database.db, 'kemenkes'));
	});

	it('regions', async () => {
		expectExactly(responses.RegionPage, await listRegions(database.db, { ...window, provinceCode: '53' }));
		expectExactly(responses.RegionProfile, await getRegionProfile(database.db, '53.09'));
		expectExactly(responses.RegionProfile, await getRegionProfile(database.db, '53'));
	});

	it('hubs', async () => {
		const items = await listHubs(database.db);
		expectExactly(responses.HubList, { items, total: items.length });
		expectExactly(responses.HubProfile, await getHubProfile(database.db, hubId));
	});

	it('statistics', async () => {
		expectExactly(responses.Statistics, await getNationalStatistics(database.db));
	});

	// Sent as built (`presented`), so this is the only check of the search answer's shape.
	it('innovation search', async () => {
		const search = (input: Parameters<typeof searchInnovations>[1]) => searchInnovations(database.db, input).then(presentSearchPage);
		const found = await search({ q: 'ads digital', filters: { provinsi: '53' } });
		expect(found.items.length).toBeGreaterThan(0);
		expectExactly(responses.InnovationSearchPage, found);
		expectExactly(responses.InnovationSearchPage, await search({ q: 'kesehatan', sort: 'terbaru', limit: 5 }));
		expectExactly(responses.InnovationSearchPage, await search({ q: 'kata yang tidak ada di mana pun' }));
	});
});

describe('endpoints that send their answer as built', () => {
	it('each has its presenter checked above', async () => {
		const presented = (await loadApiEndpoints()).filter((endpoint) => endpoint.presented).map((e) => `${e.method} ${e.path}`);
		expect(presented).toEqual(['GET /api/v1/innovations']);
	});
});
