import type { ReplicationPart } from '../../db/schema';

/**
 * The parts a signed-in person plays in one replication (domain.md, "Replication and scale-up"):
 * - replikator: an operator of the adopting agency;
 * - inovator: an operator of the originating agency (credited with the replication);
 * - fasilitator: the coordinator of the replicator's hub, or a national admin (who may step in
 *   anywhere, including replications without a hub).
 * Curators read everything but act in no part. One person may hold several parts (an admin is
 * always fasilitator); nobody is both replikator and inovator because an agency cannot replicate
 * its own innovation.
 */
export interface PartActor {
	role: 'admin' | 'kurator' | 'koordinator_hub' | 'operator' | 'system';
	agencyId?: string | null;
	hubId?: string | null;
}

export interface ReplicationParties {
	originator_agency_id: string;
	replicator_agency_id: string;
	hub_id: string | null;
}

export function partsOf(actor: PartActor | null, replication: ReplicationParties): Set<Exclude<ReplicationPart, 'sistem'>> {
	const parts = new Set<Exclude<ReplicationPart, 'sistem'>>();
	if (!actor) return parts;
	if (actor.role === 'operator' && actor.agencyId) {
		if (actor.agencyId === replication.replicator_agency_id) parts.add('replikator');
		if (actor.agencyId === replication.originator_agency_id) parts.add('inovator');
	}
	if (actor.role === 'admin' || actor.role === 'system') parts.add('fasilitator');
	if (actor.role === 'koordinator_hub' && actor.hubId && actor.hubId === replication.hub_id) parts.add('fasilitator');
	return parts;
}

/** Parties, facilitators, curators and the system see every detail (documents, thread, timeline). */
export function canSeePrivateDetails(actor: PartActor | null, replication: ReplicationParties): boolean {
	if (!actor) return false;
	if (actor.role === 'kurator' || actor.role === 'system') return true;
	return partsOf(actor, replication).size > 0;
}
