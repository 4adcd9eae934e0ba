import { z } from 'zod';
import { smtpTransport } from '../../lib/server/auth/mail-transport';
import { loadConfig } from '../../lib/server/config/env';
import { deliverQueuedMail } from '../../lib/server/services/deliver-queued-mail';
import { sendReplicationReminders, type SentReminders } from '../../lib/server/services/send-replication-reminders';
import { parseCommandArgs, UsageError } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';

const HELP = `Penggunaan: jippnas reminders send [--date YYYY-MM-DD]

Mengirim pengingat replikasi yang jatuh tempo: laporan pemantauan yang jatuh tempo dalam
14 hari atau sudah terlambat, dan kesepakatan yang berakhir dalam 30 hari. Pengingat muncul
sebagai notifikasi di aplikasi, e-mail, dan peristiwa di lini masa replikasi. Setiap
pengingat hanya dikirim sekali per tenggat, jadi aman dijalankan berulang kali (mis. dari
cron setiap jam). "jippnas serve" juga menjalankannya sendiri setiap jam.

E-mail yang antre sejak lebih dari 2 menit dikirim lewat SMTP_URL (tanpa SMTP_URL disimpan
di kotak keluar); e-mail pengingat baru dikirim oleh server atau pada jalannya perintah ini
berikutnya.

Opsi:
  --date YYYY-MM-DD   Menghitung pengingat untuk tanggal ini (WIB) alih-alih hari ini
  -h, --help          Menampilkan bantuan ini`;

const flagsSchema = z.object({
	positionals: z.array(z.string()),
	date: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'Opsi --date harus berupa tanggal YYYY-MM-DD, mis. 2025-03-01.')
		.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Opsi --date bukan tanggal yang ada.')
		.optional()
});

const KIND_LABELS: Record<string, string> = {
	laporan_segera: 'Laporan segera jatuh tempo',
	laporan_terlambat: 'Laporan terlambat',
	kesepakatan_berakhir: 'Kesepakatan segera berakhir'
};

/** The outcome in words. */
export function describeReminders(result: SentReminders): string[] {
	const lines = [
		`Pengingat untuk ${result.today} (WIB): ${result.sent.length} terkirim, ${result.alreadySent} sudah pernah dikirim.`
	];
	for (const reminder of result.sent) {
		lines.push(
			`  ${(KIND_LABELS[reminder.kind] ?? reminder.kind).padEnd(28)} ${reminder.replicationId}  tenggat ${reminder.dueOn}  (${reminder.notified} penerima)`
		);
	}
	return lines;
}

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const [sub] = argv;
		if (sub !== 'send') {
			throw new UsageError(
				sub === undefined ? 'Sebutkan subperintah: jippnas reminders send' : `Subperintah tidak dikenal: ${sub}. Yang tersedia: send.`,
				'reminders'
			);
		}
		const flags = parseCommandArgs('reminders', argv.slice(1), { date: { type: 'string' } }, flagsSchema);
		const config = loadConfig();
		console.error(`Basis data: ${describeDatabase(config)}`);
		// A given date counts at noon in Jakarta, so it is that calendar day in WIB.
		const now = flags.date ? new Date(`${flags.date}T12:00:00+07:00`) : new Date();
		const mailer = { transport: config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null, from: config.MAIL_FROM };
		await withDatabase(config, async ({ db }) => {
			const result = await sendReplicationReminders(db, now, { baseUrl: config.BASE_URL ?? `http://localhost:${config.PORT}` });
			for (const line of describeReminders(result)) console.log(line);
			const mail = await deliverQueuedMail(db, mailer);
			if (mail.sent || mail.failed || mail.held) {
				console.log(
					`E-mail antrean: ${mail.sent} terkirim, ${mail.failed} gagal (lihat /admin/kotak-keluar), ${mail.held} disimpan di kotak keluar.`
				);
			}
		});
	}
};
