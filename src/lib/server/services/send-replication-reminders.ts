import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import {
	addDays,
	AGREEMENT_NOTICE_DAYS,
	AGREEMENT_STATES,
	dateInJakarta,
	dueReminders,
	REPORT_NOTICE_DAYS,
	REPORTING_STATES,
	type ReminderKind
} from '../domain/replication/deadlines';
import { appendReplicationActivity } from '../repositories/replication-message-repository';
import { listReminderCandidates, recordReminderOnce } from '../repositories/replication-reminder-repository';
import { notifyReplicationParties } from './notify-replication-parties';

export interface SentReminder {
	replicationId: string;
	kind: ReminderKind;
	dueOn: string;
	/** People notified (in the app and by e-mail). */
	notified: number;
}

export interface SentReminders {
	/** The day the reminders were computed for (WIB). */
	today: string;
	sent: SentReminder[];
	/** Reminders due that had been sent before. */
	alreadySent: number;
}

/**
 * Sends the reminders due at `now` (in WIB): a monitoring report due within 14 days
 * (laporan_segera) or overdue (laporan_terlambat), an agreement ending within 30 days
 * (kesepakatan_berakhir). Each reminder goes once per deadline, however often this runs (the
 * server's worker hourly, `jippnas reminders send` from cron): it is recorded, put on the timeline
 * as the system's, and notified to everyone involved, in one transaction per reminder.
 */
export async function sendReplicationReminders(
	db: Kysely<DB>,
	now: Date,
	options: { baseUrl?: string } = {}
): Promise<SentReminders> {
	const today = dateInJakarta(now);
	const candidates = await listReminderCandidates(db, {
		reportingStates: REPORTING_STATES,
		reportDueBy: addDays(today, REPORT_NOTICE_DAYS),
		agreementStates: AGREEMENT_STATES,
		agreementFrom: today,
		agreementTo: addDays(today, AGREEMENT_NOTICE_DAYS)
	});
	const result: SentReminders = { today, sent: [], alreadySent: 0 };
	for (const replication of candidates) {
		for (const reminder of dueReminders(replication, today)) {
			const notified = await db.transaction().execute(async (trx) => {
				const fresh = await recordReminderOnce(trx, { replicationId: replication.id, ...reminder, sentAt: now });
				if (!fresh) return null;
				await appendReplicationActivity(trx, {
					replicationId: replication.id,
					kind: reminder.kind,
					state: replication.state,
					actor: 'system',
					actorPart: 'sistem',
					payload: { dueOn: reminder.dueOn },
					touch: false
				});
				return notifyReplicationParties(
					trx,
					{ replicationId: replication.id, eventKind: reminder.kind, actorUserId: null, dueOn: reminder.dueOn },
					options
				);
			});
			if (notified === null) result.alreadySent++;
			else result.sent.push({ replicationId: replication.id, kind: reminder.kind, dueOn: reminder.dueOn, notified });
		}
	}
	return result;
}
