import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { CENTRAL_AGENCIES } from '../domain/central-agencies';
import { displayRegionName, regencyLevel } from '../domain/region-names';
import { regionalGovernmentFor } from '../domain/regional-agencies';
import { countRegions, upsertRegions, type RegionInput } from '../repositories/region-repository';
import { upsertAgencies } from '../repositories/agency-repository';

export interface ReferenceDataOutcome {
	regions: number;
	agencies: number;
	skipped: boolean;
}

/**
 * Loads Kemendagri regions (from the npm package idn-area-data) and the agencies derived from
 * them plus the central ministries. Idempotent; skipped when the regions are already there
 * unless `force` is set. Kecamatan are optional (`includeDistricts`).
 */
export async function syncReferenceData(
	db: Kysely<DB>,
	options: { force?: boolean; includeDistricts?: boolean } = {}
): Promise<ReferenceDataOutcome> {
	if (!options.force && !options.includeDistricts && (await countRegions(db)) >= 552) {
		return { regions: 0, agencies: 0, skipped: true };
	}
	const area = await import('idn-area-data');
	const provinces = await area.getProvinces();
	const regencies = await area.getRegencies();
	const regions: RegionInput[] = [
		...provinces.map((p) => ({
			code: p.code,
			name: displayRegionName(p.name),
			level: 'provinsi' as const,
			parentCode: null,
			provinceCode: p.code
		})),
		...regencies.map((r) => ({
			code: r.code,
			name: displayRegionName(r.name),
			level: regencyLevel(r.name),
			parentCode: r.province_code,
			provinceCode: r.province_code
		}))
	];
	if (options.includeDistricts) {
		const districts = await area.getDistricts();
		for (const d of districts) {
			regions.push({
				code: d.code,
				name: d.name,
				level: 'kecamatan',
				parentCode: d.regency_code,
				provinceCode: d.code.slice(0, 2)
			});
		}
	}
	await db.transaction().execute(async (trx) => {
		await upsertRegions(trx, regions);
		const regional = regions.flatMap((region) => {
			const agency = regionalGovernmentFor(region);
			return agency
				? [
						{
							id: agency.id,
							name: agency.name,
							kind: agency.kind,
							abbreviation: agency.abbreviation,
							aliases: agency.aliases,
							region_code: agency.regionCode
						}
					]
				: [];
		});
		const central = CENTRAL_AGENCIES.map((a) => ({
			id: a.id,
			name: a.name,
			kind: a.kind,
			abbreviation: a.abbreviation,
			aliases: a.aliases ?? [],
			region_code: null
		}));
		await upsertAgencies(trx, [...central, ...regional]);
	});
	const agencyCount = CENTRAL_AGENCIES.length + provinces.length + regencies.length;
	return { regions: regions.length, agencies: agencyCount, skipped: false };
}
