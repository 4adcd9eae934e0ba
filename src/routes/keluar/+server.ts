import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/auth/cookies';
import { loadConfig } from '$lib/server/config/env';
import { signOut } from '$lib/server/services/sign-out';
import type { RequestHandler } from './$types';

/** POST /keluar (the header's sign-out button; CSRF-checked in hooks): ends this session. */
export const POST: RequestHandler = async ({ cookies, locals, url }) => {
	await signOut(locals.db.db, cookies.get(SESSION_COOKIE));
	clearSessionCookie(cookies, { url, baseUrl: loadConfig().BASE_URL });
	redirect(303, '/masuk?info=keluar');
};

/** Signing out changes state, so a link cannot do it: GET goes to the account page and its button. */
export const GET: RequestHandler = () => redirect(303, '/akun');
