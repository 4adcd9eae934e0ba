import type { Kysely } from 'kysely';
import type { DB, PasswordTokenPurpose } from '../db/schema';

export async function insertPasswordToken(
	db: Kysely<DB>,
	token: { id: string; userId: string; purpose: PasswordTokenPurpose; expiresAt: Date }
): Promise<void> {
	await db
		.insertInto('password_tokens')
		.values({ id: token.id, user_id: token.userId, purpose: token.purpose, expires_at: token.expiresAt })
		.execute();
}

/** An unused, unexpired link of an active user. */
export function findUsablePasswordToken(db: Kysely<DB>, id: string, now: Date) {
	return db
		.selectFrom('password_tokens as t')
		.innerJoin('users as u', 'u.id', 't.user_id')
		.select(['t.id', 't.purpose', 't.expires_at', 'u.id as user_id', 'u.email', 'u.name'])
		.where('t.id', '=', id)
		.where('t.used_at', 'is', null)
		.where('t.expires_at', '>', now)
		.where('u.disabled_at', 'is', null)
		.executeTakeFirst();
}

/** Marks the link used; false when it was used meanwhile (two tabs submitting at once). */
export async function markPasswordTokenUsed(db: Kysely<DB>, id: string, at: Date): Promise<boolean> {
	const result = await db
		.updateTable('password_tokens')
		.set({ used_at: at })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Earlier links stop working when a new one is sent or the password is set. */
export async function expireOpenPasswordTokens(db: Kysely<DB>, userId: string, at: Date): Promise<void> {
	await db
		.updateTable('password_tokens')
		.set({ expires_at: at })
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.where('expires_at', '>', at)
		.execute();
}

export async function countRecentPasswordTokens(db: Kysely<DB>, userId: string, since: Date): Promise<number> {
	const row = await db
		.selectFrom('password_tokens')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('user_id', '=', userId)
		.where('created_at', '>', since)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
