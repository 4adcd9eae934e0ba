import type { AgencyKind, RegionLevel } from '../db/schema';
import { bareRegionName } from './region-names';

export interface RegionRef {
	code: string;
	name: string;
	level: RegionLevel;
}

export interface RegionalAgency {
	id: string;
	name: string;
	kind: Extract<AgencyKind, 'pemerintah_provinsi' | 'pemerintah_kabupaten' | 'pemerintah_kota'>;
	abbreviation: string;
	aliases: string[];
	regionCode: string;
}

/**
 * The regional government of a province, kabupaten or kota, with the names people write for
 * it: `Pemerintah Kabupaten Ngada` = `Pemkab Ngada` = `Pemerintah Kab. Ngada` = `Kabupaten Ngada`.
 */
export function regionalGovernmentFor(region: RegionRef): RegionalAgency | null {
	const bare = bareRegionName(region.name);
	switch (region.level) {
		case 'provinsi':
			return {
				id: `pemprov-${region.code}`,
				name: `Pemerintah Provinsi ${bare}`,
				kind: 'pemerintah_provinsi',
				abbreviation: `Pemprov ${bare}`,
				aliases: [`Provinsi ${bare}`, `Pemerintah Prov. ${bare}`, `Pemda Provinsi ${bare}`],
				regionCode: region.code
			};
		case 'kabupaten':
			return {
				id: `pemkab-${region.code}`,
				name: `Pemerintah Kabupaten ${bare}`,
				kind: 'pemerintah_kabupaten',
				abbreviation: `Pemkab ${bare}`,
				aliases: [`Kabupaten ${bare}`, `Pemerintah Kab. ${bare}`, `Kab. ${bare}`, `Pemda Kabupaten ${bare}`],
				regionCode: region.code
			};
		case 'kota':
			return {
				id: `pemkot-${region.code}`,
				name: `Pemerintah Kota ${bare}`,
				kind: 'pemerintah_kota',
				abbreviation: `Pemkot ${bare}`,
				aliases: [`Kota ${bare}`, `Pemda Kota ${bare}`],
				regionCode: region.code
			};
		default:
			return null;
	}
}
