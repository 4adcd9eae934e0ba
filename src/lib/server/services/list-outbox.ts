import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { authorize, type Actor } from '../policy';
import { countMail, listMail } from '../repositories/outbox-repository';

export const OUTBOX_PAGE_SIZE = 20;

/** The e-mails the registry has sent or holds, newest first, for the admin. */
export async function listOutbox(db: Kysely<DB>, actor: Actor | null, page = 1) {
	authorize(actor, 'outbox.read');
	const [rows, total] = await Promise.all([
		listMail(db, { limit: OUTBOX_PAGE_SIZE, offset: (page - 1) * OUTBOX_PAGE_SIZE }),
		countMail(db)
	]);
	return {
		total,
		page,
		pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
		messages: rows.map((row) => ({
			id: Number(row.id),
			to: row.to_address,
			subject: row.subject,
			body: row.body,
			status: row.status,
			error: row.error,
			createdAt: new Date(row.created_at).toISOString(),
			sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null
		}))
	};
}
