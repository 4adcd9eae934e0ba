import type { Kysely } from 'kysely';
import type { DB, RegionCharacteristicsRow } from '../db/schema';
import { AppError } from '../errors';
import { findRegionalGovernment } from '../repositories/agency-repository';
import { findCharacteristics, findRegion, listChildRegions } from '../repositories/region-repository';

export interface RegionCharacteristics {
	areaKm2: number | null;
	population: { total: number | null; male: number | null; female: number | null };
	densityPerKm2: number | null;
	districts: number | null;
	kelurahan: number | null;
	desa: number | null;
	regencies: number | null;
	cities: number | null;
	islands: { total: number | null; inhabited: number | null; outermost: number | null };
	centroid: { lat: number; lng: number } | null;
	hdi: { 2023: number | null; 2024: number | null };
	povertyRate: { 2023: number | null; 2024: number | null };
	source: string;
	loadedAt: string;
}

export function presentCharacteristics(row: RegionCharacteristicsRow): RegionCharacteristics {
	return {
		areaKm2: row.area_km2,
		population: { total: row.population_total, male: row.population_male, female: row.population_female },
		densityPerKm2: row.density_per_km2,
		districts: row.district_count,
		kelurahan: row.kelurahan_count,
		desa: row.desa_count,
		regencies: row.regency_count,
		cities: row.city_count,
		islands: { total: row.island_count, inhabited: row.inhabited_island_count, outermost: row.outermost_island_count },
		centroid: row.latitude != null && row.longitude != null ? { lat: row.latitude, lng: row.longitude } : null,
		hdi: { 2023: row.hdi_2023, 2024: row.hdi_2024 },
		povertyRate: { 2023: row.poverty_rate_2023, 2024: row.poverty_rate_2024 },
		source: row.source,
		loadedAt: new Date(row.loaded_at).toISOString()
	};
}

/** A region with its characteristics (null until loaded), its government and sub-regions. */
export async function getRegionProfile(db: Kysely<DB>, code: string) {
	const region = await findRegion(db, code);
	if (!region) throw new AppError('REGION_NOT_FOUND');
	const [characteristics, government, children] = await Promise.all([
		findCharacteristics(db, code),
		findRegionalGovernment(db, code),
		region.level === 'provinsi' ? listChildRegions(db, code) : Promise.resolve([])
	]);
	return {
		region: {
			code: region.code,
			name: region.name,
			level: region.level,
			province: region.level === 'provinsi' ? null : { code: region.province_code, name: region.province_name ?? '' }
		},
		characteristics: characteristics ? presentCharacteristics(characteristics) : null,
		government: government ? { id: government.id, name: government.name } : null,
		children: children.map((c) => ({ code: c.code, name: c.name, level: c.level }))
	};
}
