/**
 * A party or facilitator uploads a document to a replication: the letter of interest, the
 * signed agreement, the adaptation plan, the commitment letter, a monitoring report or another
 * document, each only at its step (domain/replication/document-kinds.ts). The content decides
 * the type (PDF, JPEG, PNG), never the name; the file is kept under its SHA-256 and the
 * checksum recorded, then the upload goes on the timeline and the others are told.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, ReplicationDocumentKind } from '../db/schema';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, documentKindRefusal } from '../domain/replication/document-kinds';
import { detectFileType, safeFileName } from '../domain/uploads/file-type';
import { AppError, validationError } from '../errors';
import { authorize, can, type Actor } from '../policy';
import { appendChanges } from '../repositories/change-history-repository';
import {
	findReplicationForDocuments,
	insertReplicationDocument,
	recordDocumentEvent,
	reportBelongsTo,
	type ReplicationDocumentRow
} from '../repositories/replication-document-repository';
import { storeFile } from '../storage/file-store';
import { notifyReplicationParties } from './notify-replication-parties';
import { actingPart, inTransaction, replicationNotFound, type DocumentServiceOptions } from './replication-document-steps';

export interface UploadReplicationDocumentInput {
	replicationId: string;
	kind: ReplicationDocumentKind | string;
	/** The name the uploader's file had (kept for downloads; its extension proves nothing). */
	fileName: string;
	bytes: Uint8Array;
	/** A monitoring report the file belongs to (laporan_pemantauan). */
	reportId?: number | null;
}

const inputSchema = z.object({
	replicationId: z.string().min(1).max(100),
	kind: z.enum(DOCUMENT_KINDS, { error: 'Pilih jenis dokumen.' }),
	fileName: z.string().max(1000, 'Nama berkas terlalu panjang.'),
	bytes: z.instanceof(Uint8Array, { error: 'Pilih berkas yang akan diunggah.' }),
	reportId: z.number().int().positive().nullish()
});

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** `dok-` and 12 characters of Crockford base32, like innovation ids. */
export function documentId(bytes: Uint8Array = randomBytes(12)): string {
	let out = 'dok-';
	for (let i = 0; i < 12; i++) out += ALPHABET[bytes[i]! % 32];
	return out;
}

export async function uploadReplicationDocument(
	db: Kysely<DB>,
	actor: Actor | null,
	input: UploadReplicationDocumentInput,
	options: DocumentServiceOptions
): Promise<ReplicationDocumentRow> {
	if (!actor) throw new AppError('UNAUTHENTICATED');
	const parsed = inputSchema.safeParse(input);
	if (!parsed.success) throw validationError(parsed.error);
	const { replicationId, kind, fileName, bytes, reportId } = parsed.data;

	const replication = await findReplicationForDocuments(db, replicationId);
	if (!replication || !can(actor, 'replication.readPrivate', replication)) throw replicationNotFound();
	authorize(actor, 'replication.uploadDocument', replication);
	const refusal = documentKindRefusal(kind, replication.state);
	if (refusal) throw new AppError('DOCUMENT_KIND_NOT_ALLOWED', refusal);

	const { store } = options;
	if (bytes.byteLength === 0) throw new AppError('UPLOAD_EMPTY');
	if (bytes.byteLength > store.maxBytes) {
		throw new AppError('UPLOAD_TOO_LARGE', `Berkas terlalu besar: maksimal ${Math.floor(store.maxBytes / (1024 * 1024))} MB.`);
	}
	const detected = detectFileType(bytes);
	if (!detected) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED');
	if (reportId != null && !(await reportBelongsTo(db, reportId, replicationId))) {
		throw new AppError('VALIDATION_FAILED', 'Laporan pemantauan tidak ditemukan pada replikasi ini.');
	}

	// Written before the transaction: a file whose row is never inserted is harmless (the same
	// content uploaded again reuses it), while a row without its file would not be.
	const stored = await storeFile(store.dir, bytes);
	const name = safeFileName(fileName, detected);

	return inTransaction(db, async (trx) => {
		// The step may have moved on since the checks above: decide again under the row lock.
		const current = await findReplicationForDocuments(trx, replicationId, { forUpdate: true });
		if (!current) throw replicationNotFound();
		authorize(actor, 'replication.uploadDocument', current);
		const refusalNow = documentKindRefusal(kind, current.state);
		if (refusalNow) throw new AppError('DOCUMENT_KIND_NOT_ALLOWED', refusalNow);

		const document = await insertReplicationDocument(trx, {
			id: documentId(),
			replicationId,
			kind,
			fileName: name,
			mediaType: detected.mediaType,
			sizeBytes: stored.sizeBytes,
			sha256: stored.sha256,
			storagePath: stored.storagePath,
			reportId: reportId ?? null,
			uploadedBy: actor.id
		});
		await recordDocumentEvent(trx, {
			replicationId,
			kind: 'document_uploaded',
			actor: actor.id,
			actorPart: actingPart(actor, current),
			payload: { documentId: document.id, kind, fileName: name }
		});
		await appendChanges(trx, [
			{
				entityType: 'replication_document',
				entityId: document.id,
				version: null,
				action: 'create',
				actor: actor.id,
				snapshot: {
					replicationId,
					kind,
					fileName: name,
					mediaType: detected.mediaType,
					sizeBytes: stored.sizeBytes,
					sha256: stored.sha256,
					reportId: reportId ?? null
				}
			}
		]);
		await notifyReplicationParties(
			trx,
			{
				replicationId,
				eventKind: 'uploadDocument',
				actorUserId: actor.role === 'system' ? null : actor.id,
				note: `${DOCUMENT_KIND_LABELS[kind]}: ${name}`
			},
			{ baseUrl: options.baseUrl }
		);
		return document;
	});
}
