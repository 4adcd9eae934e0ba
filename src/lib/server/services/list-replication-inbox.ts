import type { Kysely } from 'kysely';
import type { DB, ReplicationKind, ReplicationState } from '../db/schema';
import { inboxQuerySchema, type InboxBox, type InboxQuery } from '../domain/replication/replication-input';
import { AppError } from '../errors';
import { can, type Actor } from '../policy';
import { inboxScopesOf } from '../domain/replication/inboxes';
import { countInbox, countInboxTotals, listInbox } from '../repositories/replication-repository';
import { parseStepInput } from './replication-steps';

export interface InboxItem {
	id: string;
	innovation: { id: string; title: string };
	originator: { id: string; name: string };
	replicator: { id: string; name: string };
	hub: { id: string; name: string } | null;
	kind: ReplicationKind;
	state: ReplicationState;
	nextReportDueOn: string | null;
	createdAt: string;
	updatedAt: string;
	version: number;
}

export interface ReplicationInbox {
	box: InboxBox;
	/** The boxes this actor has, with every replication and the open ones in each (tab labels). */
	boxes: Array<{ box: InboxBox; total: number; open: number }>;
	items: InboxItem[];
	/** Matching the box and state filter. */
	total: number;
	limit: number;
	offset: number;
}

/** One page of a person's replication inbox, the most recent activity first. */
export async function listReplicationInbox(db: Kysely<DB>, actor: Actor, query: InboxQuery = {}): Promise<ReplicationInbox> {
	const data = parseStepInput(inboxQuerySchema, query);
	const scopes = inboxScopesOf(actor, can(actor, 'replication.oversee'));
	if (scopes.length === 0) throw new AppError('FORBIDDEN');
	const chosen = data.box ? scopes.find((s) => s.box === data.box) : scopes[0];
	if (!chosen) throw new AppError('FORBIDDEN', 'Kotak replikasi ini tidak tersedia untuk peran Anda.');

	const [rows, total, boxes] = await Promise.all([
		listInbox(db, chosen, data.state, { limit: data.limit, offset: data.offset }),
		countInbox(db, chosen, data.state),
		Promise.all(scopes.map(async (s) => ({ box: s.box, ...(await countInboxTotals(db, s)) })))
	]);
	return {
		box: chosen.box,
		boxes,
		items: rows.map((r) => ({
			id: r.id,
			innovation: { id: r.innovation_id, title: r.innovation_title },
			originator: { id: r.originator_agency_id, name: r.originator_name },
			replicator: { id: r.replicator_agency_id, name: r.replicator_name },
			hub: r.hub_id && r.hub_name ? { id: r.hub_id, name: r.hub_name } : null,
			kind: r.kind,
			state: r.state,
			nextReportDueOn: r.next_report_due_on,
			createdAt: new Date(r.created_at).toISOString(),
			updatedAt: new Date(r.updated_at).toISOString(),
			version: r.version
		})),
		total,
		limit: data.limit,
		offset: data.offset
	};
}
