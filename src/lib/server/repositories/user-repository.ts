import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB, UserRole, UsersTable } from '../db/schema';

export function findUserByEmail(db: Kysely<DB>, email: string) {
	return db
		.selectFrom('users')
		.selectAll()
		.where(sql`lower(email)`, '=', email.trim().toLowerCase())
		.executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: string) {
	return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Kysely<DB>, row: Insertable<UsersTable>): Promise<void> {
	await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Kysely<DB>, id: string, patch: Updateable<UsersTable>): Promise<void> {
	await db
		.updateTable('users')
		.set({ ...patch, updated_at: new Date() })
		.where('id', '=', id)
		.execute();
}

/** Every account with its agency and hub names, active ones first, then by name. */
export function listUsers(db: Kysely<DB>) {
	return db
		.selectFrom('users as u')
		.leftJoin('agencies as a', 'a.id', 'u.agency_id')
		.leftJoin('hubs as h', 'h.id', 'u.hub_id')
		.select([
			'u.id',
			'u.email',
			'u.name',
			'u.role',
			'u.agency_id',
			'u.hub_id',
			'a.name as agency_name',
			'h.name as hub_name',
			'u.created_at',
			'u.disabled_at',
			'u.last_sign_in_at',
			sql<boolean>`u.password_hash is not null`.as('has_password')
		])
		.orderBy(sql`u.disabled_at is not null`)
		.orderBy('u.name')
		.execute();
}

export async function countActiveUsersWithRole(db: Kysely<DB>, role: UserRole): Promise<number> {
	const row = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('role', '=', role)
		.where('disabled_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function agencyExists(db: Kysely<DB>, id: string): Promise<boolean> {
	return !!(await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst());
}

export async function hubExists(db: Kysely<DB>, id: string): Promise<boolean> {
	return !!(await db.selectFrom('hubs').select('id').where('id', '=', id).executeTakeFirst());
}

/** A user with the names of their agency and hub. */
export function findUserProfile(db: Kysely<DB>, id: string) {
	return db
		.selectFrom('users as u')
		.leftJoin('agencies as a', 'a.id', 'u.agency_id')
		.leftJoin('hubs as h', 'h.id', 'u.hub_id')
		.select(['u.id', 'u.name', 'u.email', 'u.role', 'u.agency_id', 'u.hub_id', 'u.disabled_at', 'a.name as agency_name', 'h.name as hub_name'])
		.where('u.id', '=', id)
		.executeTakeFirst();
}
