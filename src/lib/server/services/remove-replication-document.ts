/**
 * Removes a replication document, softly: the row and the file stay (the timeline and audits
 * still point at them), it is only no longer listed as current nor served to the parties.
 * Whoever uploaded it (while still a party) or a facilitator may remove it, while the
 * replication is open.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { isOpenState } from '../domain/replication/document-kinds';
import { AppError, validationError } from '../errors';
import { authorize, can, type Actor } from '../policy';
import { appendChanges } from '../repositories/change-history-repository';
import { findReplicationDocument, markReplicationDocumentRemoved, recordDocumentEvent } from '../repositories/replication-document-repository';
import { notifyReplicationParties } from './notify-replication-parties';
import { actingPart, inTransaction, type DocumentServiceOptions } from './replication-document-steps';

export interface RemoveReplicationDocumentInput {
	documentId: string;
	/** Why, optional (shown on the timeline). */
	reason?: string | null;
}

const inputSchema = z.object({
	documentId: z.string().min(1).max(100),
	reason: z
		.string()
		.trim()
		.max(1000, 'Alasan paling panjang 1000 karakter.')
		.nullish()
		.transform((text) => text || null)
});

export async function removeReplicationDocument(
	db: Kysely<DB>,
	actor: Actor | null,
	input: RemoveReplicationDocumentInput,
	options: Pick<DocumentServiceOptions, 'baseUrl'> = {}
): Promise<{ id: string; replicationId: string }> {
	if (!actor) throw new AppError('UNAUTHENTICATED');
	const parsed = inputSchema.safeParse(input);
	if (!parsed.success) throw validationError(parsed.error);
	const { documentId, reason } = parsed.data;

	return inTransaction(db, async (trx) => {
		const document = await findReplicationDocument(trx, documentId, { forUpdate: true });
		if (!document || !can(actor, 'replication.readPrivate', document)) throw new AppError('DOCUMENT_NOT_FOUND');
		authorize(actor, 'replication.removeDocument', document);
		// A closed replication's record stays as it was closed.
		if (!isOpenState(document.state)) {
			throw new AppError('REPLICATION_STEP_NOT_ALLOWED', 'Replikasi ini sudah ditutup; dokumennya tidak dapat dihapus lagi.');
		}
		if (!(await markReplicationDocumentRemoved(trx, documentId, actor.id))) throw new AppError('DOCUMENT_ALREADY_REMOVED');
		await recordDocumentEvent(trx, {
			replicationId: document.replication_id,
			kind: 'document_removed',
			actor: actor.id,
			actorPart: actingPart(actor, document),
			note: reason,
			payload: { documentId, kind: document.kind, fileName: document.file_name }
		});
		await appendChanges(trx, [
			{
				entityType: 'replication_document',
				entityId: documentId,
				version: null,
				action: 'delete',
				actor: actor.id,
				changes: { removed: { from: false, to: true } },
				reason
			}
		]);
		await notifyReplicationParties(
			trx,
			{
				replicationId: document.replication_id,
				eventKind: 'removeDocument',
				actorUserId: actor.role === 'system' ? null : actor.id,
				note: reason ? `${document.file_name}: ${reason}` : document.file_name
			},
			{ baseUrl: options.baseUrl }
		);
		return { id: documentId, replicationId: document.replication_id };
	});
}
