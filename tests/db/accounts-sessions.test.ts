import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANON_CSRF_COOKIE, SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { provideAppDatabase } from '../../src/lib/server/app-database';
import { AppError } from '../../src/lib/server/errors';
import { resolveSession } from '../../src/lib/server/services/resolve-session';
import { setUserDisabled } from '../../src/lib/server/services/set-user-disabled';
import { signIn as signInService } from '../../src/lib/server/services/sign-in';
import { signOut } from '../../src/lib/server/services/sign-out';
import { signOutEverywhere } from '../../src/lib/server/services/sign-out-everywhere';
import { SYSTEM_ACTOR } from '../../src/lib/server/policy';
import { requestEvent } from '../support/request-event';
import { createUser, signIn, type TestUser } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Vitest puts Vite's BASE_URL=/ in the environment; the server reads BASE_URL as the site address.
vi.stubEnv('BASE_URL', '');
vi.stubEnv('PAGE_CACHE_SECONDS', '0');

let database: TestDatabase;
let kurator: TestUser;
const DAYS = 14;
const address = '198.51.100.7';

async function failureOf(work: Promise<unknown>): Promise<AppError> {
	try {
		await work;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected a failure');
}

beforeAll(async () => {
	database = await createTestDatabase();
	provideAppDatabase(database);
	kurator = await createUser(database, { role: 'kurator', email: 'kurator@uji.go.id', name: 'Kurator Satu' });
});
afterAll(async () => database?.dispose());

describe('signIn', () => {
	it('opens a session that resolves to the actor', async () => {
		const session = await signInService(database.db, { email: 'KURATOR@uji.go.id ', password: kurator.password, address }, { sessionDays: DAYS });
		const view = await resolveSession(database.db, session.token, { sessionDays: DAYS });
		expect(view?.actor).toEqual({ id: kurator.id, role: 'kurator', agencyId: null, hubId: null });
		expect(view?.user.name).toBe('Kurator Satu');
		expect(view?.csrf).toBe(session.csrf);
		// Only the hash of the token is stored.
		const row = await database.db.selectFrom('sessions').select('id').where('user_id', '=', kurator.id).executeTakeFirstOrThrow();
		expect(row.id).not.toBe(session.token);
	});

	it('answers the same for a wrong password and an unknown e-mail', async () => {
		const wrong = await failureOf(signInService(database.db, { email: kurator.email, password: 'salah sekali', address }, { sessionDays: DAYS }));
		const unknown = await failureOf(signInService(database.db, { email: 'siapa@uji.go.id', password: 'salah sekali', address }, { sessionDays: DAYS }));
		for (const error of [wrong, unknown]) {
			expect(error.code).toBe('SIGN_IN_FAILED');
			expect(error.status).toBe(401);
			expect(error.message).toBe('E-mail atau kata sandi salah.');
		}
	});

	it('locks an account after five failures in a row, says so, and unlocks after 15 minutes', async () => {
		const user = await createUser(database, { role: 'operator', email: 'operator-kunci@uji.go.id' });
		const start = new Date('2025-03-01T08:00:00Z');
		for (let i = 0; i < 5; i++) {
			const at = new Date(start.getTime() + i * 1000);
			const error = await failureOf(signInService(database.db, { email: user.email, password: 'tebakan salah', address: `10.0.0.${i}` }, { sessionDays: DAYS, now: at }));
			expect(error.code).toBe('SIGN_IN_FAILED');
		}
		// Even the right password is refused while locked, from any address.
		const locked = await failureOf(
			signInService(database.db, { email: user.email, password: user.password, address: '10.9.9.9' }, { sessionDays: DAYS, now: new Date(start.getTime() + 60_000) })
		);
		expect(locked.code).toBe('ACCOUNT_LOCKED');
		expect(locked.status).toBe(429);
		expect(locked.message).toBe(
			'Akun ini dikunci sementara karena 5 kali gagal masuk berturut-turut. Coba lagi dalam 15 menit, atau atur ulang kata sandi melalui "Lupa kata sandi?".'
		);
		const later = new Date(start.getTime() + 4000 + 15 * 60_000 + 1000);
		const session = await signInService(database.db, { email: user.email, password: user.password, address: '10.9.9.9' }, { sessionDays: DAYS, now: later });
		expect(session.userId).toBe(user.id);
	});

	it('holds back an address after 20 failures for any accounts', async () => {
		const start = new Date('2025-04-01T08:00:00Z');
		for (let i = 0; i < 20; i++) {
			await failureOf(
				signInService(database.db, { email: `tebak${i}@uji.go.id`, password: 'x', address: '203.0.113.99' }, { sessionDays: DAYS, now: new Date(start.getTime() + i * 1000) })
			);
		}
		const limited = await failureOf(
			signInService(database.db, { email: kurator.email, password: kurator.password, address: '203.0.113.99' }, { sessionDays: DAYS, now: new Date(start.getTime() + 30_000) })
		);
		expect(limited.code).toBe('TOO_MANY_ATTEMPTS');
		expect(limited.message).toBe('Terlalu banyak percobaan masuk yang gagal dari alamat jaringan ini. Coba lagi dalam 15 menit.');
		// The account itself is fine from elsewhere.
		const session = await signInService(database.db, { email: kurator.email, password: kurator.password, address: '203.0.113.1' }, { sessionDays: DAYS, now: new Date(start.getTime() + 30_000) });
		expect(session.userId).toBe(kurator.id);
	});

	it('tells a disabled user with the right password that the account is disabled; their sessions end', async () => {
		const user = await createUser(database, { role: 'kurator', email: 'nonaktif@uji.go.id' });
		const before = await signIn(database, user);
		await setUserDisabled(database.db, SYSTEM_ACTOR, user.id, true);
		expect(await resolveSession(database.db, before.token, { sessionDays: DAYS })).toBeNull();
		const error = await failureOf(signInService(database.db, { email: user.email, password: user.password, address }, { sessionDays: DAYS }));
		expect(error.code).toBe('ACCOUNT_DISABLED');
		expect(error.message).toBe('Akun ini dinonaktifkan. Hubungi admin JIPPNas bila Anda memerlukan akses lagi.');
		const wrong = await failureOf(signInService(database.db, { email: user.email, password: 'bukan ini sandinya', address }, { sessionDays: DAYS }));
		expect(wrong.code).toBe('SIGN_IN_FAILED');
	});
});

describe('sessions', () => {
	it('expire after SESSION_DAYS without use, and each use moves the expiry on', async () => {
		const start = new Date('2025-05-01T00:00:00Z');
		const session = await signIn(database, kurator, { now: start, sessionDays: DAYS });
		const day = 86_400_000;
		expect(await resolveSession(database.db, session.token, { sessionDays: DAYS, now: new Date(start.getTime() + 10 * day) })).not.toBeNull();
		// Used on day 10, so alive on day 20 …
		expect(await resolveSession(database.db, session.token, { sessionDays: DAYS, now: new Date(start.getTime() + 20 * day) })).not.toBeNull();
		// … and gone 14 days after its last use.
		expect(await resolveSession(database.db, session.token, { sessionDays: DAYS, now: new Date(start.getTime() + 35 * day) })).toBeNull();
	});

	it('ignore malformed and unknown tokens', async () => {
		expect(await resolveSession(database.db, 'bukan-token', { sessionDays: DAYS })).toBeNull();
		expect(await resolveSession(database.db, 'A'.repeat(43), { sessionDays: DAYS })).toBeNull();
	});

	it('sign out ends one session; sign out everywhere ends all of them', async () => {
		const a = await signIn(database, kurator);
		const b = await signIn(database, kurator);
		const c = await signIn(database, kurator);
		await signOut(database.db, a.token);
		expect(await resolveSession(database.db, a.token, { sessionDays: DAYS })).toBeNull();
		expect(await resolveSession(database.db, b.token, { sessionDays: DAYS })).not.toBeNull();
		await signOutEverywhere(database.db, kurator.actor);
		expect(await resolveSession(database.db, b.token, { sessionDays: DAYS })).toBeNull();
		expect(await resolveSession(database.db, c.token, { sessionDays: DAYS })).toBeNull();
		expect((await failureOf(signOutEverywhere(database.db, null))).code).toBe('UNAUTHENTICATED');
	});
});

describe('hooks: actor, CSRF', async () => {
	const { handle } = await import('../../src/hooks.server');
	const ok = () => new Response('ok', { headers: { 'content-type': 'text/html' } });

	async function run(options: Parameters<typeof requestEvent>[0]) {
		const built = requestEvent(options);
		let reached = false;
		let form: FormData | undefined;
		const response = await handle({
			event: built.event,
			resolve: async (event) => {
				reached = true;
				// The action must still be able to read the body the CSRF check looked into.
				if (options.form) form = await event.request.formData();
				return ok();
			}
		});
		return { response, reached, form, event: built.event, jar: built.jar };
	}

	it('sets locals.actor from the session cookie and null without one', async () => {
		const session = await signIn(database, kurator);
		const signedIn = await run({ db: database, path: '/akun', cookie: session.cookie });
		expect(signedIn.event.locals.actor).toEqual(kurator.actor);
		const anonymous = await run({ db: database, path: '/akun' });
		expect(anonymous.event.locals.actor).toBeNull();
		// A dead session cookie is removed.
		const dead = await run({ db: database, path: '/', cookie: `${SESSION_COOKIE}=${'B'.repeat(43)}` });
		expect(dead.event.locals.actor).toBeNull();
		expect(dead.jar.set.get(SESSION_COOKIE)?.value).toBe('');
	});

	it('refuses a signed-in form without a token or with a forged one (403, Indonesian), accepts the right one', async () => {
		const session = await signIn(database, kurator);
		const missing = await run({ db: database, path: '/akun?/keluarSemua', cookie: session.cookie, form: { x: '1' } });
		const forged = await run({ db: database, path: '/akun?/keluarSemua', cookie: session.cookie, form: { csrf: 'palsu'.padEnd(43, 'x') } });
		for (const result of [missing, forged]) {
			expect(result.response.status).toBe(403);
			expect(result.reached).toBe(false);
			expect(await result.response.text()).toContain(
				'Formulir ditolak: token keamanan tidak ada atau tidak cocok (mungkin halaman sudah terlalu lama dibuka). Muat ulang halaman, lalu kirim lagi.'
			);
		}
		const good = await run({ db: database, path: '/akun?/keluarSemua', cookie: session.cookie, form: { csrf: session.csrf } });
		expect(good.reached).toBe(true);
		const multipart = await run({ db: database, path: '/admin/impor', cookie: session.cookie, form: { csrf: session.csrf, sumber: 'lan' }, multipart: true });
		expect(multipart.reached).toBe(true);
		expect(multipart.form?.get('sumber')).toBe('lan');
		const multipartForged = await run({ db: database, path: '/admin/impor', cookie: session.cookie, form: { csrf: 'x', sumber: 'lan' }, multipart: true });
		expect(multipartForged.response.status).toBe(403);
	});

	it('checks anonymous forms against the CSRF cookie (double submit)', async () => {
		const token = 'T'.repeat(43);
		const good = await run({ db: database, path: '/masuk', cookie: `${ANON_CSRF_COOKIE}=${token}`, form: { csrf: token, email: 'a@b.id', password: 'x' } });
		expect(good.reached).toBe(true);
		const noCookie = await run({ db: database, path: '/masuk', form: { csrf: token } });
		expect(noCookie.response.status).toBe(403);
		const mismatch = await run({ db: database, path: '/masuk', cookie: `${ANON_CSRF_COOKIE}=${token}`, form: { csrf: 'U'.repeat(43) } });
		expect(mismatch.response.status).toBe(403);
		// A session's token is not accepted as the anonymous one, nor the other way round.
		const session = await signIn(database, kurator);
		const crossed = await run({ db: database, path: '/akun', cookie: `${session.cookie}; ${ANON_CSRF_COOKIE}=${token}`, form: { csrf: token } });
		expect(crossed.response.status).toBe(403);
	});

	it('refuses JSON writes without a session and the x-csrf-token header', async () => {
		const session = await signIn(database, kurator);
		const anonymous = await run({ db: database, path: '/api/v1/innovations', json: { a: 1 } });
		expect(anonymous.response.status).toBe(403);
		expect(await anonymous.response.json()).toEqual({
			error: {
				code: 'CSRF_INVALID',
				message: 'Formulir ditolak: token keamanan tidak ada atau tidak cocok (mungkin halaman sudah terlalu lama dibuka). Muat ulang halaman, lalu kirim lagi.'
			}
		});
		const noHeader = await run({ db: database, path: '/api/v1/innovations', json: {}, cookie: session.cookie });
		expect(noHeader.response.status).toBe(403);
		const good = await run({ db: database, path: '/api/v1/innovations', json: {}, cookie: session.cookie, headers: { 'x-csrf-token': session.csrf } });
		expect(good.reached).toBe(true);
	});

	it('adds security headers, and HSTS only over https', async () => {
		const plain = await run({ db: database, path: '/' });
		expect(plain.response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(plain.response.headers.get('x-frame-options')).toBe('DENY');
		expect(plain.response.headers.get('strict-transport-security')).toBeNull();
		const tls = await run({ db: database, path: '/', origin: 'https://jippnas.example.go.id' });
		expect(tls.response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
	});
});
