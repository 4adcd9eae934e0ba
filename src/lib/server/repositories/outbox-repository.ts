import type { Kysely } from 'kysely';
import type { DB, OutboxStatus } from '../db/schema';

export async function insertMail(
	db: Kysely<DB>,
	mail: { to: string; subject: string; body: string; status: OutboxStatus }
): Promise<number> {
	const row = await db
		.insertInto('outbox')
		.values({ to_address: mail.to, subject: mail.subject, body: mail.body, status: mail.status })
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

export async function setMailStatus(
	db: Kysely<DB>,
	id: number,
	status: OutboxStatus,
	details: { error?: string | null; sentAt?: Date | null } = {}
): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ status, error: details.error ?? null, sent_at: details.sentAt ?? null })
		.where('id', '=', id)
		.execute();
}

export function listMail(db: Kysely<DB>, page: { limit: number; offset: number }) {
	return db
		.selectFrom('outbox')
		.selectAll()
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(page.limit)
		.offset(page.offset)
		.execute();
}

export async function countMail(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('outbox')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
