import type { ReplicationKind, ReplicationState } from '../db/schema';

/** How the replication services present what they read: shared by get-replication and list-replications. */
export const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** What anybody may know of a completed replication. */
export interface ReplicationSummary {
	id: string;
	innovation: { id: string; title: string };
	originator: { id: string; name: string };
	replicator: { id: string; name: string };
	kind: ReplicationKind;
	state: ReplicationState;
	completedAt: string | null;
	certificateNumber: string | null;
}

/** The columns a summary is made of (a detail row or a listing row). */
interface SummaryRow {
	id: string;
	innovation_id: string;
	innovation_title: string;
	originator_agency_id: string;
	originator_name: string;
	replicator_agency_id: string;
	replicator_name: string;
	kind: ReplicationKind;
	state: ReplicationState;
	completed_at: Date | string | null;
	certificate_number: string | null;
	hub_id: string | null;
	hub_name: string | null;
}

export function summaryOf(row: SummaryRow): ReplicationSummary {
	return {
		id: row.id,
		innovation: { id: row.innovation_id, title: row.innovation_title },
		originator: { id: row.originator_agency_id, name: row.originator_name },
		replicator: { id: row.replicator_agency_id, name: row.replicator_name },
		kind: row.kind,
		state: row.state,
		completedAt: iso(row.completed_at),
		certificateNumber: row.certificate_number
	};
}

/** The hub, when the replication has one (private views only). */
export const hubOf = (row: SummaryRow) => (row.hub_id && row.hub_name ? { id: row.hub_id, name: row.hub_name } : null);
