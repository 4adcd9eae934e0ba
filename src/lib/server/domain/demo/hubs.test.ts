import { getProvinces, getRegencies } from 'idn-area-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_AGENCIES } from '../central-agencies';
import { displayRegionName, regencyLevel } from '../region-names';
import { CENTRAL_HUB_PLAN, generateDemoHubs, type DemoRegion } from './hubs';

let regions: DemoRegion[];

beforeAll(async () => {
	// The real Kemendagri list, as syncReferenceData loads it.
	const provinces = await getProvinces();
	const regencies = await getRegencies();
	regions = [
		...provinces.map((p) => ({ code: p.code, name: displayRegionName(p.name), level: 'provinsi' as const })),
		...regencies.map((r) => ({ code: r.code, name: displayRegionName(r.name), level: regencyLevel(r.name) }))
	];
});

describe('generateDemoHubs', () => {
	it('makes 54 hubs: 18 central and 36 regional', () => {
		const { hubs } = generateDemoHubs('jippnas-demo', regions);
		expect(hubs).toHaveLength(54);
		expect(hubs.filter((h) => h.kind === 'pusat')).toHaveLength(18);
		expect(hubs.filter((h) => h.kind === 'daerah')).toHaveLength(36);
		expect(new Set(hubs.map((h) => h.id)).size).toBe(54);
		for (const hub of hubs) {
			expect(hub.id).toMatch(/^hub-(pusat-[a-z0-9-]+|daerah-\d{2})$/);
			expect(hub.description.length).toBeGreaterThan(50);
			expect(hub.establishedYear).toBeGreaterThanOrEqual(2019);
			expect(hub.establishedYear).toBeLessThanOrEqual(2024);
		}
	});

	it('has central agencies coordinate central hubs and provinces coordinate regional hubs', () => {
		const central = new Set(CENTRAL_AGENCIES.map((a) => a.id));
		const provinces = new Set(regions.filter((r) => r.level === 'provinsi').map((r) => r.code));
		const { hubs } = generateDemoHubs('jippnas-demo', regions);
		for (const hub of hubs) {
			if (hub.kind === 'pusat') {
				expect(central.has(hub.coordinatorAgencyId)).toBe(true);
				expect(hub.regionCode).toBeNull();
			} else {
				expect(provinces.has(hub.regionCode!)).toBe(true);
				expect(hub.coordinatorAgencyId).toBe(`pemprov-${hub.regionCode}`);
				expect(hub.id).toBe(`hub-daerah-${hub.regionCode}`);
			}
		}
		expect(hubs.map((h) => h.id)).toContain('hub-pusat-kemenpanrb');
	});

	it('names only spokes that exist and puts each agency in at most one hub', () => {
		const central = new Set(CENTRAL_AGENCIES.map((a) => a.id));
		for (const plan of CENTRAL_HUB_PLAN) for (const spoke of plan.spokes) expect(central.has(spoke), spoke).toBe(true);
		const { hubs, members } = generateDemoHubs('jippnas-demo', regions);
		const agencies = members.map((m) => m.agencyId);
		expect(new Set(agencies).size).toBe(agencies.length);
		const coordinators = new Set(hubs.map((h) => h.coordinatorAgencyId));
		for (const agency of agencies) expect(coordinators.has(agency), agency).toBe(false);
	});

	it('gives a regional hub every kabupaten/kota government of its province', () => {
		const { members } = generateDemoHubs('jippnas-demo', regions);
		const east = members.filter((m) => m.hubId === 'hub-daerah-35').map((m) => m.agencyId);
		const expected = regions.filter((r) => r.code.startsWith('35.')).length;
		expect(east).toHaveLength(expected);
		expect(east).toContain('pemkot-35.78');
		expect(east).toContain('pemkab-35.10');
		const covered = members.filter((m) => m.hubId.startsWith('hub-daerah-')).length;
		expect(covered).toBeGreaterThan(450);
	});

	it('is deterministic for a seed', () => {
		expect(generateDemoHubs('a', regions)).toEqual(generateDemoHubs('a', regions));
	});
});
