import type { Kysely } from 'kysely';
import { configuredSourcePriority } from '../config/source-priority';
import type { DB, NewInnovationRow, SourceKey } from '../db/schema';
import { CANONICAL_COLUMN_NAMES, emptyValueOf, rebuildCanonicalFields, type CanonicalColumn } from '../domain/import/canonical-fields';
import type { AwardMove, DecisionState } from '../domain/curation/match-decisions';
import { innovationId } from '../domain/ids';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import {
	completeMatchDecision,
	copyAwards,
	insertMatchDecision,
	listAwardRows,
	lockInnovations,
	lockSourceRecordByKey,
	lockSourceRecordsOf,
	moveAwards
} from '../repositories/curation-repository';
import { insertInnovations, setSourceRecordMatches } from '../repositories/import-repository';
import {
	awardKey,
	candidateAwardsOf,
	canonicalValuesOf,
	curatorNote,
	linkedRecordOf,
	liveInnovation,
	snapshotOf,
	withNote,
	writeInnovation
} from './curation-steps';

export interface SplitSourceRecordInput {
	source: SourceKey;
	externalId: string;
	/** The innovation the curator saw the record on; refused when it has moved since. */
	fromInnovationId?: string;
	note?: string | null;
}

/**
 * Moves one source record out of its innovation into a new innovation built from that record
 * alone; the rest of the innovation is rebuilt from its remaining records. Awards only the moved
 * record supplies go with it; awards other records also supply are copied. Undo with
 * undoMatchDecision.
 */
export async function splitSourceRecord(db: Kysely<DB>, actor: Actor, input: SplitSourceRecordInput) {
	authorize(actor, 'import.review');
	const note = curatorNote(input.note);
	const outcome = await db.transaction().execute(async (trx) => {
		const record = await lockSourceRecordByKey(trx, input.source, input.externalId);
		if (!record) throw new AppError('SOURCE_RECORD_NOT_FOUND', `Rekaman sumber ${input.source} ${input.externalId} tidak ditemukan.`);
		if (!record.innovation_id) throw new AppError('SPLIT_NOT_POSSIBLE', 'Rekaman sumber ini belum tertaut ke inovasi mana pun.');
		if (input.fromInnovationId && record.innovation_id !== input.fromInnovationId) {
			throw new AppError('SPLIT_NOT_POSSIBLE', 'Rekaman sumber ini sudah tidak berada di inovasi tersebut. Muat ulang halaman untuk melihat keadaan terbaru.');
		}
		const [row] = await lockInnovations(trx, [record.innovation_id]);
		const original = liveInnovation(row, record.innovation_id, 'SPLIT_NOT_POSSIBLE');
		const records = await lockSourceRecordsOf(trx, [original.id]);
		const remaining = records.filter((r) => r.id !== record.id);
		if (remaining.length === 0) {
			throw new AppError('SPLIT_NOT_POSSIBLE', 'Rekaman sumber ini satu-satunya rekaman inovasi ini; tidak ada yang perlu dipisahkan.');
		}
		if (!linkedRecordOf(record).record.title) {
			throw new AppError(
				'SPLIT_NOT_POSSIBLE',
				'Rekaman sumber ini disimpan tanpa data hasil normalisasi, sehingga inovasi baru tidak dapat dibentuk darinya. Impor ulang berkas sumbernya terlebih dahulu.'
			);
		}
		const decisionId = await insertMatchDecision(trx, { kind: 'split', reviewId: null, actor: actor.id, reason: note });
		const label = `${record.source} ${record.external_id}`;

		// The new innovation: every canonical field from the moved record alone.
		const newId = innovationId();
		const empty = Object.fromEntries(CANONICAL_COLUMN_NAMES.map((c) => [c, emptyValueOf(c)])) as Record<CanonicalColumn, unknown>;
		const built = rebuildCanonicalFields({ priority: configuredSourcePriority(), current: empty, provenance: {}, records: [linkedRecordOf(record)] });
		await insertInnovations(trx, [{ ...(built.values as object), id: newId, provenance: JSON.stringify(built.provenance) } as NewInnovationRow]);
		const createReason = withNote(`Dipisahkan dari "${original.title}" (${original.id}): rekaman ${label}, keputusan kurasi #${decisionId}`, note);
		await appendChanges(trx, [
			{
				entityType: 'innovation',
				entityId: newId,
				version: 1,
				action: 'create',
				actor: actor.id,
				changes: Object.fromEntries(Object.entries(built.values).map(([c, v]) => [c, { from: null, to: v }])),
				snapshot: { ...built.values, id: newId, provenance: built.provenance },
				reason: createReason
			}
		]);

		const rebuilt = rebuildCanonicalFields({ priority: configuredSourcePriority(),
			current: canonicalValuesOf(original),
			provenance: original.provenance,
			records: remaining.map(linkedRecordOf)
		});
		const originalVersion = await writeInnovation(
			trx,
			original,
			{ values: rebuilt.values, provenance: rebuilt.provenance },
			{ actor, action: 'update', reason: withNote(`Rekaman ${label} dipisahkan menjadi inovasi ${newId}, keputusan kurasi #${decisionId}`, note) }
		);

		// Awards: those only the moved record supplies follow it; shared ones are copied.
		const stillSupplied = new Set(remaining.flatMap(candidateAwardsOf).map(awardKey));
		const ownAwards = new Set(candidateAwardsOf(record).map(awardKey));
		const awardMoves: AwardMove[] = [];
		const copies = [];
		for (const award of await listAwardRows(trx, [original.id])) {
			if (!ownAwards.has(awardKey(award))) continue;
			if (stillSupplied.has(awardKey(award))) copies.push(award);
			else awardMoves.push({ awardId: award.id, from: original.id, to: newId });
		}
		await moveAwards(trx, awardMoves);
		await copyAwards(trx, newId, copies);

		const before = { score: record.match_score, reasons: record.match_reasons };
		const after = { score: null, reasons: [] };
		await setSourceRecordMatches(trx, [{ sourceRecordId: record.id, innovationId: newId, score: null, reasons: [] }]);
		const state: DecisionState = {
			moves: [{ sourceRecordId: record.id, from: original.id, to: newId, before, after }],
			awards: awardMoves,
			before: [snapshotOf(original)],
			afterVersions: { [original.id]: originalVersion, [newId]: 1 },
			created: newId,
			deleted: null
		};
		await completeMatchDecision(trx, decisionId, {
			targetInnovationId: newId,
			sourceInnovationId: original.id,
			innovationIds: [original.id, newId],
			state
		});
		return { decisionId, innovationId: newId, fromInnovationId: original.id };
	});
	clearReadCaches(db);
	return outcome;
}
