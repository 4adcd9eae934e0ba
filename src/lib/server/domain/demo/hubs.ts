import type { HubKind } from '../../db/schema';
import { CENTRAL_AGENCIES } from '../central-agencies';
import { bareRegionName } from '../region-names';
import { regionalGovernmentFor } from '../regional-agencies';
import { Random } from './random';

/**
 * The innovation hubs of the network: 18 central hubs coordinated by ministries and agencies,
 * whose spokes are other central agencies, and 36 regional hubs coordinated by provincial
 * governments, whose spokes are the kabupaten/kota governments of the province. An agency is a
 * spoke of at most one hub.
 */
export interface DemoRegion {
	code: string;
	name: string;
	level: 'provinsi' | 'kabupaten' | 'kota';
}

export interface DemoHub {
	id: string;
	name: string;
	kind: HubKind;
	coordinatorAgencyId: string;
	regionCode: string | null;
	description: string;
	establishedYear: number;
}

export interface DemoHubMember {
	hubId: string;
	agencyId: string;
	joinedYear: number;
}

export const CENTRAL_HUB_COUNT = 18;
export const REGIONAL_HUB_COUNT = 36;

/** Coordinator and spokes of each central hub, grouped by field of work. */
export const CENTRAL_HUB_PLAN: ReadonlyArray<{ coordinator: string; spokes: readonly string[] }> = [
	{ coordinator: 'kemenpanrb', spokes: ['kemensetneg', 'setkab', 'ombudsman', 'kemenko-polkam'] },
	{ coordinator: 'lan', spokes: ['brin', 'bpip', 'kemdiktisaintek'] },
	{ coordinator: 'kemenkes', spokes: ['bpom', 'bpjs-kesehatan', 'bgn', 'kemendukbangga'] },
	{ coordinator: 'kemendagri', spokes: ['bnpp', 'kpu', 'kemenko-pm'] },
	{ coordinator: 'kemensos', spokes: ['kemenpppa', 'kemenham', 'bnpb'] },
	{ coordinator: 'kemendikdasmen', spokes: ['kemenbud', 'perpusnas', 'kemenpora', 'kemenko-pmk'] },
	{ coordinator: 'kemenkeu', spokes: ['bpkp', 'lkpp', 'kemenbumn', 'kemenko-perekonomian'] },
	{ coordinator: 'kemnaker', spokes: ['bpjs-ketenagakerjaan', 'kp2mi', 'kementrans', 'kemenperin'] },
	{ coordinator: 'kementan', spokes: ['kemenko-pangan', 'kemenhut', 'kemendag'] },
	{ coordinator: 'kemenhub', spokes: ['basarnas', 'bmkg', 'bakamla'] },
	{ coordinator: 'komdigi', spokes: ['bssn', 'big', 'anri'] },
	{ coordinator: 'atr-bpn', spokes: ['kemenpu', 'kementerian-pkp', 'kemenko-infrastruktur', 'kemeninves'] },
	{ coordinator: 'kemenkum', spokes: ['kemenimipas', 'ma', 'kejaksaan', 'kemenko-hukum'] },
	{ coordinator: 'kemenag', spokes: ['kemenhaj'] },
	{ coordinator: 'bps', spokes: ['bappenas', 'bsn', 'bapeten'] },
	{ coordinator: 'kemendesa', spokes: ['kemenkop', 'kemenumkm', 'kemenekraf', 'kemenpar'] },
	{ coordinator: 'kkp', spokes: ['klh', 'kesdm'] },
	{ coordinator: 'bkn', spokes: ['kpk', 'bnn', 'bnpt'] }
];

const centralById = new Map(CENTRAL_AGENCIES.map((a) => [a.id, a]));

export function generateDemoHubs(
	seed: string,
	regions: readonly DemoRegion[]
): { hubs: DemoHub[]; members: DemoHubMember[] } {
	const random = new Random(`${seed}#hubs`);
	const hubs: DemoHub[] = [];
	const members: DemoHubMember[] = [];

	for (const plan of CENTRAL_HUB_PLAN) {
		const coordinator = centralById.get(plan.coordinator);
		if (!coordinator) throw new Error(`unknown central hub coordinator ${plan.coordinator}`);
		const id = `hub-pusat-${coordinator.id}`;
		const establishedYear = random.int(2019, 2023);
		const spokes = plan.spokes.filter((spoke) => centralById.has(spoke));
		hubs.push({
			id,
			name: `Hub Inovasi ${coordinator.name}`,
			kind: 'pusat',
			coordinatorAgencyId: coordinator.id,
			regionCode: null,
			description: `Hub inovasi pusat yang dikoordinasikan ${coordinator.name} (${coordinator.abbreviation}). Hub ini mengkurasi dan mengesahkan data inovasi ${spokes.length} kementerian/lembaga mitra, mendampingi inovator, dan memfasilitasi replikasi serta perluasan inovasi di bidangnya.`,
			establishedYear
		});
		for (const spoke of spokes) {
			members.push({ hubId: id, agencyId: spoke, joinedYear: random.int(establishedYear, 2025) });
		}
	}

	// The two provinces formed last (highest codes, the newest Papua provinces) have no hub yet.
	const provinces = regions
		.filter((r) => r.level === 'provinsi')
		.slice()
		.sort((a, b) => a.code.localeCompare(b.code))
		.slice(0, REGIONAL_HUB_COUNT);
	for (const province of provinces) {
		const coordinator = regionalGovernmentFor(province)!;
		const id = `hub-daerah-${province.code}`;
		const spokes = regions
			.filter((r) => r.level !== 'provinsi' && r.code.startsWith(`${province.code}.`))
			.map((r) => regionalGovernmentFor(r)!);
		const establishedYear = random.int(2020, 2024);
		hubs.push({
			id,
			name: `Hub Inovasi Daerah Provinsi ${bareRegionName(province.name)}`,
			kind: 'daerah',
			coordinatorAgencyId: coordinator.id,
			regionCode: province.code,
			description: `Hub inovasi daerah yang dikoordinasikan ${coordinator.name}. Hub ini mengkurasi data inovasi ${spokes.length} pemerintah kabupaten/kota di ${province.name}, mendampingi perangkat daerah menyusun inovasi, menyebarluaskan praktik baik, dan memfasilitasi replikasi antardaerah.`,
			establishedYear
		});
		for (const spoke of spokes) {
			members.push({ hubId: id, agencyId: spoke.id, joinedYear: random.int(establishedYear, 2025) });
		}
	}
	return { hubs, members };
}
