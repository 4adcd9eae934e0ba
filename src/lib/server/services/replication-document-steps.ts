/**
 * Steps shared by the replication document and paperwork services (upload, read, remove, PDFs).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, ReplicationPart } from '../db/schema';
import { partsOf, type ReplicationParties } from '../domain/replication/parts';
import { AppError } from '../errors';
import type { Actor } from '../policy';
import type { FileStoreSettings } from '../storage/file-store';

/**
 * Settings the routes pass in (services never read the environment): where files are kept and
 * the largest accepted (`fileStoreSettings(loadConfig())`), and the site's public address for
 * links in e-mails (BASE_URL; without it the e-mails carry the path only).
 */
export interface DocumentServiceOptions {
	store: FileStoreSettings;
	baseUrl?: string;
}

/**
 * The part the actor acts in, for the timeline. An operator is replikator or inovator (never
 * both); an admin or the hub's coordinator is fasilitator; the system acts as sistem.
 */
export function actingPart(actor: Actor, replication: ReplicationParties): Exclude<ReplicationPart, 'sistem'> | 'sistem' {
	if (actor.role === 'system') return 'sistem';
	const parts = partsOf(actor, replication);
	if (parts.has('replikator')) return 'replikator';
	if (parts.has('inovator')) return 'inovator';
	return 'fasilitator';
}

/** Runs the work in a transaction, or in the caller's when `db` already is one. */
export function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
	if (db.isTransaction) return work(db);
	return db.transaction().execute((trx: Transaction<DB>) => work(trx));
}

/** A replication one may not see answers exactly like one that does not exist. */
export const replicationNotFound = () => new AppError('REPLICATION_NOT_FOUND');
