import type { Kysely } from 'kysely';
import type { DB, MatchDecisionKind } from '../db/schema';
import { readDecisionState } from '../domain/curation/match-decisions';
import { authorize, type Actor } from '../policy';
import { listMatchDecisionRows } from '../repositories/curation-repository';

export interface DecisionLogEntry {
	id: number;
	kind: MatchDecisionKind;
	reviewId: number | null;
	target: { id: string; title: string | null } | null;
	source: { id: string; title: string | null } | null;
	movedRecords: number;
	actor: string;
	reason: string | null;
	createdAt: string;
	undoneAt: string | null;
	undoneBy: string | null;
	undoReason: string | null;
}

/** The log of curator decisions, newest first. */
export async function listMatchDecisions(
	db: Kysely<DB>,
	actor: Actor,
	query: { limit: number; offset: number }
): Promise<{ items: DecisionLogEntry[]; total: number }> {
	authorize(actor, 'import.review');
	const { items, total } = await listMatchDecisionRows(db, query);
	return {
		total,
		items: items.map((row) => ({
			id: row.id,
			kind: row.kind,
			reviewId: row.review_id,
			target: row.target_innovation_id ? { id: row.target_innovation_id, title: row.target_title } : null,
			source: row.source_innovation_id ? { id: row.source_innovation_id, title: row.source_title } : null,
			movedRecords: readDecisionState(row.state).moves.length,
			actor: row.actor,
			reason: row.reason,
			createdAt: new Date(row.created_at).toISOString(),
			undoneAt: row.undone_at ? new Date(row.undone_at).toISOString() : null,
			undoneBy: row.undone_by,
			undoReason: row.undo_reason
		}))
	};
}
