import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password-hash';
import type { DB } from '../db/schema';
import { passwordProblem } from '../domain/accounts/passwords';
import { scopeForRole } from '../domain/accounts/roles';
import { defaultName, newUserId, newUserSchema, type NewUserInput } from '../domain/accounts/user-input';
import { AppError, validationError } from '../errors';
import { authorize, type Actor } from '../policy';
import { appendChanges } from '../repositories/change-history-repository';
import { agencyExists, findUserByEmail, hubExists, insertUser } from '../repositories/user-repository';

export interface CreatedUser {
	id: string;
	email: string;
	name: string;
	role: string;
	agencyId: string | null;
	hubId: string | null;
	hasPassword: boolean;
}

/**
 * Creates an account (admins, and `jippnas user create` for the first one). Without a password
 * the user sets one through a link (see issuePasswordLink). Recorded in the change history.
 */
/** The checks that need no database: e-mail, role and its scope, password rules. */
export function validateNewUser(input: NewUserInput & { password?: string | null }) {
	const parsed = newUserSchema.safeParse(input);
	if (!parsed.success) throw validationError(parsed.error);
	const scope = scopeForRole(parsed.data.role, parsed.data);
	if (!scope.ok) throw new AppError('VALIDATION_FAILED', scope.message);
	if (input.password != null) {
		const problem = passwordProblem(input.password, { email: parsed.data.email });
		if (problem) throw new AppError('VALIDATION_FAILED', problem);
	}
	return { ...parsed.data, agencyId: scope.agencyId, hubId: scope.hubId };
}

export async function createUser(
	db: Kysely<DB>,
	actor: Actor | null,
	input: NewUserInput & { password?: string | null }
): Promise<CreatedUser> {
	authorize(actor, 'user.manage');
	const valid = validateNewUser(input);
	const { email, role } = valid;
	if (valid.agencyId && !(await agencyExists(db, valid.agencyId))) {
		throw new AppError('AGENCY_NOT_FOUND', `Instansi "${valid.agencyId}" tidak ditemukan.`);
	}
	if (valid.hubId && !(await hubExists(db, valid.hubId))) {
		throw new AppError('HUB_NOT_FOUND', `Hub "${valid.hubId}" tidak ditemukan.`);
	}
	if (await findUserByEmail(db, email)) throw new AppError('EMAIL_TAKEN');

	const user = {
		id: newUserId(),
		email,
		name: valid.name ?? defaultName(email),
		role,
		agency_id: valid.agencyId,
		hub_id: valid.hubId
	};
	const now = new Date();
	await db.transaction().execute(async (trx) => {
		await insertUser(trx, {
			...user,
			password_hash: input.password != null ? await hashPassword(input.password) : null,
			password_changed_at: input.password != null ? now : null,
			invited_by: actor!.id
		});
		await appendChanges(trx, [
			{ entityType: 'user', entityId: user.id, version: null, action: 'create', actor: actor!.id, snapshot: user }
		]);
	});
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		agencyId: user.agency_id,
		hubId: user.hub_id,
		hasPassword: input.password != null
	};
}
