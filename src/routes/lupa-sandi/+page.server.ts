import { emailSchema } from '$lib/server/domain/accounts/passwords';
import { AppError } from '$lib/server/errors';
import { accountSettings, field, formFailure } from '$lib/server/http/account-settings';
import { formCsrfToken } from '$lib/server/http/auth';
import { requestPasswordReset } from '$lib/server/services/request-password-reset';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => ({
	csrf: formCsrfToken(event, accountSettings(event.url).configuredBaseUrl)
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = emailSchema.safeParse(field(form, 'email'));
		if (!email.success) {
			return formFailure(new AppError('VALIDATION_FAILED', email.error.issues[0]!.message), { email: field(form, 'email') });
		}
		const settings = accountSettings(event.url);
		await requestPasswordReset(event.locals.db.db, email.data, { baseUrl: settings.baseUrl, mailer: settings.mailer });
		// The same answer whether or not the address has an account.
		return { sent: true };
	}
};
