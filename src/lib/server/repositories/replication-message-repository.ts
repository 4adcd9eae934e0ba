import type { Kysely } from 'kysely';
import type { DB, ReplicationPart, ReplicationState } from '../db/schema';
import { insertReplicationEvent } from './replication-repository';

/** The thread between the parties of a replication, oldest first, with each author's name. */
export function listReplicationMessages(db: Kysely<DB>, replicationId: string) {
	return db
		.selectFrom('replication_messages as m')
		.innerJoin('users as u', 'u.id', 'm.author')
		.select(['m.id', 'm.author as author_id', 'u.name as author_name', 'm.body', 'm.created_at'])
		.where('m.replication_id', '=', replicationId)
		.orderBy('m.id')
		.execute();
}

export type ReplicationMessageRow = Awaited<ReturnType<typeof listReplicationMessages>>[number];

export async function insertReplicationMessage(
	db: Kysely<DB>,
	message: { replicationId: string; author: string; body: string }
): Promise<{ id: number; created_at: Date }> {
	const row = await db
		.insertInto('replication_messages')
		.values({ replication_id: message.replicationId, author: message.author, body: message.body })
		.returning(['id', 'created_at'])
		.executeTakeFirstOrThrow();
	return { id: Number(row.id), created_at: row.created_at };
}

/** What deciding who may write in the thread needs; locked so the message lands on the row as read. */
export function findReplicationForMessage(db: Kysely<DB>, replicationId: string) {
	return db
		.selectFrom('replications')
		.select(['id', 'state', 'originator_agency_id', 'replicator_agency_id', 'hub_id'])
		.where('id', '=', replicationId)
		.forUpdate()
		.executeTakeFirst();
}

/**
 * One timeline entry that is not a state change (a message, a reminder). By default the
 * replication's `updated_at` moves too so inboxes sort it as recent activity; its `version` never
 * does, because forms drawn before a message are still current.
 */
export async function appendReplicationActivity(
	db: Kysely<DB>,
	event: {
		replicationId: string;
		kind: string;
		state: ReplicationState;
		actor: string;
		actorPart: ReplicationPart;
		note?: string | null;
		payload?: Record<string, unknown>;
		at?: Date;
		/** Move `updated_at` (people's activity); reminders from the system do not. */
		touch?: boolean;
	}
): Promise<number> {
	const id = await insertReplicationEvent(db, {
		replicationId: event.replicationId,
		kind: event.kind,
		fromState: event.state,
		toState: event.state,
		actor: event.actor,
		actorPart: event.actorPart,
		note: event.note ?? null,
		payload: event.payload ?? {}
	});
	if (event.touch === false) return id;
	await db
		.updateTable('replications')
		.set({ updated_at: event.at ?? new Date() })
		.where('id', '=', event.replicationId)
		.execute();
	return id;
}
