import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { scopeForRole } from '../domain/accounts/roles';
import { roleSchema } from '../domain/accounts/user-input';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { appendChanges } from '../repositories/change-history-repository';
import { agencyExists, countActiveUsersWithRole, findUserById, hubExists, updateUser } from '../repositories/user-repository';

/**
 * An admin changes someone's role (and the agency or hub it applies to). The change applies
 * to their open sessions at once: sessions read the role from the account on every request.
 */
export async function changeUserRole(
	db: Kysely<DB>,
	actor: Actor | null,
	input: { userId: string; role: unknown; agencyId?: string | null; hubId?: string | null }
): Promise<{ id: string; name: string }> {
	authorize(actor, 'user.manage');
	const role = roleSchema.safeParse(input.role);
	if (!role.success) throw new AppError('VALIDATION_FAILED', role.error.issues[0]!.message);
	const user = await findUserById(db, input.userId);
	if (!user) throw new AppError('USER_NOT_FOUND');
	if (user.id === actor!.id) throw new AppError('OWN_ACCOUNT');
	const scope = scopeForRole(role.data, { agencyId: input.agencyId || null, hubId: input.hubId || null });
	if (!scope.ok) throw new AppError('VALIDATION_FAILED', scope.message);
	if (scope.agencyId && !(await agencyExists(db, scope.agencyId))) {
		throw new AppError('AGENCY_NOT_FOUND', `Instansi "${scope.agencyId}" tidak ditemukan.`);
	}
	if (scope.hubId && !(await hubExists(db, scope.hubId))) {
		throw new AppError('HUB_NOT_FOUND', `Hub "${scope.hubId}" tidak ditemukan.`);
	}
	if (user.role === 'admin' && role.data !== 'admin' && !user.disabled_at && (await countActiveUsersWithRole(db, 'admin')) <= 1) {
		throw new AppError('LAST_ADMIN');
	}
	const before = { role: user.role, agency_id: user.agency_id, hub_id: user.hub_id };
	const after = { role: role.data, agency_id: scope.agencyId, hub_id: scope.hubId };
	const changes = Object.fromEntries(
		(Object.keys(after) as Array<keyof typeof after>)
			.filter((key) => before[key] !== after[key])
			.map((key) => [key, { from: before[key], to: after[key] }])
	);
	if (Object.keys(changes).length === 0) return { id: user.id, name: user.name };
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, after);
		await appendChanges(trx, [{ entityType: 'user', entityId: user.id, version: null, action: 'update', actor: actor!.id, changes }]);
	});
	return { id: user.id, name: user.name };
}
