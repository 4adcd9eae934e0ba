import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './schema';
import { createPgliteSessionPool, type PoolLike } from './pglite-pool';

/**
 * The one handle every repository receives. `kind` says which engine is behind it, for the
 * few places (advisory locks, database creation in tests) where the two differ.
 */
export interface AppDatabase {
	kind: 'pglite' | 'postgres';
	db: Kysely<DB>;
	/** Runs a script of several statements (migrations). No parameters. */
	execScript(sql: string): Promise<void>;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** A postgres:// URL; when absent the embedded PGlite is used. */
	databaseUrl?: string;
	/** Directory of the PGlite files; `memory://` keeps them in memory (tests). */
	pgliteDir?: string;
	poolSize?: number;
}

// Same JavaScript types from both engines: int8 and numeric as numbers (our counts and
// measures fit), dates as ISO strings (a calendar date has no time zone).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (value: string) => (value === null ? null : Number(value));
const asIs = (value: string) => value;

export async function openDatabase(options: DatabaseOptions): Promise<AppDatabase> {
	if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
	return openPglite(options.pgliteDir ?? './data/pglite');
}

async function openPostgres(url: string, poolSize: number): Promise<AppDatabase> {
	const pg = (await import('pg')).default;
	const types = {
		getTypeParser(oid: number, format?: string) {
			if (oid === INT8 || oid === NUMERIC) return toNumber;
			if (oid === DATE) return asIs;
			return pg.types.getTypeParser(oid, format as 'text');
		}
	};
	const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
	// An idle connection that the server closes (restart, admin command) must not crash the
	// process; the pool replaces it on the next query.
	pool.on('error', (error) => {
		if ((error as { code?: string }).code !== '57P01') console.error(`Koneksi PostgreSQL terputus: ${error.message}`);
	});
	// Fail at start-up, with the reason, when the server cannot be reached.
	const probe = await pool.connect();
	probe.release();
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
	return {
		kind: 'postgres',
		db,
		async execScript(sql) {
			const client = await pool.connect();
			try {
				await client.query(sql);
			} finally {
				client.release();
			}
		},
		async close() {
			await db.destroy();
		}
	};
}

async function openPglite(dir: string): Promise<AppDatabase> {
	const { PGlite, types } = await import('@electric-sql/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
	const inMemory = dir.startsWith('memory://');
	if (!inMemory) mkdirSync(path.resolve(dir), { recursive: true });
	const pglite = await PGlite.create({
		dataDir: inMemory ? undefined : path.resolve(dir),
		extensions: { pg_trgm, unaccent },
		parsers: { [types.INT8]: toNumber, [types.NUMERIC]: toNumber, [types.DATE]: asIs }
	});
	const pool: PoolLike = createPgliteSessionPool(pglite);
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as never }) });
	return {
		kind: 'pglite',
		db,
		async execScript(sql) {
			const client = await pool.connect();
			try {
				await pglite.exec(sql);
			} finally {
				client.release();
			}
		},
		async close() {
			await db.destroy();
		}
	};
}
