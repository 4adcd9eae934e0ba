/**
 * The bytes of one replication document, for its download. Served only to those who may read
 * the replication's private details (parties, facilitators, curators, admins); to anyone else a
 * document answers exactly like one that does not exist, so ids reveal nothing. The stored
 * file is checked against its recorded SHA-256 before it is handed out.
 */
import type { Kysely } from 'kysely';
import type { DB, ReplicationDocumentKind, UploadMediaType } from '../db/schema';
import { AppError } from '../errors';
import { can, type Actor } from '../policy';
import { findReplicationDocument } from '../repositories/replication-document-repository';
import { readStoredFile } from '../storage/file-store';
import type { DocumentServiceOptions } from './replication-document-steps';

export interface ReplicationDocumentFile {
	id: string;
	replicationId: string;
	kind: ReplicationDocumentKind;
	fileName: string;
	mediaType: UploadMediaType;
	sizeBytes: number;
	sha256: string;
	bytes: Uint8Array;
}

export async function getReplicationDocument(
	db: Kysely<DB>,
	actor: Actor | null,
	documentId: string,
	options: Pick<DocumentServiceOptions, 'store'>
): Promise<ReplicationDocumentFile> {
	const document = typeof documentId === 'string' && documentId.length <= 100 ? await findReplicationDocument(db, documentId) : undefined;
	if (!document || !can(actor, 'replication.readPrivate', document)) throw new AppError('DOCUMENT_NOT_FOUND');
	// A removed document stays on disk (nothing is lost); only staff may still open it, for audit.
	if (document.removed_at !== null && !can(actor, 'replication.oversee')) throw new AppError('DOCUMENT_REMOVED');
	const bytes = await readStoredFile(options.store.dir, document.storage_path, document.sha256);
	return {
		id: document.id,
		replicationId: document.replication_id,
		kind: document.kind,
		fileName: document.file_name,
		mediaType: document.media_type,
		sizeBytes: document.size_bytes,
		sha256: document.sha256,
		bytes
	};
}
