import type { Handle, HandleServerError } from '@sveltejs/kit';
import { getAppDatabase } from '$lib/server/app-database';
import { presentError } from '$lib/server/errors';
import { LANG_COOKIE, parseLang } from '$lib/i18n';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.db = await getAppDatabase();
	const lang = parseLang(event.cookies.get(LANG_COOKIE));
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => (lang === 'id' ? html : html.replace('<html lang="id">', `<html lang="${lang}">`))
	});
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	return response;
};

/** Unexpected errors are logged with their stack and shown to users without it. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { code: 'NOT_FOUND', message: 'Halaman tidak ditemukan.' };
	console.error(`[${new Date().toISOString()}] ${event.request.method} ${event.url.pathname}`, error);
	const { body } = presentError(error);
	return { code: body.error.code, message: body.error.message };
};
