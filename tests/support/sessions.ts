import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import type { AppDatabase } from '../../src/lib/server/db/database';
import type { DB, UserRole } from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/server/policy';
import { SYSTEM_ACTOR } from '../../src/lib/server/policy';
import { createUser as createUserService } from '../../src/lib/server/services/create-user';
import { openSession } from '../../src/lib/server/services/sign-in';
import { createHub } from './factories';

/**
 * Signed-in work in tests. `createUser` makes an account through the real service (argon2id
 * password); `signIn` opens a real session for it, giving the Cookie header and CSRF token a
 * request to hooks or an app server needs. `signInThroughForm` does what a person does in the
 * browser.
 */

export const TEST_PASSWORD = 'kata sandi uji 2025';

export interface TestUser {
	id: string;
	email: string;
	name: string;
	role: UserRole;
	agencyId: string | null;
	hubId: string | null;
	password: string;
	/** The actor the auth hook would set for this user. */
	actor: Actor;
}

export interface TestUserOptions {
	role: UserRole;
	/** Operators: default pemkab-53.09 (Kabupaten Ngada). */
	agencyId?: string;
	/** Hub coordinators: default a new hub from factories.createHub. */
	hubId?: string;
	email?: string;
	password?: string;
	name?: string;
}

type DatabaseLike = Kysely<DB> | AppDatabase;

function kysely(db: DatabaseLike): Kysely<DB> {
	return 'execScript' in db ? db.db : db;
}

let sequence = 0;

export async function createUser(db: DatabaseLike, options: TestUserOptions): Promise<TestUser> {
	const handle = kysely(db);
	sequence += 1;
	const email = options.email ?? `${options.role.replace('_', '-')}-${sequence}-${Date.now().toString(36)}@uji.go.id`;
	const password = options.password ?? TEST_PASSWORD;
	const agencyId = options.role === 'operator' ? (options.agencyId ?? 'pemkab-53.09') : undefined;
	const hubId = options.role === 'koordinator_hub' ? (options.hubId ?? (await createHub(handle)).id) : undefined;
	const user = await createUserService(handle, SYSTEM_ACTOR, {
		email,
		role: options.role,
		name: options.name ?? `Pengguna Uji ${sequence}`,
		agencyId,
		hubId,
		password
	});
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: options.role,
		agencyId: user.agencyId,
		hubId: user.hubId,
		password,
		actor: { id: user.id, role: options.role, agencyId: user.agencyId, hubId: user.hubId }
	};
}

export interface TestSession {
	/** 'name=value', for a Cookie header. */
	cookie: string;
	/** The session's CSRF token: the `csrf` form field or the `x-csrf-token` header. */
	csrf: string;
	/** The raw session token (the cookie's value). */
	token: string;
}

export async function signIn(db: DatabaseLike, user: { id: string }, options: { sessionDays?: number; now?: Date } = {}): Promise<TestSession> {
	const session = await openSession(kysely(db), user.id, { sessionDays: options.sessionDays ?? 14, now: options.now });
	return { cookie: `${SESSION_COOKIE}=${session.token}`, csrf: session.csrf, token: session.token };
}

/**
 * Signs in through /masuk like a person (works with JavaScript off) and waits for the page
 * after it. `kembali`: the page to come back to.
 */
export async function signInThroughForm(
	page: Page,
	baseUrl: string,
	user: { email: string; password: string },
	kembali?: string
): Promise<void> {
	await page.goto(`${baseUrl}/masuk${kembali ? `?kembali=${encodeURIComponent(kembali)}` : ''}`);
	await page.getByLabel('Alamat e-mail').fill(user.email);
	await page.getByLabel('Kata sandi', { exact: true }).fill(user.password);
	await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk', exact: true }).click()]);
}
