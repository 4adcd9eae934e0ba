import type { Kysely } from 'kysely';
import { verifyPassword } from '../auth/password-hash';
import type { DB } from '../db/schema';
import { evaluateLoginThrottle, minutesUntil, THROTTLE } from '../domain/accounts/login-throttle';
import { hashToken, newSecretToken } from '../domain/accounts/secret-token';
import { AppError } from '../errors';
import { attemptsForEmailSince, failuresFromAddressSince, recordLoginAttempt } from '../repositories/login-attempt-repository';
import { insertSession } from '../repositories/session-repository';
import { findUserByEmail, updateUser } from '../repositories/user-repository';

export interface SignInInput {
	email: string;
	password: string;
	/** The client's network address, for the per-address limit. */
	address: string;
	userAgent?: string | null;
}

export interface SignInOptions {
	sessionDays: number;
	now?: Date;
}

export interface NewSession {
	/** The secret for the session cookie; only its hash is stored. */
	token: string;
	csrf: string;
	userId: string;
	expiresAt: Date;
}

/**
 * Checks the e-mail and password under the rate limits and opens a server-side session.
 * Every wrong e-mail or password answers the same, so the form does not tell who has an account.
 */
export async function signIn(db: Kysely<DB>, input: SignInInput, options: SignInOptions): Promise<NewSession> {
	const now = options.now ?? new Date();
	const email = input.email.trim().toLowerCase();
	const since = new Date(now.getTime() - THROTTLE.windowMs);
	const [accountAttempts, addressFailures] = await Promise.all([
		attemptsForEmailSince(db, email, since, THROTTLE.accountMaxFailures + 1),
		failuresFromAddressSince(db, input.address, since, THROTTLE.addressMaxFailures)
	]);
	const decision = evaluateLoginThrottle({
		accountAttempts: accountAttempts.map((a) => ({ outcome: a.outcome, at: new Date(a.attempted_at) })),
		addressFailures,
		now
	});
	if (!decision.allowed) {
		const minutes = minutesUntil(decision.until, now);
		throw decision.reason === 'account_locked'
			? new AppError(
					'ACCOUNT_LOCKED',
					`Akun ini dikunci sementara karena ${THROTTLE.accountMaxFailures} kali gagal masuk berturut-turut. Coba lagi dalam ${minutes} menit, atau atur ulang kata sandi melalui "Lupa kata sandi?".`
				)
			: new AppError(
					'TOO_MANY_ATTEMPTS',
					`Terlalu banyak percobaan masuk yang gagal dari alamat jaringan ini. Coba lagi dalam ${minutes} menit.`
				);
	}

	const user = await findUserByEmail(db, email);
	const valid = await verifyPassword(user?.password_hash ?? null, input.password);
	if (!user || !valid) {
		await recordLoginAttempt(db, { email, address: input.address, outcome: 'failure', at: now });
		throw new AppError('SIGN_IN_FAILED');
	}
	// Told only to someone who knows the password: it reveals nothing to a guesser.
	if (user.disabled_at) throw new AppError('ACCOUNT_DISABLED');

	await recordLoginAttempt(db, { email, address: input.address, outcome: 'success', at: now });
	const session = await openSession(db, user.id, { ...options, now, userAgent: input.userAgent, address: input.address });
	await updateUser(db, user.id, { last_sign_in_at: now });
	return session;
}

/** A new session for a user who has just proved who they are. */
export async function openSession(
	db: Kysely<DB>,
	userId: string,
	options: SignInOptions & { userAgent?: string | null; address?: string | null }
): Promise<NewSession> {
	const now = options.now ?? new Date();
	const token = newSecretToken();
	const csrf = newSecretToken();
	const expiresAt = new Date(now.getTime() + options.sessionDays * 86_400_000);
	await insertSession(db, {
		id: hashToken(token),
		user_id: userId,
		csrf_token: csrf,
		created_at: now,
		last_seen_at: now,
		expires_at: expiresAt,
		user_agent: options.userAgent?.slice(0, 300) ?? null,
		address: options.address ?? null
	});
	return { token, csrf, userId, expiresAt };
}
