import type { Kysely } from 'kysely';
import type { DB, ReplicationKind, ReplicationState } from '../db/schema';
import { can, type Actor } from '../policy';
import { listInnovationReplications } from '../repositories/replication-listing-repository';

export interface ReplicatingAgency {
	replicationId: string;
	agency: { id: string; name: string };
	kind: ReplicationKind;
	state: ReplicationState;
	completedAt: string | null;
	region: { code: string; name: string } | null;
	/** The region's centroid for the map; null for central agencies and regions without figures. */
	point: { lat: number; lng: number } | null;
}

/**
 * "Direplikasi oleh" on an innovation's page, and its map: completed replications for everyone,
 * plus those in progress that the reader may read in full (parties, facilitators, staff).
 * Completed ones first.
 */
export async function listReplicatingAgencies(
	db: Kysely<DB>,
	innovationId: string,
	actor: Actor | null = null
): Promise<ReplicatingAgency[]> {
	const rows = await listInnovationReplications(db, innovationId);
	return rows
		.filter((row) => row.state === 'selesai' || can(actor, 'replication.readPrivate', row))
		.map((row) => ({
			replicationId: row.id,
			agency: { id: row.agency_id, name: row.agency_name },
			kind: row.kind,
			state: row.state,
			completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
			region: row.region_code ? { code: row.region_code, name: row.region_name ?? row.region_code } : null,
			point:
				row.latitude !== null && row.longitude !== null ? { lat: Number(row.latitude), lng: Number(row.longitude) } : null
		}));
}
