import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { emailSchema } from '$lib/server/domain/accounts/passwords';
import { AppError } from '$lib/server/errors';
import { accountSettings, field, formFailure, localReturnPath } from '$lib/server/http/account-settings';
import { formCsrfToken } from '$lib/server/http/auth';
import { signIn } from '$lib/server/services/sign-in';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = { sandi: 'signin.passwordSet', keluar: 'signin.signedOut', 'keluar-semua': 'signin.signedOutEverywhere' } as const;

export const load: PageServerLoad = (event) => {
	const back = localReturnPath(event.url.searchParams.get('kembali'), event.url.origin);
	if (event.locals.actor) redirect(303, back ?? '/akun');
	const info = event.url.searchParams.get('info');
	return {
		csrf: formCsrfToken(event, accountSettings(event.url).configuredBaseUrl),
		kembali: back ?? '',
		notice: info && info in NOTICES ? NOTICES[info as keyof typeof NOTICES] : null
	};
};

const signInSchema = z.object({
	email: emailSchema,
	password: z.string().min(1, 'Kata sandi wajib diisi.').max(1000, 'Kata sandi terlalu panjang.')
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = { email: field(form, 'email').trim(), kembali: field(form, 'kembali') };
		const parsed = signInSchema.safeParse({ email: field(form, 'email'), password: field(form, 'password') });
		if (!parsed.success) return formFailure(new AppError('VALIDATION_FAILED', parsed.error.issues[0]!.message), values);
		const settings = accountSettings(event.url);
		let session;
		try {
			session = await signIn(
				event.locals.db.db,
				{
					...parsed.data,
					address: event.getClientAddress(),
					userAgent: event.request.headers.get('user-agent')
				},
				{ sessionDays: settings.sessionDays }
			);
		} catch (error) {
			return formFailure(error, values);
		}
		setSessionCookie(event.cookies, { url: event.url, baseUrl: settings.configuredBaseUrl }, session.token, session.expiresAt);
		redirect(303, localReturnPath(values.kembali, event.url.origin) ?? '/akun');
	}
};
