/**
 * The server's light timers for the replication workflow: reminders (hourly; each is sent once
 * per deadline, so running often is harmless) and delivery of the notification e-mails queued in
 * the outbox (every minute). Timers are unref'd so they never keep the process alive; a failure is
 * logged and the next tick tries again.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { deliverQueuedMail } from '../services/deliver-queued-mail';
import type { Mailer } from '../services/send-mail';
import { sendReplicationReminders } from '../services/send-replication-reminders';

export interface ReplicationTimerOptions {
	mailer: Mailer;
	/** The site's public address for links in e-mails. */
	baseUrl?: string;
	reminderEveryMs?: number;
	mailEveryMs?: number;
	log?: (message: string) => void;
}

export interface ReplicationTimers {
	stop(): Promise<void>;
}

export function startReplicationTimers(db: Kysely<DB>, options: ReplicationTimerOptions): ReplicationTimers {
	const log = options.log ?? ((message: string) => console.log(message));
	let stopped = false;
	const inFlight = new Set<Promise<void>>();

	// One run of each task at a time; a tick that finds the previous one still running is skipped.
	const every = (ms: number, name: string, task: () => Promise<void>) => {
		let running = false;
		const tick = () => {
			if (stopped || running) return;
			running = true;
			const run = task()
				.catch((error: unknown) => log(`${name} gagal: ${error instanceof Error ? error.message : String(error)}`))
				.finally(() => {
					running = false;
					inFlight.delete(run);
				});
			inFlight.add(run);
		};
		const timer = setInterval(tick, ms);
		timer.unref();
		// The first run soon after start-up, once the server is listening.
		setTimeout(tick, Math.min(ms, 5_000)).unref();
		return timer;
	};

	const timers = [
		every(options.reminderEveryMs ?? 3_600_000, 'Pengingat replikasi', async () => {
			const result = await sendReplicationReminders(db, new Date(), { baseUrl: options.baseUrl });
			if (result.sent.length) log(`Pengingat replikasi terkirim: ${result.sent.length}.`);
		}),
		every(options.mailEveryMs ?? 60_000, 'Pengiriman e-mail notifikasi', async () => {
			const result = await deliverQueuedMail(db, options.mailer);
			if (result.failed) log(`E-mail notifikasi gagal dikirim: ${result.failed} (lihat kotak keluar).`);
		})
	];

	return {
		async stop() {
			stopped = true;
			for (const timer of timers) clearInterval(timer);
			await Promise.allSettled([...inFlight]);
		}
	};
}
