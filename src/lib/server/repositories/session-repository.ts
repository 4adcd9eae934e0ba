import type { Insertable, Kysely } from 'kysely';
import type { DB, SessionsTable } from '../db/schema';

export async function insertSession(db: Kysely<DB>, row: Insertable<SessionsTable>): Promise<void> {
	await db.insertInto('sessions').values(row).execute();
}

/** A live session of an active user, with what the request needs to know about them. */
export function findLiveSession(db: Kysely<DB>, id: string, now: Date) {
	return db
		.selectFrom('sessions as s')
		.innerJoin('users as u', 'u.id', 's.user_id')
		.select([
			's.id',
			's.csrf_token',
			's.last_seen_at',
			's.expires_at',
			'u.id as user_id',
			'u.name',
			'u.email',
			'u.role',
			'u.agency_id',
			'u.hub_id'
		])
		.where('s.id', '=', id)
		.where('s.expires_at', '>', now)
		.where('u.disabled_at', 'is', null)
		.executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, id: string, lastSeen: Date, expiresAt: Date): Promise<void> {
	await db.updateTable('sessions').set({ last_seen_at: lastSeen, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (sign out everywhere, password change, disabled account), but `exceptId`. */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string, exceptId?: string): Promise<number> {
	const result = await db
		.deleteFrom('sessions')
		.where('user_id', '=', userId)
		.$if(!!exceptId, (q) => q.where('id', '<>', exceptId!))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function countSessionsOfUser(db: Kysely<DB>, userId: string, now: Date): Promise<number> {
	const row = await db
		.selectFrom('sessions')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('user_id', '=', userId)
		.where('expires_at', '>', now)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
	const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
	return Number(result.numDeletedRows);
}
