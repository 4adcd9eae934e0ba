import type { Kysely } from 'kysely';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import type { DB } from '../db/schema';
import { newPasswordSchema, passwordProblem } from '../domain/accounts/passwords';
import { AppError, validationError } from '../errors';
import type { Actor } from '../policy';
import { recordLoginAttempt } from '../repositories/login-attempt-repository';
import { deleteSessionsOfUser } from '../repositories/session-repository';
import { findUserById, updateUser } from '../repositories/user-repository';

/**
 * The signed-in user changes their own password; their other sessions end, this one stays.
 */
export async function changePassword(
	db: Kysely<DB>,
	actor: Actor | null,
	input: { current?: unknown; password?: unknown; confirm?: unknown },
	options: { currentSessionId?: string; now?: Date } = {}
): Promise<void> {
	if (!actor || actor.role === 'system') throw new AppError('UNAUTHENTICATED');
	const user = await findUserById(db, actor.id);
	if (!user || user.disabled_at) throw new AppError('UNAUTHENTICATED');
	if (typeof input.current !== 'string' || input.current === '') {
		throw new AppError('VALIDATION_FAILED', 'Kata sandi saat ini wajib diisi.', [
			{ path: 'current', message: 'Kata sandi saat ini wajib diisi.' }
		]);
	}
	const parsed = newPasswordSchema.safeParse(input);
	if (!parsed.success) throw validationError(parsed.error);
	const problem = passwordProblem(parsed.data.password, { email: user.email });
	if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: 'password', message: problem }]);
	if (!(await verifyPassword(user.password_hash, input.current))) throw new AppError('WRONG_PASSWORD');
	const now = options.now ?? new Date();
	const passwordHash = await hashPassword(parsed.data.password);
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { password_hash: passwordHash, password_changed_at: now });
		await deleteSessionsOfUser(trx, user.id, options.currentSessionId);
		await recordLoginAttempt(trx, { email: user.email.toLowerCase(), address: 'akun', outcome: 'reset', at: now });
	});
}
