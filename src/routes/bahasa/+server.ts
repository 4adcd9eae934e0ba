import { redirect } from '@sveltejs/kit';
import { LANG_COOKIE, parseLang } from '$lib/i18n';
import type { RequestHandler } from './$types';

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * GET /bahasa?ke=en&kembali=/katalog — remembers the language and returns to the page. Only
 * paths on this site are followed back, so the link cannot send visitors elsewhere.
 */
export const GET: RequestHandler = ({ url, cookies }) => {
	const lang = parseLang(url.searchParams.get('ke'));
	cookies.set(LANG_COOKIE, lang, {
		path: '/',
		maxAge: ONE_YEAR,
		sameSite: 'lax',
		httpOnly: true,
		secure: url.protocol === 'https:'
	});
	redirect(303, localPath(url.searchParams.get('kembali'), url.origin));
};

function localPath(value: string | null, origin: string): string {
	// Browsers drop tabs and newlines inside URLs, which can turn "/\t/x" into "//x".
	if (!value || !value.startsWith('/') || /[\u0000-\u001f\\]/.test(value)) return '/';
	const target = new URL(value, origin);
	return target.origin === origin ? target.pathname + target.search : '/';
}
