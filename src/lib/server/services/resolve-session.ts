import type { Kysely } from 'kysely';
import type { DB, UserRole } from '../db/schema';
import { hashToken, isWellFormedToken } from '../domain/accounts/secret-token';
import type { Actor } from '../policy';
import { findLiveSession, touchSession } from '../repositories/session-repository';

export interface SessionView {
	/** Hash of the token: the session's id in the database. */
	id: string;
	csrf: string;
	expiresAt: Date;
	actor: Actor;
	user: { id: string; name: string; email: string; role: UserRole };
}

/** How often a session records that it is still in use (one write per this, not per request). */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/**
 * The session behind a cookie token, or null when it is unknown, expired, or its user is
 * disabled. Sessions expire after `sessionDays` without use: each use (at most every five
 * minutes) moves the expiry forward.
 */
export async function resolveSession(
	db: Kysely<DB>,
	token: string | undefined,
	options: { sessionDays: number; now?: Date }
): Promise<SessionView | null> {
	if (!isWellFormedToken(token)) return null;
	const now = options.now ?? new Date();
	const row = await findLiveSession(db, hashToken(token), now);
	if (!row) return null;
	let expiresAt = new Date(row.expires_at);
	if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_INTERVAL_MS) {
		expiresAt = new Date(now.getTime() + options.sessionDays * 86_400_000);
		await touchSession(db, row.id, now, expiresAt);
	}
	return {
		id: row.id,
		csrf: row.csrf_token,
		expiresAt,
		actor: { id: row.user_id, role: row.role, agencyId: row.agency_id, hubId: row.hub_id },
		user: { id: row.user_id, name: row.name, email: row.email, role: row.role }
	};
}
