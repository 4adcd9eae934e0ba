import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { findAgency } from '../repositories/agency-repository';
import { listInnovationsOfAgency } from '../repositories/innovation-repository';

/** An agency with its region, hub and innovations (replications given/received come later). */
export async function getAgencyProfile(db: Kysely<DB>, id: string, options: { innovationLimit?: number } = {}) {
	const agency = await findAgency(db, id);
	if (!agency) throw new AppError('AGENCY_NOT_FOUND');
	const innovations = await listInnovationsOfAgency(db, id, options.innovationLimit ?? 50);
	return {
		agency: {
			id: agency.id,
			name: agency.name,
			kind: agency.kind,
			abbreviation: agency.abbreviation,
			aliases: agency.aliases,
			panrbId: agency.panrb_id,
			website: agency.website,
			region: agency.region_code ? { code: agency.region_code, name: agency.region_name ?? agency.region_code } : null,
			provinceCode: agency.province_code,
			hub: agency.hub_id ? { id: agency.hub_id, name: agency.hub_name ?? agency.hub_id } : null
		},
		innovations: innovations.map((i) => ({
			id: i.id,
			title: i.title,
			yearStarted: i.year_started,
			stage: i.stage,
			regionName: i.region_name
		}))
	};
}
