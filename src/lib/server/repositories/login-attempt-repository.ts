import type { Kysely } from 'kysely';
import type { DB, LoginOutcome } from '../db/schema';

export async function recordLoginAttempt(
	db: Kysely<DB>,
	attempt: { email: string; address: string; outcome: LoginOutcome; at: Date }
): Promise<void> {
	await db
		.insertInto('login_attempts')
		.values({ email: attempt.email, address: attempt.address, outcome: attempt.outcome, attempted_at: attempt.at })
		.execute();
}

export function attemptsForEmailSince(db: Kysely<DB>, email: string, since: Date, limit: number) {
	return db
		.selectFrom('login_attempts')
		.select(['outcome', 'attempted_at'])
		.where('email', '=', email)
		.where('attempted_at', '>', since)
		.orderBy('attempted_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
}

export async function failuresFromAddressSince(db: Kysely<DB>, address: string, since: Date, limit: number): Promise<Date[]> {
	const rows = await db
		.selectFrom('login_attempts')
		.select('attempted_at')
		.where('address', '=', address)
		.where('outcome', '=', 'failure')
		.where('attempted_at', '>', since)
		.orderBy('attempted_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => new Date(row.attempted_at));
}
