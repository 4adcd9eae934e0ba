import type { PGlite } from '@electric-sql/pglite';

/**
 * Presents one embedded PGlite instance as the small part of a `pg.Pool` that Kysely's
 * PostgresDialect uses. PGlite has a single session, so a connection is an exclusive lease:
 * a transaction begun by one request can never interleave with another request's statements.
 */
export interface PoolLike {
	connect(): Promise<PooledClient>;
	end(): Promise<void>;
}

interface PooledClient {
	query(
		sql: string,
		parameters: readonly unknown[]
	): Promise<{ command: string; rowCount: number; rows: unknown[] }>;
	release(): void;
}

const COMMAND = /^\s*(insert|update|delete|merge|commit|rollback)\b/i;

export function createPgliteSessionPool(pglite: PGlite): PoolLike {
	let tail: Promise<void> = Promise.resolve();

	async function lease(): Promise<() => void> {
		let release!: () => void;
		const previous = tail;
		tail = new Promise<void>((resolve) => (release = resolve));
		await previous;
		return release;
	}

	return {
		async connect() {
			const release = await lease();
			let released = false;
			return {
				async query(sql, parameters) {
					const result = await pglite.query(sql, parameters as unknown[]);
					const command = COMMAND.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
					return { command, rowCount: result.affectedRows ?? 0, rows: result.rows };
				},
				release() {
					if (!released) {
						released = true;
						release();
					}
				}
			};
		},
		async end() {
			await pglite.close();
		}
	};
}
