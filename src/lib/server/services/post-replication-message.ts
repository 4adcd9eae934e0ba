import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { actingPartsOf, decideTransition, NO_FACTS } from '../domain/replication/state-machine';
import { AppError, validationError } from '../errors';
import { can, type Actor } from '../policy';
import {
	appendReplicationActivity,
	findReplicationForMessage,
	insertReplicationMessage
} from '../repositories/replication-message-repository';
import { notifyReplicationParties } from './notify-replication-parties';

export const MESSAGE_MAX_CHARS = 4000;

export const replicationMessageSchema = z.object({
	body: z
		.string({ error: 'Pesan wajib diisi.' })
		.trim()
		.min(1, 'Pesan wajib diisi.')
		.max(MESSAGE_MAX_CHARS, `Pesan paling panjang ${MESSAGE_MAX_CHARS} karakter.`)
});

export type ReplicationMessageInput = z.input<typeof replicationMessageSchema>;

export interface PostedMessage {
	id: number;
	replicationId: string;
	createdAt: string;
}

/**
 * A party (replikator, inovator) or the fasilitator writes in the replication's thread, in any
 * state. Curators read the thread but do not write in it (REPLICATION_PART_NOT_ALLOWED). Those who
 * may not see the replication's private details get REPLICATION_NOT_FOUND, so ids reveal nothing. The message is also a timeline event
 * ('message') and the others involved are notified.
 */
export async function postReplicationMessage(
	db: Kysely<DB>,
	actor: Actor | null,
	replicationId: string,
	input: ReplicationMessageInput,
	options: { baseUrl?: string } = {}
): Promise<PostedMessage> {
	if (!actor) throw new AppError('UNAUTHENTICATED');
	const parsed = replicationMessageSchema.safeParse(input);
	if (!parsed.success) throw validationError(parsed.error);
	const { body } = parsed.data;
	return db.transaction().execute(async (trx) => {
		const replication = await findReplicationForMessage(trx, replicationId);
		if (!replication || !can(actor, 'replication.readPrivate', replication)) throw new AppError('REPLICATION_NOT_FOUND');
		const decision = decideTransition(replication.state, NO_FACTS, 'postMessage', actingPartsOf(actor, replication));
		if (!decision.ok) throw new AppError(decision.code);
		const message = await insertReplicationMessage(trx, { replicationId, author: actor.id, body });
		await appendReplicationActivity(trx, {
			replicationId,
			kind: 'message',
			state: replication.state,
			actor: actor.id,
			actorPart: decision.actorPart,
			payload: { messageId: message.id }
		});
		await notifyReplicationParties(trx, { replicationId, eventKind: 'message', actorUserId: actor.id, note: body }, options);
		return { id: message.id, replicationId, createdAt: new Date(message.created_at).toISOString() };
	});
}
