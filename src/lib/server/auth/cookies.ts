import type { Cookies } from '@sveltejs/kit';

/**
 * The cookies of signed-in work. The session cookie carries a random token (the database keeps
 * its hash); the anonymous CSRF cookie is the double-submit token of forms used before signing
 * in (sign-in, forgotten password, set password). Both are httpOnly and SameSite=Lax, and
 * Secure whenever the site is reached over https.
 */
export const SESSION_COOKIE = 'jippnas_sesi';
export const ANON_CSRF_COOKIE = 'jippnas_csrf';

export interface CookieContext {
	url: URL;
	/** BASE_URL, when configured: an https BASE_URL means cookies are Secure behind a TLS proxy too. */
	baseUrl?: string;
}

export function isSecureContext(context: CookieContext): boolean {
	return context.url.protocol === 'https:' || !!context.baseUrl?.startsWith('https:');
}

export function cookieOptions(context: CookieContext, maxAgeSeconds?: number) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: isSecureContext(context),
		...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds })
	};
}

export function setSessionCookie(cookies: Cookies, context: CookieContext, token: string, expiresAt: Date): void {
	const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
	cookies.set(SESSION_COOKIE, token, cookieOptions(context, maxAge));
}

export function clearSessionCookie(cookies: Cookies, context: CookieContext): void {
	cookies.delete(SESSION_COOKIE, cookieOptions(context));
}
