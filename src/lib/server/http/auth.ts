import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { LANG_COOKIE } from '$lib/i18n';
import { ANON_CSRF_COOKIE, cookieOptions, isSecureContext, SESSION_COOKIE } from '../auth/cookies';
import { newSecretToken, sameSecret } from '../domain/accounts/secret-token';
import { ERROR_TABLE } from '../errors';
import { resolveSession } from '../services/resolve-session';

/**
 * The request side of accounts: who is signed in (from the session cookie), the CSRF check of
 * every write, and the anonymous CSRF token of the forms used before signing in. See
 * docs/decisions/006-sessions-and-csrf.md.
 */

export interface AuthSettings {
	sessionDays: number;
	baseUrl?: string;
}

/** Sets locals.actor and locals.session from the session cookie; a dead cookie is removed. */
export async function authenticate(event: RequestEvent, settings: AuthSettings): Promise<void> {
	const token = event.cookies.get(SESSION_COOKIE);
	const session = token ? await resolveSession(event.locals.db.db, token, settings) : null;
	event.locals.session = session;
	event.locals.actor = session?.actor ?? null;
	if (token && !session) {
		event.cookies.delete(SESSION_COOKIE, cookieOptions({ url: event.url, baseUrl: settings.baseUrl }));
	}
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Every write must prove it comes from our own page: a form carries the `csrf` field (the
 * session's token, or before signing in the token of the anonymous CSRF cookie: double
 * submit); any other write (JSON) needs a session and the `x-csrf-token` header. Returns the
 * 403 answer, or null when the request may go on.
 */
export async function checkCsrf(event: RequestEvent): Promise<Response | null> {
	if (SAFE_METHODS.has(event.request.method)) return null;
	const type = (event.request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (FORM_TYPES.has(type)) {
		const expected = event.locals.session?.csrf ?? event.cookies.get(ANON_CSRF_COOKIE);
		const sent = type === 'text/plain' ? null : await formToken(event.request, type);
		if (expected && sent && sameSecret(sent, expected)) return null;
		return csrfRefusal(event, true);
	}
	const header = event.request.headers.get('x-csrf-token');
	if (event.locals.session && header && sameSecret(header, event.locals.session.csrf)) return null;
	return csrfRefusal(event, false);
}

async function formToken(request: Request, type: string): Promise<string | null> {
	try {
		// A clone, so the form action can still read the body.
		if (type === 'multipart/form-data') return await multipartToken(request.clone());
		const value = (await request.clone().formData()).get('csrf');
		return typeof value === 'string' ? value : null;
	} catch {
		return null;
	}
}

// Header lines of the part are never empty: the first empty line ends them (a `*` there would
// let the match run on into the next field).
const MULTIPART_CSRF = /name="csrf"\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]{0,200})\r\n/;

/**
 * Finds the csrf field in a multipart body as it streams in and stops reading there, so an
 * upload is not read twice and an action can still refuse an oversized file itself.
 */
async function multipartToken(request: Request): Promise<string | null> {
	const reader = request.body?.getReader();
	if (!reader) return null;
	const decoder = new TextDecoder('latin1');
	let window = '';
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return null;
			window += decoder.decode(value, { stream: true });
			const match = MULTIPART_CSRF.exec(window);
			if (match) return match[1]!;
			window = window.slice(-1024);
		}
	} finally {
		// Not awaited: cancelling one branch of a cloned body settles only when the other
		// branch (the one the action reads) is done too.
		void reader.cancel().catch(() => undefined);
	}
}

function csrfRefusal(event: RequestEvent, isForm: boolean): Response {
	const { message } = ERROR_TABLE.CSRF_INVALID;
	const wantsHtml = isForm && (event.request.headers.get('accept') ?? 'text/html').includes('text/html');
	if (!wantsHtml) {
		return Response.json({ error: { code: 'CSRF_INVALID', message } }, { status: 403, headers: { 'cache-control': 'no-store' } });
	}
	const back = event.url.pathname + event.url.search;
	const html = `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Formulir ditolak — JIPPNas</title></head>
<body>
<main>
<h1>Formulir ditolak</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(back)}">Buka lagi halaman formulir</a> · <a href="/">Beranda JIPPNas</a></p>
</main>
</body>
</html>`;
	return new Response(html, {
		status: 403,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The CSRF token for a page with a form. Signed in: the session's. Otherwise the anonymous
 * cookie's (created here when missing), and the page is marked private so that the shared
 * page cache never hands one visitor's token to another.
 */
export function formCsrfToken(
	event: Pick<RequestEvent, 'cookies' | 'locals' | 'url' | 'setHeaders'>,
	baseUrl?: string
): string {
	if (event.locals.session) return event.locals.session.csrf;
	try {
		event.setHeaders({ 'cache-control': 'private, no-store' });
	} catch {
		/* already set by the page: it is private either way */
	}
	let token = event.cookies.get(ANON_CSRF_COOKIE);
	if (!token || token.length < 32) {
		token = newSecretToken();
		event.cookies.set(ANON_CSRF_COOKIE, token, cookieOptions({ url: event.url, baseUrl }));
	}
	return token;
}

/**
 * Whether the answer may differ per visitor: any cookie but the language choice and the
 * anonymous CSRF cookie (pages that read that one are marked private themselves).
 */
export function hasPersonalCookies(cookies: Cookies): boolean {
	return cookies.getAll().some((cookie) => cookie.name !== LANG_COOKIE && cookie.name !== ANON_CSRF_COOKIE);
}

/** Headers on every answer; the content security policy of pages comes from svelte.config.js. */
export function withSecurityHeaders(response: Response, context: { url: URL; baseUrl?: string }): Response {
	const headers = response.headers;
	const hasPolicy = headers.has('content-security-policy');
	for (const [name, value] of Object.entries(securityHeaders(context))) {
		if (name !== 'content-security-policy' || !hasPolicy) headers.set(name, value);
	}
	return response;
}

/** The security headers of an answer that is not a page (see withSecurityHeaders; direct routes use them as they are). */
export function securityHeaders(context: { url: URL; baseUrl?: string }): Record<string, string> {
	return {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin',
		// Answers that are not pages (JSON, files, redirects) get the strictest policy.
		'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
		...(isSecureContext(context) ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {})
	};
}
