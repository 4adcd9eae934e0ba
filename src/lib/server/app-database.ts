import path from 'node:path';
import { loadConfig } from './config/env';
import { openDatabase, type AppDatabase } from './db/database';
import { runMigrations } from './db/migrate';

/**
 * The database of the running server. `jippnas serve` opens it (migrating and seeding first)
 * and hands it over under a global symbol, because the CLI and the built server are separate
 * module graphs and PGlite must be opened only once per process. Without the CLI (vite dev)
 * it is opened here on first use.
 */
const HANDOVER = Symbol.for('jippnas.database');

type GlobalWithDatabase = typeof globalThis & { [HANDOVER]?: Promise<AppDatabase> };

export function provideAppDatabase(database: AppDatabase): void {
	(globalThis as GlobalWithDatabase)[HANDOVER] = Promise.resolve(database);
}

export function getAppDatabase(): Promise<AppDatabase> {
	const holder = globalThis as GlobalWithDatabase;
	holder[HANDOVER] ??= (async () => {
		const config = loadConfig();
		const database = await openDatabase({
			databaseUrl: config.DATABASE_URL,
			pgliteDir: path.join(config.DATA_DIR, 'pglite'),
			poolSize: config.DATABASE_POOL_SIZE
		});
		await runMigrations(database);
		return database;
	})();
	return holder[HANDOVER];
}
