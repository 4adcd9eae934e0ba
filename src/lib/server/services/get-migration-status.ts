import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readMigrations, type Migration } from '../db/migrate';
import { listAppliedMigrations } from '../repositories/migration-repository';

export interface MigrationStatus {
	name: string;
	appliedAt: Date | null;
	/** Recorded in the database but no longer among the migration files. */
	missingFile: boolean;
}

/** Every migration file with whether and when it was applied, without applying anything. */
export async function getMigrationStatus(
	db: Kysely<DB>,
	migrations: Migration[] = readMigrations()
): Promise<MigrationStatus[]> {
	const applied = new Map((await listAppliedMigrations(db)).map((row) => [row.name, row.applied_at]));
	const known = new Set(migrations.map((m) => m.name));
	return [
		...migrations.map((m) => ({ name: m.name, appliedAt: applied.get(m.name) ?? null, missingFile: false })),
		...[...applied]
			.filter(([name]) => !known.has(name))
			.map(([name, appliedAt]) => ({ name, appliedAt, missingFile: true }))
	].sort((a, b) => a.name.localeCompare(b.name));
}
