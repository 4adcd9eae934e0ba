import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password-hash';
import type { DB, PasswordTokenPurpose } from '../db/schema';
import { newPasswordSchema, passwordProblem } from '../domain/accounts/passwords';
import { hashToken, isWellFormedToken } from '../domain/accounts/secret-token';
import { AppError, validationError } from '../errors';
import { recordLoginAttempt } from '../repositories/login-attempt-repository';
import {
	expireOpenPasswordTokens,
	findUsablePasswordToken,
	markPasswordTokenUsed
} from '../repositories/password-token-repository';
import { deleteSessionsOfUser } from '../repositories/session-repository';
import { updateUser } from '../repositories/user-repository';

export interface PasswordLinkView {
	purpose: PasswordTokenPurpose;
	email: string;
	name: string;
	expiresAt: Date;
}

/** What a set-password link is for, or PASSWORD_LINK_INVALID. */
export async function findPasswordLink(db: Kysely<DB>, token: string, now = new Date()): Promise<PasswordLinkView> {
	if (!isWellFormedToken(token)) throw new AppError('PASSWORD_LINK_INVALID');
	const row = await findUsablePasswordToken(db, hashToken(token), now);
	if (!row) throw new AppError('PASSWORD_LINK_INVALID');
	return { purpose: row.purpose, email: row.email, name: row.name, expiresAt: new Date(row.expires_at) };
}

/**
 * Sets the password through a one-time link. The link is spent, every session of the account
 * ends (whoever knew the old password is out) and an earlier lockout is lifted.
 */
export async function setPasswordWithLink(
	db: Kysely<DB>,
	token: string,
	input: { password?: unknown; confirm?: unknown },
	options: { address?: string; now?: Date } = {}
): Promise<{ userId: string; email: string }> {
	const now = options.now ?? new Date();
	const link = await findPasswordLink(db, token, now);
	const parsed = newPasswordSchema.safeParse(input);
	if (!parsed.success) throw validationError(parsed.error);
	const problem = passwordProblem(parsed.data.password, { email: link.email });
	if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: 'password', message: problem }]);
	const passwordHash = await hashPassword(parsed.data.password);
	return db.transaction().execute(async (trx) => {
		const row = await findUsablePasswordToken(trx, hashToken(token), now);
		if (!row || !(await markPasswordTokenUsed(trx, row.id, now))) throw new AppError('PASSWORD_LINK_INVALID');
		await updateUser(trx, row.user_id, { password_hash: passwordHash, password_changed_at: now });
		await expireOpenPasswordTokens(trx, row.user_id, now);
		await deleteSessionsOfUser(trx, row.user_id);
		await recordLoginAttempt(trx, { email: row.email.toLowerCase(), address: options.address ?? 'link', outcome: 'reset', at: now });
		return { userId: row.user_id, email: row.email };
	});
}
