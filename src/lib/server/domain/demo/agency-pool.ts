import type { AgencyKind } from '../../db/schema';
import { CENTRAL_AGENCIES } from '../central-agencies';
import { bareRegionName } from '../region-names';
import { regionalGovernmentFor } from '../regional-agencies';
import type { DemoRegion } from './hubs';
import { Random, WeightedTable } from './random';
import { CENTRAL_AGENCY_AFFAIRS } from './topics';

/**
 * The agencies demo innovations are attributed to: every regional government and the central
 * agencies, each with a fixed "activity" weight so that, as in the real registries, some
 * agencies report many innovations and others few.
 */
export interface DemoAgency {
	id: string;
	name: string;
	abbreviation: string;
	kind: AgencyKind;
	isCentral: boolean;
	regionCode: string | null;
	/** `Kabupaten Ngada`; null for central agencies. */
	regionName: string | null;
	/** `Ngada`. */
	bareName: string;
	provinceCode: string | null;
	provinceName: string | null;
	/** PANRB's agency key as SINOVIK and LAN exports write it, `A-0531`. */
	panrbId: string;
}

export interface AgencyPool {
	all: readonly DemoAgency[];
	regional: WeightedTable<DemoAgency>;
	central: WeightedTable<DemoAgency>;
	/** Regional governments only, to name replicating agencies. */
	regionalList: readonly DemoAgency[];
}

/** Provinces on Java and Bali report more innovations than elsewhere. */
const BUSY_PROVINCES = new Set(['31', '32', '33', '34', '35', '36', '51']);

export function buildAgencyPool(seed: string, regions: readonly DemoRegion[]): AgencyPool {
	const random = new Random(`${seed}#agencies`);
	const provinceNames = new Map(regions.filter((r) => r.level === 'provinsi').map((r) => [r.code, r.name]));
	const regional: DemoAgency[] = [];
	for (const region of regions) {
		const agency = regionalGovernmentFor(region);
		if (!agency) continue;
		const provinceCode = region.code.slice(0, 2);
		regional.push({
			id: agency.id,
			name: agency.name,
			abbreviation: agency.abbreviation,
			kind: agency.kind,
			isCentral: false,
			regionCode: region.code,
			regionName: region.level === 'provinsi' ? `Provinsi ${region.name}` : region.name,
			bareName: bareRegionName(region.name),
			provinceCode,
			provinceName: provinceNames.get(provinceCode) ?? null,
			panrbId: ''
		});
	}
	const central: DemoAgency[] = CENTRAL_AGENCIES.map((a) => ({
		id: a.id,
		name: a.name,
		abbreviation: a.abbreviation,
		kind: a.kind,
		isCentral: true,
		regionCode: null,
		regionName: null,
		bareName: a.abbreviation,
		provinceCode: null,
		provinceName: null,
		panrbId: ''
	}));
	const all = [...central, ...regional].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	all.forEach((agency, i) => (agency.panrbId = `A-${String(i + 1).padStart(4, '0')}`));

	const activity = () => Math.exp(random.gaussian() * 0.9);
	const regionalWeights = regional
		.slice()
		.sort((a, b) => (a.id < b.id ? -1 : 1))
		.map((agency) => {
			const kindFactor = agency.kind === 'pemerintah_provinsi' ? 1.8 : agency.kind === 'pemerintah_kota' ? 1.15 : 1;
			const busy = BUSY_PROVINCES.has(agency.provinceCode ?? '') ? 1.4 : 1;
			return { value: agency, weight: activity() * kindFactor * busy };
		});
	const centralWeights = central.map((agency) => ({
		value: agency,
		weight: activity() * (CENTRAL_AGENCY_AFFAIRS[agency.id] ? 1 : 0.25)
	}));
	return {
		all,
		regional: new WeightedTable(regionalWeights),
		central: new WeightedTable(centralWeights),
		regionalList: regional
	};
}
