import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { authorize, type Actor } from '../policy';
import { listUsers as listUserRows } from '../repositories/user-repository';

/** Every account for the admin's user page (no password hashes). */
export async function listUsers(db: Kysely<DB>, actor: Actor | null) {
	authorize(actor, 'user.manage');
	const rows = await listUserRows(db);
	return rows.map((row) => ({
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		agencyId: row.agency_id,
		agencyName: row.agency_name,
		hubId: row.hub_id,
		hubName: row.hub_name,
		createdAt: new Date(row.created_at).toISOString(),
		disabledAt: row.disabled_at ? new Date(row.disabled_at).toISOString() : null,
		lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
		hasPassword: row.has_password
	}));
}
