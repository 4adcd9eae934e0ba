import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { replicationMail, replicationNotificationText, replicationPath } from '../domain/replication/notification-text';
import { findReplicationNoticeFacts, insertNotifications, listReplicationRecipients } from '../repositories/notification-repository';
import { queueMail } from './send-mail';

export interface ReplicationNotice {
	replicationId: string;
	/** The event that happened: an action ('file', 'accept', ...), 'message' or a reminder kind. */
	eventKind: string;
	/** The user who acted (not notified); null for the system (reminders). */
	actorUserId: string | null;
	/** A reason or message quoted in the notification (shortened). */
	note?: string | null;
	/** The deadline a reminder is about ('YYYY-MM-DD'). */
	dueOn?: string | null;
}

export interface NotifyOptions {
	/** The site's public address for the link in e-mails (e.g. https://jippnas.go.id); without it the path alone. */
	baseUrl?: string;
}

/**
 * Tells every active party and facilitator of a replication what happened, except the actor:
 * operators of the originator and the replicator, coordinators of its hub, and the national
 * admins when it has no hub. Each gets one in-app notification and one e-mail, queued in the
 * outbox (never sent from inside the caller's transaction; the server's worker delivers it, and
 * an SMTP failure stays in the outbox without touching the transaction). Works on a transaction
 * handle; returns the number of people notified.
 */
export async function notifyReplicationParties(
	db: Kysely<DB>,
	input: ReplicationNotice,
	options: NotifyOptions = {}
): Promise<number> {
	const facts = await findReplicationNoticeFacts(db, input.replicationId);
	if (!facts) return 0;
	const recipients = (await listReplicationRecipients(db, facts)).filter((user) => user.id !== input.actorUserId);
	if (!recipients.length) return 0;
	const text = replicationNotificationText({
		eventKind: input.eventKind,
		innovationTitle: facts.innovation_title,
		originatorName: facts.originator_name,
		replicatorName: facts.replicator_name,
		note: input.note ?? null,
		dueOn: input.dueOn ?? null
	});
	const link = replicationPath(facts.id);
	await insertNotifications(
		db,
		recipients.map((user) => ({
			userId: user.id,
			replicationId: facts.id,
			kind: input.eventKind,
			title: text.title,
			body: text.body,
			link
		}))
	);
	const mailLink = options.baseUrl ? new URL(link, options.baseUrl).href : link;
	for (const user of recipients) {
		await queueMail(db, { to: user.email, ...replicationMail(user.name, text, mailLink) });
	}
	return recipients.length;
}
