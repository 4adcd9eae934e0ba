import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ReplicationDocumentKind, ReplicationDocumentsTable, ReplicationPart, ReplicationState, UploadMediaType } from '../db/schema';

/**
 * replication_documents (0011): uploaded files of a replication, soft-removed only. Also the
 * few reads of the replication itself that documents need (parties and state), so that the
 * document services do not depend on the workflow's own repository.
 */
export type ReplicationDocumentRow = Selectable<ReplicationDocumentsTable>;

export interface ReplicationForDocuments {
	id: string;
	state: ReplicationState;
	originator_agency_id: string;
	replicator_agency_id: string;
	hub_id: string | null;
}

/** The replication's parties and state; `forUpdate` locks the row until the transaction ends. */
export async function findReplicationForDocuments(
	db: Kysely<DB>,
	replicationId: string,
	options: { forUpdate?: boolean } = {}
): Promise<ReplicationForDocuments | undefined> {
	let query = db
		.selectFrom('replications')
		.select(['id', 'state', 'originator_agency_id', 'replicator_agency_id', 'hub_id'])
		.where('id', '=', replicationId);
	if (options.forUpdate) query = query.forUpdate();
	return query.executeTakeFirst();
}

export interface NewReplicationDocument {
	id: string;
	replicationId: string;
	kind: ReplicationDocumentKind;
	fileName: string;
	mediaType: UploadMediaType;
	sizeBytes: number;
	sha256: string;
	storagePath: string;
	reportId?: number | null;
	uploadedBy: string;
}

export async function insertReplicationDocument(db: Kysely<DB>, document: NewReplicationDocument): Promise<ReplicationDocumentRow> {
	return db
		.insertInto('replication_documents')
		.values({
			id: document.id,
			replication_id: document.replicationId,
			kind: document.kind,
			file_name: document.fileName,
			media_type: document.mediaType,
			size_bytes: document.sizeBytes,
			sha256: document.sha256,
			storage_path: document.storagePath,
			report_id: document.reportId ?? null,
			uploaded_by: document.uploadedBy
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export interface ReplicationDocumentListItem extends ReplicationDocumentRow {
	uploader_name: string | null;
	removed: boolean;
}

/** Every document of a replication, removed ones included (flagged), in upload order. */
export async function listReplicationDocuments(db: Kysely<DB>, replicationId: string): Promise<ReplicationDocumentListItem[]> {
	const rows = await db
		.selectFrom('replication_documents as d')
		.leftJoin('users as u', 'u.id', 'd.uploaded_by')
		.selectAll('d')
		.select('u.name as uploader_name')
		.where('d.replication_id', '=', replicationId)
		.orderBy('d.uploaded_at')
		.orderBy('d.id')
		.execute();
	return rows.map((row) => ({ ...row, removed: row.removed_at !== null }));
}

export interface ReplicationDocumentWithParties extends ReplicationDocumentRow {
	state: ReplicationState;
	originator_agency_id: string;
	replicator_agency_id: string;
	hub_id: string | null;
}

/** One document with its replication's parties and state (for access checks). */
export async function findReplicationDocument(
	db: Kysely<DB>,
	documentId: string,
	options: { forUpdate?: boolean } = {}
): Promise<ReplicationDocumentWithParties | undefined> {
	let query = db
		.selectFrom('replication_documents as d')
		.innerJoin('replications as r', 'r.id', 'd.replication_id')
		.selectAll('d')
		.select(['r.state', 'r.originator_agency_id', 'r.replicator_agency_id', 'r.hub_id'])
		.where('d.id', '=', documentId);
	if (options.forUpdate) query = query.forUpdate();
	return query.executeTakeFirst();
}

/** Marks the document removed (once); false when it already was. */
export async function markReplicationDocumentRemoved(db: Kysely<DB>, documentId: string, removedBy: string): Promise<boolean> {
	const result = await db
		.updateTable('replication_documents')
		.set({ removed_at: sql<Date>`now()`, removed_by: removedBy })
		.where('id', '=', documentId)
		.where('removed_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Whether a monitoring report belongs to the replication (a report file is attached to it). */
export async function reportBelongsTo(db: Kysely<DB>, reportId: number, replicationId: string): Promise<boolean> {
	const row = await db
		.selectFrom('replication_reports')
		.select('id')
		.where('id', '=', reportId)
		.where('replication_id', '=', replicationId)
		.executeTakeFirst();
	return row !== undefined;
}

export interface DocumentEvent {
	replicationId: string;
	kind: 'document_uploaded' | 'document_removed';
	actor: string;
	actorPart: ReplicationPart;
	payload: Record<string, unknown>;
	note?: string | null;
}

/**
 * A timeline entry for an upload or removal; the replication's updated_at moves too (inboxes
 * sort by it), but not its version: a document changes no field a form was drawn from.
 */
export async function recordDocumentEvent(db: Kysely<DB>, event: DocumentEvent): Promise<void> {
	await db
		.insertInto('replication_events')
		.values({
			replication_id: event.replicationId,
			kind: event.kind,
			from_state: null,
			to_state: null,
			actor: event.actor,
			actor_part: event.actorPart,
			note: event.note ?? null,
			payload: JSON.stringify(event.payload)
		})
		.execute();
	await db.updateTable('replications').set({ updated_at: sql<Date>`now()` }).where('id', '=', event.replicationId).execute();
}
