import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Migrations recorded as applied; none when the bookkeeping table does not exist yet. */
export async function listAppliedMigrations(db: Kysely<DB>) {
	const { rows } = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(db);
	if (!rows[0]?.t) return [];
	return db.selectFrom('schema_migrations').select(['name', 'applied_at']).orderBy('name').execute();
}
