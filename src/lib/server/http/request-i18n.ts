import type { Cookies } from '@sveltejs/kit';
import { createI18n, LANG_COOKIE, parseLang, type I18n } from '$lib/i18n';

/** Messages in the visitor's language, for the few texts a load builds (error messages, chips). */
export function requestI18n(cookies: Cookies): I18n {
	const lang = parseLang(cookies.get(LANG_COOKIE));
	return createI18n(() => lang);
}
