import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AppDatabase } from './database';

export interface Migration {
	name: string;
	sql: string;
	checksum: string;
}

export function migrationsDirectory(): string {
	// Resolved from the package root so the built server and the CLI read the same files.
	const here = path.dirname(fileURLToPath(import.meta.url));
	const candidates = [
		path.resolve(here, 'migrations'),
		path.resolve(process.cwd(), 'src/lib/server/db/migrations')
	];
	for (const dir of candidates) {
		try {
			if (readdirSync(dir).some((f) => f.endsWith('.sql'))) return dir;
		} catch {
			/* try the next candidate */
		}
	}
	throw new Error('Folder migrasi tidak ditemukan');
}

export function readMigrations(dir = migrationsDirectory()): Migration[] {
	return readdirSync(dir)
		.filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
		.sort()
		.map((file) => {
			const text = readFileSync(path.join(dir, file), 'utf8');
			return {
				name: file.replace(/\.sql$/, ''),
				sql: text,
				checksum: createHash('sha256').update(text).digest('hex')
			};
		});
}

export interface MigrationOutcome {
	applied: string[];
	alreadyApplied: number;
}

/**
 * Applies pending migrations in order, each in its own transaction together with its
 * bookkeeping row: a migration that fails leaves the database exactly as it was.
 */
export async function runMigrations(
	database: AppDatabase,
	migrations: Migration[] = readMigrations(),
	onProgress?: (name: string) => void
): Promise<MigrationOutcome> {
	await database.execScript(`create table if not exists schema_migrations (
		name text primary key,
		checksum text not null,
		applied_at timestamptz not null default now()
	)`);
	{
		const done = await database.db
			.selectFrom('schema_migrations')
			.select(['name', 'checksum'])
			.execute();
		const appliedByName = new Map(done.map((row) => [row.name, row.checksum]));
		for (const migration of migrations) {
			const previous = appliedByName.get(migration.name);
			if (previous && previous !== migration.checksum) {
				throw new Error(
					`Migrasi ${migration.name} sudah dijalankan tetapi isinya berubah. Buat migrasi baru, jangan mengubah yang lama.`
				);
			}
		}
		const pending = migrations.filter((m) => !appliedByName.has(m.name));
		for (const migration of pending) {
			onProgress?.(migration.name);
			// The bookkeeping row goes first: when two processes start at once, the second waits
			// on the lock and then fails on the primary key instead of applying twice.
			const script = [
				'begin;',
				'select pg_advisory_xact_lock(727274);',
				`insert into schema_migrations (name, checksum) values ('${migration.name}', '${migration.checksum}');`,
				migration.sql,
				';commit;'
			].join('\n');
			try {
				await database.execScript(script);
			} catch (error) {
				await database.execScript('rollback').catch(() => undefined);
				const reason = error instanceof Error ? error.message : String(error);
				throw new Error(`Migrasi ${migration.name} gagal dan dibatalkan seluruhnya: ${reason}`);
			}
		}
		return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length };
	}
}
