import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../policy';
import { deleteSessionsOfUser } from '../repositories/session-repository';

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhere(db: Kysely<DB>, actor: Actor | null): Promise<number> {
	if (!actor || actor.role === 'system') throw new AppError('UNAUTHENTICATED');
	return deleteSessionsOfUser(db, actor.id);
}
