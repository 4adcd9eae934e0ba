import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../lib/server/config/env';
import { openDatabase, type AppDatabase } from '../lib/server/db/database';
import { runMigrations, type MigrationOutcome } from '../lib/server/db/migrate';
import {
	syncReferenceData,
	type ReferenceDataOutcome
} from '../lib/server/services/sync-reference-data';
import { CliError } from './arguments';

/** Where the configured database lives, for messages (never shows a password). */
export function describeDatabase(config: AppConfig): string {
	if (!config.DATABASE_URL) return `PGlite di ${path.resolve(config.DATA_DIR, 'pglite')}`;
	const url = new URL(config.DATABASE_URL);
	return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

/** Opens the database the configuration points to, with a readable reason when it cannot. */
export async function openConfiguredDatabase(config: AppConfig): Promise<AppDatabase> {
	const release = config.DATABASE_URL ? () => undefined : lockPglite(config.DATA_DIR);
	try {
		const database = await openDatabase({
			databaseUrl: config.DATABASE_URL,
			pgliteDir: path.join(config.DATA_DIR, 'pglite'),
			poolSize: config.DATABASE_POOL_SIZE
		});
		return {
			...database,
			async close() {
				try {
					await database.close();
				} finally {
					release();
				}
			}
		};
	} catch (error) {
		release();
		const reason = error instanceof Error ? error.message : String(error);
		throw new CliError(`Basis data (${describeDatabase(config)}) tidak dapat dibuka: ${reason}`);
	}
}

/**
 * PGlite has no lock of its own, and two processes writing the same files corrupt them (an
 * export run while `jippnas serve` is up). A lock file with the owner's pid keeps it to one
 * process; a lock left by a process that no longer runs is taken over.
 */
function lockPglite(dataDir: string): () => void {
	const file = path.resolve(dataDir, 'pglite.lock');
	mkdirSync(path.dirname(file), { recursive: true });
	for (;;) {
		try {
			writeFileSync(file, String(process.pid), { flag: 'wx' });
			const release = () => {
				process.off('exit', release);
				rmSync(file, { force: true });
			};
			process.on('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const owner = Number(readFileSync(file, 'utf8').trim());
		if (owner && owner !== process.pid && isRunning(owner)) {
			throw new CliError(
				`Basis data PGlite di ${path.resolve(dataDir, 'pglite')} sedang dipakai proses lain (PID ${owner}), mis. "jippnas serve". PGlite hanya dapat dibuka oleh satu proses: hentikan proses itu dulu, atau gunakan PostgreSQL (DATABASE_URL).`
			);
		}
		rmSync(file, { force: true });
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export interface PreparedDatabase {
	migrations: MigrationOutcome;
	referenceData: ReferenceDataOutcome;
}

/**
 * Brings the schema and the reference data (regions, agencies) up to date; both steps are
 * idempotent, so every command that needs the registry runs them first.
 */
export async function prepareDatabase(
	database: AppDatabase,
	onMigration?: (name: string) => void,
	options: { includeDistricts?: boolean } = {}
): Promise<PreparedDatabase> {
	const migrations = await runMigrations(database, undefined, onMigration);
	const referenceData = await syncReferenceData(database.db, options);
	return { migrations, referenceData };
}

/** Opens and prepares the database, runs `work`, and always closes it again. */
export async function withDatabase<T>(
	config: AppConfig,
	work: (database: AppDatabase, prepared: PreparedDatabase) => Promise<T>
): Promise<T> {
	const database = await openConfiguredDatabase(config);
	try {
		const prepared = await prepareDatabase(database);
		return await work(database, prepared);
	} finally {
		await database.close();
	}
}
