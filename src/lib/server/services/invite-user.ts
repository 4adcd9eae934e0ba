import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ROLE_LABELS } from '../domain/accounts/roles';
import type { NewUserInput } from '../domain/accounts/user-input';
import type { Actor } from '../policy';
import { createUser, type CreatedUser } from './create-user';
import { issuePasswordLink } from './issue-password-link';
import { sendMail, type Mailer } from './send-mail';

/** An admin invites someone: the account is created and an e-mail with a set-password link is sent. */
export async function inviteUser(
	db: Kysely<DB>,
	actor: Actor | null,
	input: NewUserInput,
	options: { baseUrl: string; mailer?: Mailer; now?: Date }
): Promise<CreatedUser> {
	const user = await createUser(db, actor, input);
	const link = await issuePasswordLink(db, user.id, 'invite', options);
	await sendMail(
		db,
		{
			to: user.email,
			subject: 'Undangan ke JIPPNas: buat kata sandi Anda',
			body: [
				`Yth. ${user.name},`,
				'',
				`Anda diundang ke JIPPNas (Jaringan Inovasi Pelayanan Publik Nasional) sebagai ${ROLE_LABELS[user.role as keyof typeof ROLE_LABELS]}.`,
				'Buat kata sandi Anda melalui tautan berikut (berlaku 7 hari, hanya sekali pakai):',
				'',
				link.url,
				'',
				'Jika Anda tidak mengharapkan undangan ini, abaikan e-mail ini.',
				'',
				'— JIPPNas'
			].join('\n')
		},
		options.mailer
	);
	return user;
}
