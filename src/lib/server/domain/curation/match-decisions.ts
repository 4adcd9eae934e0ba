/**
 * What a curator decision on links records (match_decisions.state) and the rules for undoing it.
 * A decision keeps the state of every innovation it changed from before, what it moved, and the
 * versions it left behind, so that an undo restores exactly that state while nothing touched the
 * innovations since, and rebuilds the fields by source priority otherwise. Pure.
 */
import type { FieldProvenance, MatchDecisionKind } from '../../db/schema';
import type { CanonicalColumn } from '../import/canonical-fields';

export interface InnovationSnapshot {
	id: string;
	version: number;
	values: Partial<Record<CanonicalColumn, unknown>>;
	provenance: Record<string, FieldProvenance>;
	deletedAt: string | null;
	deletedBy: string | null;
	deleteReason: string | null;
}

export interface RecordMove {
	sourceRecordId: number;
	from: string;
	to: string;
	/** The record's match score and reasons before and after the decision. */
	before: { score: number | null; reasons: unknown[] };
	after: { score: number | null; reasons: unknown[] };
}

export interface AwardMove {
	awardId: number;
	from: string;
	to: string;
}

export interface DecisionState {
	moves: RecordMove[];
	awards: AwardMove[];
	/** Every innovation the decision changed, as it was before. */
	before: InnovationSnapshot[];
	/** Version of each changed innovation right after the decision. */
	afterVersions: Record<string, number>;
	/** Innovation a split created. */
	created: string | null;
	/** Innovation a merge soft-deleted (it had no records left). */
	deleted: string | null;
}

export const EMPTY_STATE: DecisionState = { moves: [], awards: [], before: [], afterVersions: {}, created: null, deleted: null };

/** A stored state, tolerant of missing keys. */
export function readDecisionState(value: unknown): DecisionState {
	const state = (value && typeof value === 'object' ? value : {}) as Partial<DecisionState>;
	return {
		moves: state.moves ?? [],
		awards: state.awards ?? [],
		before: state.before ?? [],
		afterVersions: state.afterVersions ?? {},
		created: state.created ?? null,
		deleted: state.deleted ?? null
	};
}

export interface DecisionSummary {
	id: number;
	kind: MatchDecisionKind;
	innovationIds: readonly string[];
	undoneAt: Date | string | null;
}

/**
 * Later decisions, still in force, that changed one of the innovations this decision changed:
 * undoing this one first would pull records out from under them. Rejections change no innovation.
 */
export function dependentDecisions(decision: DecisionSummary, others: readonly DecisionSummary[]): DecisionSummary[] {
	const touched = new Set(decision.innovationIds);
	return others
		.filter((other) => other.id > decision.id && !other.undoneAt && other.innovationIds.some((id) => touched.has(id)))
		.sort((a, b) => a.id - b.id);
}

export const DECISION_KIND_LABELS: Record<MatchDecisionKind, string> = {
	confirm: 'Konfirmasi duplikat',
	reject: 'Tolak duplikat',
	merge: 'Gabungkan inovasi',
	split: 'Pisahkan rekaman'
};

/** The refusal message naming the decisions to undo first. */
export function dependentsMessage(decisionId: number, dependents: readonly { id: number }[]): string {
	const list = dependents.map((d) => `#${d.id}`).join(', ');
	return `Keputusan #${decisionId} tidak dapat dibatalkan karena keputusan ${list} yang dibuat sesudahnya bergantung padanya. Batalkan keputusan ${list} terlebih dahulu.`;
}
