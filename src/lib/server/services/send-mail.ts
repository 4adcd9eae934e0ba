import type { Kysely } from 'kysely';
import type { MailTransport } from '../auth/mail-transport';
import type { DB } from '../db/schema';
import { insertMail, setMailStatus } from '../repositories/outbox-repository';

export interface Mailer {
	/** null: no SMTP configured; messages are held in the outbox for the admin to read. */
	transport: MailTransport | null;
	from: string;
}

export const HOLD_IN_OUTBOX: Mailer = { transport: null, from: 'JIPPNas <noreply@jippnas.invalid>' };

export interface OutgoingMail {
	to: string;
	subject: string;
	body: string;
}

/**
 * Every message is written to the outbox first, then handed to SMTP when it is configured; a
 * failed delivery stays in the outbox with its error, so nothing sent is ever lost.
 */
export async function sendMail(db: Kysely<DB>, mail: OutgoingMail, mailer: Mailer = HOLD_IN_OUTBOX): Promise<number> {
	const id = await insertMail(db, { ...mail, status: mailer.transport ? 'pending' : 'held' });
	if (!mailer.transport) return id;
	try {
		await mailer.transport.send({ from: mailer.from, to: mail.to, subject: mail.subject, text: mail.body });
		await setMailStatus(db, id, 'sent', { sentAt: new Date() });
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		console.error(`[mail] pengiriman ke ${mail.to} gagal: ${reason}`);
		await setMailStatus(db, id, 'failed', { error: reason.slice(0, 500) });
	}
	return id;
}

/**
 * Queues a message without sending it: for mail written inside a transaction (notifications),
 * where waiting for SMTP would hold the transaction open and a rollback would take back the row
 * but not the sent mail. `deliverQueuedMail` (run by the server's worker) sends it afterwards.
 */
export function queueMail(db: Kysely<DB>, mail: OutgoingMail): Promise<number> {
	return insertMail(db, { ...mail, status: 'pending' });
}
