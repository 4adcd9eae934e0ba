import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { hashToken, isWellFormedToken } from '../domain/accounts/secret-token';
import { deleteSession } from '../repositories/session-repository';

/** Ends the session behind this cookie token (nothing to do when there is none). */
export async function signOut(db: Kysely<DB>, token: string | undefined): Promise<void> {
	if (isWellFormedToken(token)) await deleteSession(db, hashToken(token));
}
