import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { countRecentPasswordTokens } from '../repositories/password-token-repository';
import { findUserByEmail } from '../repositories/user-repository';
import { issuePasswordLink } from './issue-password-link';
import { sendMail, type Mailer } from './send-mail';

/** At most this many links per account per hour: the form cannot be used to flood a mailbox. */
const MAX_LINKS_PER_HOUR = 3;

/**
 * Sends a reset link when the address belongs to an active account. The answer is the same
 * either way (the page never says whether an account exists).
 */
export async function requestPasswordReset(
	db: Kysely<DB>,
	email: string,
	options: { baseUrl: string; mailer?: Mailer; now?: Date }
): Promise<void> {
	const now = options.now ?? new Date();
	const user = await findUserByEmail(db, email);
	if (!user || user.disabled_at) return;
	if ((await countRecentPasswordTokens(db, user.id, new Date(now.getTime() - 3_600_000))) >= MAX_LINKS_PER_HOUR) return;
	const link = await issuePasswordLink(db, user.id, 'reset', { ...options, now });
	await sendMail(
		db,
		{
			to: user.email,
			subject: 'Atur ulang kata sandi JIPPNas',
			body: [
				`Yth. ${user.name},`,
				'',
				'Kami menerima permintaan untuk mengatur ulang kata sandi akun JIPPNas Anda.',
				'Buat kata sandi baru melalui tautan berikut (berlaku 1 jam, hanya sekali pakai):',
				'',
				link.url,
				'',
				'Jika Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.',
				'',
				'— JIPPNas'
			].join('\n')
		},
		options.mailer
	);
}
