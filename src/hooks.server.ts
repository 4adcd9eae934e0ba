import type { Handle, HandleServerError, ResolveOptions, ServerInit } from '@sveltejs/kit';
import { getAppDatabase } from '$lib/server/app-database';
import { loadConfig } from '$lib/server/config/env';
import { presentError } from '$lib/server/errors';
import { authenticate, checkCsrf, hasPersonalCookies, withSecurityHeaders } from '$lib/server/http/auth';
import { publishDirectRoutes } from '$lib/server/http/publish-direct-routes';
import {
	fromCachedResponse,
	isCacheableRequest,
	publicResponseCache,
	toCachedResponse
} from '$lib/server/http/public-response-cache';
import { LANG_COOKIE, parseLang } from '$lib/i18n';

/** The API's direct routes, for `serve` to answer before SvelteKit (see direct-routes.ts). */
export const init: ServerInit = async () => {
	await publishDirectRoutes();
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.db = await getAppDatabase();
	const config = loadConfig();
	const site = { url: event.url, baseUrl: config.BASE_URL };
	// Who is signed in: the session cookie, checked against the database on every request.
	await authenticate(event, { sessionDays: config.SESSION_DAYS, baseUrl: config.BASE_URL });
	const refused = await checkCsrf(event);
	if (refused) return withSecurityHeaders(refused, site);
	const lang = parseLang(event.cookies.get(LANG_COOKIE));
	const options: ResolveOptions = {
		transformPageChunk: ({ html }) => (lang === 'id' ? html : html.replace('<html lang="id">', `<html lang="${lang}">`))
	};
	const ttl = config.PAGE_CACHE_SECONDS;
	if (ttl === 0 || event.locals.actor || !isCacheableRequest(event.request, hasPersonalCookies(event.cookies))) {
		return withSecurityHeaders(await resolve(event, options), site);
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
	if (rendered) return withSecurityHeaders(rendered, site);
	if (cached) return withSecurityHeaders(fromCachedResponse(cached), site);
	return withSecurityHeaders(await resolve(event, options), site);
};

/** Unexpected errors are logged with their stack and shown to users without it. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { code: 'NOT_FOUND', message: 'Halaman tidak ditemukan.' };
	console.error(`[${new Date().toISOString()}] ${event.request.method} ${event.url.pathname}`, error);
	const { body } = presentError(error);
	return { code: body.error.code, message: body.error.message };
};
