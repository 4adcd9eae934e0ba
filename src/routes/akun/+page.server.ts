import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { ROLE_LABELS } from '$lib/server/domain/accounts/roles';
import { accountSettings, field, formFailure } from '$lib/server/http/account-settings';
import { orPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { changePassword } from '$lib/server/services/change-password';
import { getOwnAccount } from '$lib/server/services/get-own-account';
import { signOutEverywhere } from '$lib/server/services/sign-out-everywhere';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'account.own');
	const account = await orPageError(getOwnAccount(event.locals.db.db, actor));
	return { account: { ...account, roleLabel: ROLE_LABELS[account.role] } };
};

export const actions: Actions = {
	/** ?/gantiSandi — change the password; other sessions end, this one stays. */
	gantiSandi: async (event) => {
		const actor = requirePermission(event, 'account.own');
		const form = await event.request.formData();
		try {
			await changePassword(
				event.locals.db.db,
				actor,
				{ current: field(form, 'current'), password: field(form, 'password'), confirm: field(form, 'confirm') },
				{ currentSessionId: event.locals.session?.id }
			);
		} catch (error) {
			return formFailure(error, { action: 'gantiSandi' });
		}
		return { action: 'gantiSandi', done: true };
	},
	/** ?/keluarSemua — sign out on every device, this one included. */
	keluarSemua: async (event) => {
		const actor = requirePermission(event, 'account.own');
		await signOutEverywhere(event.locals.db.db, actor);
		clearSessionCookie(event.cookies, { url: event.url, baseUrl: accountSettings(event.url).configuredBaseUrl });
		redirect(303, '/masuk?info=keluar-semua');
	}
};
