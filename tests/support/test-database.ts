import { randomBytes } from 'node:crypto';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/database';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { syncReferenceData } from '../../src/lib/server/services/sync-reference-data';

/**
 * A fresh, migrated database with reference data (regions, agencies) for one test file.
 * PGlite in memory by default; with DATABASE_URL a new PostgreSQL database on that server,
 * dropped again at the end, so runs never see each other's rows.
 */
export interface TestDatabase extends AppDatabase {
	/** Drops the database (PostgreSQL) or closes it (PGlite). */
	dispose(): Promise<void>;
	/** Connection URL of the PostgreSQL test database, when on PostgreSQL. */
	url?: string;
}

export async function createTestDatabase(options: { referenceData?: boolean } = {}): Promise<TestDatabase> {
	const serverUrl = process.env.DATABASE_URL;
	let database: AppDatabase;
	let url: string | undefined;
	let drop: (() => Promise<void>) | undefined;
	if (serverUrl) {
		const name = `jippnas_test_${randomBytes(6).toString('hex')}`;
		const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
		await admin.execScript(`create database ${name}`);
		await admin.close();
		const parsed = new URL(serverUrl);
		parsed.pathname = `/${name}`;
		url = parsed.toString();
		database = await openDatabase({ databaseUrl: url, poolSize: 5 });
		drop = async () => {
			const again = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
			await again.execScript(`drop database if exists ${name} with (force)`);
			await again.close();
		};
	} else {
		database = await openDatabase({ pgliteDir: 'memory://' });
	}
	await runMigrations(database);
	if (options.referenceData !== false) await syncReferenceData(database.db);
	return {
		...database,
		url,
		async dispose() {
			await database.close();
			await drop?.();
		}
	};
}
