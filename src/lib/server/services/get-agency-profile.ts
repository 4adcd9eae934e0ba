import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { can, type Actor } from '../policy';
import { findAgency } from '../repositories/agency-repository';
import { listInnovationsOfAgency } from '../repositories/innovation-repository';
import { listAgencyReplications, type AgencyReplicationRow } from '../repositories/replication-listing-repository';

/**
 * An agency with its region, hub, innovations and replications given (its innovations adopted
 * elsewhere) and received (innovations it adopts). The public sees completed replications only;
 * `actor` also sees those it may read in full (parties, facilitators, curators, admins).
 */
export async function getAgencyProfile(
	db: Kysely<DB>,
	id: string,
	options: { innovationLimit?: number; actor?: Actor | null } = {}
) {
	const agency = await findAgency(db, id);
	if (!agency) throw new AppError('AGENCY_NOT_FOUND');
	const [innovations, given, received] = await Promise.all([
		listInnovationsOfAgency(db, id, options.innovationLimit ?? 50),
		listAgencyReplications(db, id, 'given'),
		listAgencyReplications(db, id, 'received')
	]);
	const actor = options.actor ?? null;
	const visible = (row: AgencyReplicationRow) => row.state === 'selesai' || can(actor, 'replication.readPrivate', row);
	const present = (row: AgencyReplicationRow) => ({
		id: row.id,
		innovation: { id: row.innovation_id, title: row.innovation_title },
		otherAgency: { id: row.other_agency_id, name: row.other_agency_name },
		kind: row.kind,
		state: row.state,
		updatedAt: new Date(row.updated_at).toISOString()
	});
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
		})),
		replicationsGiven: given.filter(visible).map(present),
		replicationsReceived: received.filter(visible).map(present)
	};
}
