import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { claimQueuedMail, holdQueuedMail, setMailStatus } from '../repositories/outbox-repository';
import type { Mailer } from './send-mail';

/**
 * Queued mail is left alone this long: sendMail writes its own messages as 'pending' too while
 * it talks to SMTP (at most ~40 s with the transport's time-outs), and those must not go twice.
 */
export const QUEUED_MAIL_MIN_AGE_MS = 2 * 60_000;

export interface DeliveredMail {
	sent: number;
	failed: number;
	held: number;
}

/**
 * Sends the mail queued by `queueMail` (notifications written inside transactions). Without
 * SMTP the messages are held in the outbox for the admin. A failed delivery keeps its error in
 * the outbox; nothing is retried automatically.
 */
export async function deliverQueuedMail(
	db: Kysely<DB>,
	mailer: Mailer,
	options: { now?: Date; limit?: number } = {}
): Promise<DeliveredMail> {
	const before = new Date((options.now ?? new Date()).getTime() - QUEUED_MAIL_MIN_AGE_MS);
	if (!mailer.transport) return { sent: 0, failed: 0, held: await holdQueuedMail(db, before) };
	const claimed = await claimQueuedMail(db, before, options.limit ?? 100);
	const outcome: DeliveredMail = { sent: 0, failed: 0, held: 0 };
	for (const mail of claimed) {
		const id = Number(mail.id);
		try {
			await mailer.transport.send({ from: mailer.from, to: mail.to_address, subject: mail.subject, text: mail.body });
			await setMailStatus(db, id, 'sent', { sentAt: new Date() });
			outcome.sent++;
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			console.error(`[mail] pengiriman ke ${mail.to_address} gagal: ${reason}`);
			await setMailStatus(db, id, 'failed', { error: reason.slice(0, 500) });
			outcome.failed++;
		}
	}
	return outcome;
}
