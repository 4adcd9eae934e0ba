import { LANG_COOKIE, parseLang } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

/**
 * Public pages are server-rendered HTML with links and GET forms: they work without JavaScript
 * and ship none. A page that needs client code later sets `export const csr = true`.
 */
export const csr = false;

/** Who is signed in; accounts arrive later, so nobody is yet. */
export interface SessionUser {
	name: string;
}

export const load: LayoutServerLoad = ({ cookies }) => {
	return {
		lang: parseLang(cookies.get(LANG_COOKIE)),
		user: null as SessionUser | null
	};
};
