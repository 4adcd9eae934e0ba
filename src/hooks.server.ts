import type { Handle, HandleServerError, RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { getAppDatabase } from '$lib/server/app-database';
import { loadConfig } from '$lib/server/config/env';
import { presentError } from '$lib/server/errors';
import {
	fromCachedResponse,
	isCacheableRequest,
	publicResponseCache,
	toCachedResponse
} from '$lib/server/http/public-response-cache';
import { LANG_COOKIE, parseLang } from '$lib/i18n';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.db = await getAppDatabase();
	// Sessions arrive with the accounts work; until then everyone is the public.
	event.locals.actor = null;
	const lang = parseLang(event.cookies.get(LANG_COOKIE));
	const options: ResolveOptions = {
		transformPageChunk: ({ html }) => (lang === 'id' ? html : html.replace('<html lang="id">', `<html lang="${lang}">`))
	};
	const ttl = loadConfig().PAGE_CACHE_SECONDS;
	if (ttl === 0 || !isCacheableRequest(event.request, hasSession(event))) {
		return withSecurityHeaders(await resolve(event, options));
	}
	// Concurrent requests for one address wait for a single rendering.
	let rendered: Response | undefined;
	const cached = await publicResponseCache(event.locals.db.db, ttl).get(
		`${lang} ${event.url.pathname}${event.url.search}`,
		async () => {
			rendered = await resolve(event, options);
			return toCachedResponse(rendered.clone());
		}
	);
	if (rendered) return withSecurityHeaders(rendered);
	if (cached) return withSecurityHeaders(fromCachedResponse(cached));
	return withSecurityHeaders(await resolve(event, options));
};

/** Any cookie but the language choice means a personal answer (signed-in pages come later). */
function hasSession(event: RequestEvent): boolean {
	return event.cookies.getAll().some((cookie) => cookie.name !== LANG_COOKIE);
}

function withSecurityHeaders(response: Response): Response {
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	return response;
}

/** Unexpected errors are logged with their stack and shown to users without it. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { code: 'NOT_FOUND', message: 'Halaman tidak ditemukan.' };
	console.error(`[${new Date().toISOString()}] ${event.request.method} ${event.url.pathname}`, error);
	const { body } = presentError(error);
	return { code: body.error.code, message: body.error.message };
};
