import { ROLE_LABELS, USER_ROLES } from '$lib/server/domain/accounts/roles';
import { accountSettings, field, formFailure } from '$lib/server/http/account-settings';
import { orPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { changeUserRole } from '$lib/server/services/change-user-role';
import { inviteUser } from '$lib/server/services/invite-user';
import { listHubs } from '$lib/server/services/list-hubs';
import { listUsers } from '$lib/server/services/list-users';
import { setUserDisabled } from '$lib/server/services/set-user-disabled';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'user.manage');
	const [users, hubs] = await Promise.all([orPageError(listUsers(event.locals.db.db, actor)), listHubs(event.locals.db.db)]);
	return {
		users,
		hubs: hubs.map((hub) => ({ id: hub.id, name: hub.name })),
		roles: USER_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
		me: actor.id
	};
};

export const actions: Actions = {
	/** ?/undang — invite someone by e-mail. */
	undang: async (event) => {
		const actor = requirePermission(event, 'user.manage');
		const form = await event.request.formData();
		const values = {
			email: field(form, 'email').trim(),
			name: field(form, 'name').trim(),
			role: field(form, 'role'),
			agencyId: field(form, 'agencyId').trim(),
			hubId: field(form, 'hubId')
		};
		const settings = accountSettings(event.url);
		try {
			const user = await inviteUser(event.locals.db.db, actor, values, { baseUrl: settings.baseUrl, mailer: settings.mailer });
			return { action: 'undang', done: 'adminUsers.doneInvited' as const, params: { email: user.email } };
		} catch (error) {
			return formFailure(error, { action: 'undang', values });
		}
	},
	/** ?/peran — change a user's role (and agency or hub). */
	peran: async (event) => {
		const actor = requirePermission(event, 'user.manage');
		const form = await event.request.formData();
		const userId = field(form, 'userId');
		try {
			const user = await changeUserRole(event.locals.db.db, actor, {
				userId,
				role: field(form, 'role'),
				agencyId: field(form, 'agencyId').trim(),
				hubId: field(form, 'hubId')
			});
			return { action: 'peran', userId, done: 'adminUsers.doneRole' as const, params: { name: user.name } };
		} catch (error) {
			return formFailure(error, { action: 'peran', userId });
		}
	},
	/** ?/nonaktifkan — disable an account (never deleted); its sessions end. */
	nonaktifkan: async (event) => setDisabled(event, true),
	/** ?/aktifkan — enable a disabled account again. */
	aktifkan: async (event) => setDisabled(event, false)
};

async function setDisabled(event: Parameters<Actions[string]>[0], disabled: boolean) {
	const actor = requirePermission(event, 'user.manage');
	const form = await event.request.formData();
	const userId = field(form, 'userId');
	const action = disabled ? 'nonaktifkan' : 'aktifkan';
	try {
		const user = await setUserDisabled(event.locals.db.db, actor, userId, disabled);
		return {
			action,
			userId,
			done: disabled ? ('adminUsers.doneDisabled' as const) : ('adminUsers.doneEnabled' as const),
			params: { name: user.name }
		};
	} catch (error) {
		return formFailure(error, { action, userId });
	}
}
