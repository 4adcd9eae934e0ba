import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { appendChanges } from '../repositories/change-history-repository';
import { deleteSessionsOfUser } from '../repositories/session-repository';
import { countActiveUsersWithRole, findUserById, updateUser } from '../repositories/user-repository';

/**
 * An admin disables an account (its sessions end at once) or enables it again. Accounts are
 * never deleted: their names stay in the change history they wrote.
 */
export async function setUserDisabled(
	db: Kysely<DB>,
	actor: Actor | null,
	userId: string,
	disabled: boolean,
	now = new Date()
): Promise<{ id: string; name: string }> {
	authorize(actor, 'user.manage');
	const user = await findUserById(db, userId);
	if (!user) throw new AppError('USER_NOT_FOUND');
	if (user.id === actor!.id) throw new AppError('OWN_ACCOUNT');
	if (disabled === !!user.disabled_at) return { id: user.id, name: user.name };
	if (disabled && user.role === 'admin' && (await countActiveUsersWithRole(db, 'admin')) <= 1) {
		throw new AppError('LAST_ADMIN');
	}
	const to = disabled ? now : null;
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { disabled_at: to });
		if (disabled) await deleteSessionsOfUser(trx, user.id);
		await appendChanges(trx, [
			{
				entityType: 'user',
				entityId: user.id,
				version: null,
				action: 'update',
				actor: actor!.id,
				changes: { disabled_at: { from: user.disabled_at, to } }
			}
		]);
	});
	return { id: user.id, name: user.name };
}
