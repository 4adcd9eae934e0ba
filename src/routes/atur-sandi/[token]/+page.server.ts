import { redirect } from '@sveltejs/kit';
import { accountSettings, field, formFailure } from '$lib/server/http/account-settings';
import { formCsrfToken } from '$lib/server/http/auth';
import { orPageError } from '$lib/server/http/page-errors';
import { findPasswordLink, setPasswordWithLink } from '$lib/server/services/set-password-with-link';
import type { Actions, PageServerLoad } from './$types';

/** /atur-sandi/[token] — the link from an invitation or a password reset e-mail. */
export const load: PageServerLoad = async (event) => {
	const link = await orPageError(findPasswordLink(event.locals.db.db, event.params.token));
	return {
		csrf: formCsrfToken(event, accountSettings(event.url).configuredBaseUrl),
		link: { purpose: link.purpose, email: link.email }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		try {
			await setPasswordWithLink(
				event.locals.db.db,
				event.params.token,
				{ password: field(form, 'password'), confirm: field(form, 'confirm') },
				{ address: event.getClientAddress() }
			);
		} catch (error) {
			return formFailure(error);
		}
		redirect(303, '/masuk?info=sandi');
	}
};
