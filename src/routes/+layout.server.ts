import { LANG_COOKIE, parseLang } from '$lib/i18n';
import type { UserRole } from '$lib/server/db/schema';
import { countUnreadNotificationsOf } from '$lib/server/services/list-notifications';
import type { LayoutServerLoad } from './$types';

/**
 * Public pages are server-rendered HTML with links and GET forms: they work without JavaScript
 * and ship none. A page that needs client code later sets `export const csr = true`.
 */
export const csr = false;

/** Who is signed in, for the header. */
export interface SessionUser {
	name: string;
	role: UserRole;
	/** Unread notifications, for the badge in the header (one count query per page). */
	unreadNotifications: number;
}

/**
 * `csrf` is the session's token for every form of a signed-in page. Public pages get none
 * (they are cached for everyone); a page with a form for the public (sign-in, forgotten
 * password) returns its own token from formCsrfToken().
 */
export const load: LayoutServerLoad = async ({ cookies, locals }) => {
	const session = locals.session ?? null;
	const unreadNotifications = session ? await countUnreadNotificationsOf(locals.db.db, locals.actor ?? null) : 0;
	return {
		lang: parseLang(cookies.get(LANG_COOKIE)),
		user: session ? ({ name: session.user.name, role: session.user.role, unreadNotifications } satisfies SessionUser) : null,
		csrf: session?.csrf ?? ''
	};
};
