import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { countSessionsOfUser } from '../repositories/session-repository';
import { findUserProfile } from '../repositories/user-repository';

/** The signed-in user's own account page: who they are, where they act, how many sessions are open. */
export async function getOwnAccount(db: Kysely<DB>, actor: Actor | null, now = new Date()) {
	authorize(actor, 'account.own');
	const [user, sessions] = await Promise.all([findUserProfile(db, actor!.id), countSessionsOfUser(db, actor!.id, now)]);
	if (!user || user.disabled_at) throw new AppError('UNAUTHENTICATED');
	return {
		name: user.name,
		email: user.email,
		role: user.role,
		agencyId: user.agency_id,
		agencyName: user.agency_name,
		hubId: user.hub_id,
		hubName: user.hub_name,
		sessions
	};
}
