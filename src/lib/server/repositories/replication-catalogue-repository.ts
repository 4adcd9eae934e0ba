import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, ReplicationKind, ReplicationState } from '../db/schema';
import { OPEN_STATES } from '../domain/replication/document-kinds';
import { fromReplications, REPLICATION_LIST_COLUMNS, withReplicationNames } from './replication-repository';

/**
 * Replications listed with filters, for GET /api/v1/replications. What a reader may see is
 * given as a visibility (computed from the policy by the caller): the rows matching ANY of its
 * parts, nothing when it has none.
 */
export interface ReplicationVisibility {
	/** Every replication (staff, or an inbox that holds them all). */
	all?: boolean;
	/** Completed replications: what the public sees. */
	completed?: boolean;
	originatorAgencyId?: string;
	replicatorAgencyId?: string;
	hubId?: string;
}

export interface ReplicationListFilter {
	visibility: ReplicationVisibility;
	innovationId?: string;
	/** Either side: the originator or the replicator. */
	agencyId?: string;
	kind?: ReplicationKind;
	/** One state, or every open state ('berjalan'). */
	state?: ReplicationState | 'berjalan';
}

function filtered(db: Kysely<DB>, filter: ReplicationListFilter) {
	const { visibility: v } = filter;
	let query = fromReplications(db).where((eb) => {
		if (v.all) return sql<SqlBool>`true`;
		const visible: Expression<SqlBool>[] = [];
		if (v.completed) visible.push(eb('r.state', '=', 'selesai'));
		if (v.originatorAgencyId) visible.push(eb('r.originator_agency_id', '=', v.originatorAgencyId));
		if (v.replicatorAgencyId) visible.push(eb('r.replicator_agency_id', '=', v.replicatorAgencyId));
		if (v.hubId) visible.push(eb('r.hub_id', '=', v.hubId));
		return visible.length ? eb.or(visible) : sql<SqlBool>`false`;
	});
	if (filter.innovationId) query = query.where('r.innovation_id', '=', filter.innovationId);
	if (filter.agencyId) {
		const agencyId = filter.agencyId;
		query = query.where((eb) => eb.or([eb('r.originator_agency_id', '=', agencyId), eb('r.replicator_agency_id', '=', agencyId)]));
	}
	if (filter.kind) query = query.where('r.kind', '=', filter.kind);
	if (filter.state === 'berjalan') query = query.where('r.state', 'in', OPEN_STATES);
	else if (filter.state) query = query.where('r.state', '=', filter.state);
	return query;
}

/** One page, the most recent activity first. */
export function listReplicationsPage(db: Kysely<DB>, filter: ReplicationListFilter, page: { limit: number; offset: number }) {
	return withReplicationNames(filtered(db, filter))
		.select([...REPLICATION_LIST_COLUMNS, 'r.completed_at', 'r.certificate_number'])
		.orderBy('r.updated_at', 'desc')
		.orderBy('r.id', 'desc')
		.limit(page.limit)
		.offset(page.offset)
		.execute();
}

export type ReplicationListRow = Awaited<ReturnType<typeof listReplicationsPage>>[number];

export async function countReplications(db: Kysely<DB>, filter: ReplicationListFilter): Promise<number> {
	const row = await filtered(db, filter)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
