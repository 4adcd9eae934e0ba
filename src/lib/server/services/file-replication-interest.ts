import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { fileInterestSchema, type FileInterestInput } from '../domain/replication/replication-input';
import { newReplicationId } from '../domain/replication/replication-numbers';
import { decideFiling } from '../domain/replication/state-machine';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import { lockInnovation } from '../repositories/innovation-repository';
import {
	findHubOfAgency,
	findOpenReplication,
	insertReplication,
	insertReplicationEvent
} from '../repositories/replication-repository';
import { agencyExists } from '../repositories/user-repository';
import { notifyReplicationParties } from './notify-replication-parties';
import { parseStepInput, type StepOptions, type StepResult } from './replication-steps';

/**
 * An agency files its interest in replicating another agency's innovation: a new replication in
 * 'minat', facilitated by the replicator's hub (or, without one, the national admins). Operators
 * file for their own agency; admins for the agency they name. The letter of interest is uploaded
 * afterwards (upload-replication-document, kind surat_minat).
 */
export async function fileReplicationInterest(
	db: Kysely<DB>,
	actor: Actor,
	input: FileInterestInput,
	options: StepOptions = {}
): Promise<StepResult> {
	const data = parseStepInput(fileInterestSchema, input);
	const result = await db.transaction().execute(async (trx) => {
		// Locked so that two filings of the same agency cannot both pass the open-replication check.
		const innovation = await lockInnovation(trx, data.innovationId);
		if (!innovation) throw new AppError('INNOVATION_NOT_FOUND');
		const requested = data.replicatorAgencyId ?? null;
		if (requested && actor.role !== 'operator' && !(await agencyExists(trx, requested))) throw new AppError('AGENCY_NOT_FOUND');
		const agencyId = actor.role === 'operator' ? actor.agencyId : requested;
		const open = agencyId ? await findOpenReplication(trx, innovation.id, agencyId) : undefined;
		const decision = decideFiling({
			actor,
			requestedAgencyId: requested,
			innovationAgencyId: innovation.agency_id,
			innovationDeleted: innovation.deleted_at !== null,
			openExists: open !== undefined
		});
		if (!decision.ok) throw new AppError(decision.code);
		authorize(actor, 'replication.file', innovation);

		const row = await insertReplication(trx, {
			id: newReplicationId(),
			innovation_id: innovation.id,
			originator_agency_id: innovation.agency_id,
			replicator_agency_id: decision.replicatorAgencyId,
			hub_id: await findHubOfAgency(trx, decision.replicatorAgencyId),
			kind: data.kind,
			state: 'minat',
			interest_scope: data.interestScope,
			interest_reason: data.interestReason,
			created_by: actor.id,
			...(options.now ? { created_at: options.now, updated_at: options.now } : {})
		});
		const eventId = await insertReplicationEvent(trx, {
			replicationId: row.id,
			kind: 'file',
			fromState: null,
			toState: 'minat',
			actor: actor.id,
			actorPart: actor.role === 'operator' ? 'replikator' : actor.role === 'system' ? 'sistem' : 'fasilitator',
			payload: { kind: row.kind, innovationId: innovation.id, replicatorAgencyId: row.replicator_agency_id }
		});
		const snapshot = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
		await appendChanges(trx, [
			{
				entityType: 'replication',
				entityId: row.id,
				version: row.version,
				action: 'create',
				actor: actor.id,
				snapshot,
				reason: 'minat replikasi diajukan'
			}
		]);
		await notifyReplicationParties(trx, { replicationId: row.id, eventKind: 'file', actorUserId: actor.id }, options);
		return { id: row.id, state: row.state, version: row.version, eventId };
	});
	clearReadCaches(db);
	return result;
}
