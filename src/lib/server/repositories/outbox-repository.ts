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

/** What a claimed message shows while it is being delivered (and after, if the process died then). */
export const DELIVERY_IN_PROGRESS = 'Sedang dikirim; bila tetap begini, pengiriman terputus dan e-mail ini tidak terkirim.';

/**
 * Claims queued mail ('pending') created before `before`, oldest first: each row is marked
 * failed-with-"in progress" in one statement, so another server process never sends it too and
 * no transaction stays open while SMTP answers. Rows sendMail is delivering right now are younger
 * than `before`.
 */
export function claimQueuedMail(db: Kysely<DB>, before: Date, limit: number) {
	return db
		.updateTable('outbox')
		.set({ status: 'failed', error: DELIVERY_IN_PROGRESS })
		.where('id', 'in', (eb) =>
			eb
				.selectFrom('outbox')
				.select('id')
				.where('status', '=', 'pending')
				.where('created_at', '<', before)
				.orderBy('id')
				.limit(limit)
				.forUpdate()
				.skipLocked()
		)
		.returning(['id', 'to_address', 'subject', 'body'])
		.execute();
}

/** Without SMTP, queued mail created before `before` is held in the outbox for the admin to read. */
export async function holdQueuedMail(db: Kysely<DB>, before: Date): Promise<number> {
	const result = await db
		.updateTable('outbox')
		.set({ status: 'held' })
		.where('status', '=', 'pending')
		.where('created_at', '<', before)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
