/**
 * Steps shared by the curation use cases (confirm-match-review, merge-innovations,
 * split-source-record, undo-match-decision): not a use case itself. Each step runs inside the
 * caller's transaction, with the innovations and records already locked by the caller.
 */
import type { Kysely } from 'kysely';
import { configuredSourcePriority } from '../config/source-priority';
import type { DB, FieldProvenance, InnovationRow, InnovationUpdate, MatchReviewStatus } from '../db/schema';
import {
	CANONICAL_COLUMN_NAMES,
	rebuildCanonicalFields,
	type CanonicalColumn,
	type LinkedRecord
} from '../domain/import/canonical-fields';
import type { CandidateAward } from '../domain/import/normalise-source-record';
import type { AwardMove, DecisionState, InnovationSnapshot, RecordMove } from '../domain/curation/match-decisions';
import { AppError } from '../errors';
import type { Actor } from '../policy';
import { appendChanges } from '../repositories/change-history-repository';
import {
	completeMatchDecision,
	insertMatchDecision,
	listAwardRows,
	lockInnovations,
	lockSourceRecordsOf,
	moveAwards,
	type LinkedSourceRecord
} from '../repositories/curation-repository';
import { setSourceRecordMatches } from '../repositories/import-repository';
import { updateInnovationIfVersion } from '../repositories/innovation-repository';

export function canonicalValuesOf(row: InnovationRow): Partial<Record<CanonicalColumn, unknown>> {
	const values: Partial<Record<CanonicalColumn, unknown>> = {};
	for (const column of CANONICAL_COLUMN_NAMES) values[column] = row[column] ?? null;
	return values;
}

export function snapshotOf(row: InnovationRow): InnovationSnapshot {
	return {
		id: row.id,
		version: row.version,
		values: canonicalValuesOf(row),
		provenance: { ...row.provenance },
		deletedAt: row.deleted_at ? new Date(row.deleted_at).toISOString() : null,
		deletedBy: row.deleted_by,
		deleteReason: row.delete_reason
	};
}

export function linkedRecordOf(record: LinkedSourceRecord): LinkedRecord {
	const candidate = (record.mapped as { record?: LinkedRecord['record'] }).record ?? {};
	return { id: record.id, source: record.source, externalId: record.external_id, record: candidate };
}

/** The awards a record's candidate carries (KIPP from PANRB rows). */
export function candidateAwardsOf(record: LinkedSourceRecord): CandidateAward[] {
	return ((record.mapped as { record?: { awards?: CandidateAward[] } }).record?.awards ?? []).filter(Boolean);
}

export const awardKey = (award: { programme: string; year: number; level: string }) => `${award.programme}|${award.year}|${award.level}`;

/**
 * Writes an innovation's rebuilt canonical fields (plus `extra` columns such as the soft-delete
 * ones) with a history entry; the version always moves on, since its set of records changed.
 */
export async function writeInnovation(
	trx: Kysely<DB>,
	row: InnovationRow,
	next: { values: Partial<Record<CanonicalColumn, unknown>>; provenance: Record<string, FieldProvenance>; extra?: InnovationUpdate },
	history: { actor: Actor; action: 'update' | 'delete' | 'restore'; reason: string; extraChanges?: Record<string, { from: unknown; to: unknown }> }
): Promise<number> {
	const changes: Record<string, { from: unknown; to: unknown }> = { ...history.extraChanges };
	const update: Record<string, unknown> = { ...next.extra };
	for (const column of CANONICAL_COLUMN_NAMES) {
		if (!(column in next.values)) continue;
		const before = row[column] ?? null;
		const after = next.values[column] ?? null;
		if (JSON.stringify(before) !== JSON.stringify(after)) {
			changes[column] = { from: before, to: after };
			update[column] = after;
		}
	}
	update.provenance = JSON.stringify(next.provenance);
	const version = await updateInnovationIfVersion(trx, row.id, row.version, update as InnovationUpdate);
	if (version === null) throw new AppError('STALE_VERSION');
	await appendChanges(trx, [
		{ entityType: 'innovation', entityId: row.id, version, action: history.action, actor: history.actor.id, changes, reason: history.reason }
	]);
	return version;
}

export function liveInnovation(row: InnovationRow | undefined, id: string, code: 'MERGE_NOT_POSSIBLE' | 'SPLIT_NOT_POSSIBLE'): InnovationRow {
	if (!row) throw new AppError('INNOVATION_NOT_FOUND', `Inovasi ${id} tidak ditemukan.`);
	if (row.deleted_at) throw new AppError(code, `Inovasi "${row.title}" (${id}) sudah dihapus.`);
	return row;
}

export interface MergeInput {
	kind: 'confirm' | 'merge';
	reviewId: number | null;
	survivorId: string;
	loserId: string;
	reason: string | null;
	/** New match score and reasons for some moved records (the confirmed pair's record). */
	matchOverrides?: Map<number, { score: number | null; reasons: unknown[] }>;
}

/**
 * Moves every source record (and the awards the survivor lacks) of the loser to the survivor,
 * rebuilds the survivor's fields by source priority, soft-deletes the emptied loser, and logs the
 * decision with everything needed to undo it.
 */
export async function mergeInTransaction(trx: Kysely<DB>, actor: Actor, input: MergeInput) {
	if (input.survivorId === input.loserId) {
		throw new AppError('MERGE_NOT_POSSIBLE', 'Inovasi tidak dapat digabungkan dengan dirinya sendiri.');
	}
	const rows = new Map((await lockInnovations(trx, [input.survivorId, input.loserId])).map((r) => [r.id, r]));
	const survivor = liveInnovation(rows.get(input.survivorId), input.survivorId, 'MERGE_NOT_POSSIBLE');
	const loser = liveInnovation(rows.get(input.loserId), input.loserId, 'MERGE_NOT_POSSIBLE');
	const decisionId = await insertMatchDecision(trx, { kind: input.kind, reviewId: input.reviewId, actor: actor.id, reason: input.reason });

	const records = await lockSourceRecordsOf(trx, [survivor.id, loser.id]);
	const moves: RecordMove[] = records
		.filter((r) => r.innovation_id === loser.id)
		.map((r) => {
			const before = { score: r.match_score, reasons: r.match_reasons };
			return { sourceRecordId: r.id, from: loser.id, to: survivor.id, before, after: input.matchOverrides?.get(r.id) ?? before };
		});

	const awards = await listAwardRows(trx, [survivor.id, loser.id]);
	const held = new Set(awards.filter((a) => a.innovation_id === survivor.id).map(awardKey));
	const awardMoves: AwardMove[] = [];
	for (const award of awards) {
		if (award.innovation_id !== loser.id || held.has(awardKey(award))) continue;
		held.add(awardKey(award));
		awardMoves.push({ awardId: award.id, from: loser.id, to: survivor.id });
	}

	const rebuilt = rebuildCanonicalFields({ priority: configuredSourcePriority(),
		current: canonicalValuesOf(survivor),
		provenance: survivor.provenance,
		records: records.map(linkedRecordOf)
	});
	const note = `keputusan kurasi #${decisionId}`;
	const survivorVersion = await writeInnovation(
		trx,
		survivor,
		{ values: rebuilt.values, provenance: rebuilt.provenance },
		{ actor, action: 'update', reason: withNote(`Digabung dengan "${loser.title}" (${loser.id}), ${note}`, input.reason) }
	);
	const deletedAt = new Date();
	const loserReason = withNote(`Digabung ke "${survivor.title}" (${survivor.id}), ${note}`, input.reason);
	const loserVersion = await writeInnovation(
		trx,
		loser,
		{
			values: {},
			provenance: loser.provenance,
			extra: { deleted_at: deletedAt, deleted_by: actor.id, delete_reason: loserReason }
		},
		{ actor, action: 'delete', reason: loserReason, extraChanges: { deleted_at: { from: null, to: deletedAt.toISOString() } } }
	);
	await setSourceRecordMatches(
		trx,
		moves.map((m) => ({ sourceRecordId: m.sourceRecordId, innovationId: m.to, score: m.after.score, reasons: m.after.reasons }))
	);
	await moveAwards(trx, awardMoves);

	const state: DecisionState = {
		moves,
		awards: awardMoves,
		before: [snapshotOf(survivor), snapshotOf(loser)],
		afterVersions: { [survivor.id]: survivorVersion, [loser.id]: loserVersion },
		created: null,
		deleted: loser.id
	};
	await completeMatchDecision(trx, decisionId, {
		targetInnovationId: survivor.id,
		sourceInnovationId: loser.id,
		innovationIds: [survivor.id, loser.id],
		state
	});
	return { decisionId, survivorId: survivor.id, loserId: loser.id, movedRecords: moves.length };
}

/** The curator's note after the system's description, when there is one. */
export function withNote(description: string, note: string | null | undefined): string {
	return note ? `${description}. Catatan: ${note}` : description;
}

const MAX_NOTE = 1000;

/** A curator's optional note, trimmed; refused when too long. */
export function curatorNote(note: string | null | undefined): string | null {
	const trimmed = note?.trim() ?? '';
	if (trimmed.length > MAX_NOTE) throw new AppError('VALIDATION_FAILED', `Catatan paling panjang ${MAX_NOTE} karakter.`);
	return trimmed || null;
}

export function decidedMessage(review: { id: number; status: MatchReviewStatus; decided_by: string | null }): string {
	const what = review.status === 'confirmed' ? 'dikonfirmasi sebagai duplikat' : 'ditolak (bukan duplikat)';
	return `Pasangan #${review.id} sudah ${what}${review.decided_by ? ` oleh ${review.decided_by}` : ''}. Batalkan keputusan itu di log keputusan bila perlu diubah.`;
}

