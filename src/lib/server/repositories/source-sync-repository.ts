import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, SourceKey, SourceSyncsTable } from '../db/schema';

export type SourceSyncRow = Selectable<SourceSyncsTable>;

/** The newest sync of a source from one base URL, whatever its status. */
export async function findLatestSync(db: Kysely<DB>, source: SourceKey, baseUrl: string): Promise<SourceSyncRow | undefined> {
	return db
		.selectFrom('source_syncs')
		.selectAll()
		.where('source', '=', source)
		.where('base_url', '=', baseUrl)
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** What each successful sync of a source from one base URL asked for, oldest first. */
export async function listSucceededSyncWindows(
	db: Kysely<DB>,
	source: SourceKey,
	baseUrl: string
): Promise<{ since: Date | null; startedAt: Date }[]> {
	const rows = await db
		.selectFrom('source_syncs')
		.select(['since', 'started_at'])
		.where('source', '=', source)
		.where('base_url', '=', baseUrl)
		.where('status', '=', 'succeeded')
		.orderBy('id')
		.execute();
	return rows.map((row) => ({ since: row.since, startedAt: row.started_at }));
}

export async function findSync(db: Kysely<DB>, id: number): Promise<SourceSyncRow | undefined> {
	return db.selectFrom('source_syncs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Starts a sync; the staged file's name depends on the new id, so it is set in the same transaction. */
export async function createSync(
	db: Kysely<DB>,
	sync: { source: SourceKey; baseUrl: string; since: Date | null; perPage: number; actor: string },
	stagedFileFor: (id: number) => string
): Promise<SourceSyncRow> {
	return db.transaction().execute(async (trx) => {
		const { id } = await trx
			.insertInto('source_syncs')
			.values({ source: sync.source, base_url: sync.baseUrl, since: sync.since, per_page: sync.perPage, actor: sync.actor })
			.returning('id')
			.executeTakeFirstOrThrow();
		return trx
			.updateTable('source_syncs')
			.set({ staged_file: stagedFileFor(id) })
			.where('id', '=', id)
			.returningAll()
			.executeTakeFirstOrThrow();
	});
}

/** Records a page as fetched, after it was written to the staged file. */
export async function recordSyncPage(
	db: Kysely<DB>,
	id: number,
	page: { pagesFetched: number; lastPage: number; total: number; recordsFetched: number; stagedBytes: number }
): Promise<void> {
	await db
		.updateTable('source_syncs')
		.set({
			pages_fetched: page.pagesFetched,
			last_page: page.lastPage,
			total: page.total,
			records_fetched: page.recordsFetched,
			staged_bytes: page.stagedBytes
		})
		.where('id', '=', id)
		.execute();
}

/** Back to page one (the staged file was lost): the sync is fetched again from the start. */
export async function restartSync(db: Kysely<DB>, id: number): Promise<void> {
	await db
		.updateTable('source_syncs')
		.set({ status: 'running', pages_fetched: 0, last_page: null, total: null, records_fetched: 0, staged_bytes: 0, error: null })
		.where('id', '=', id)
		.execute();
}

export async function markSyncRunning(db: Kysely<DB>, id: number): Promise<void> {
	await db.updateTable('source_syncs').set({ status: 'running', error: null, finished_at: null }).where('id', '=', id).execute();
}

export async function markSyncFailed(db: Kysely<DB>, id: number, error: string): Promise<void> {
	await db.updateTable('source_syncs').set({ status: 'failed', error, finished_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

export async function markSyncSucceeded(db: Kysely<DB>, id: number, importRunId: number | null): Promise<void> {
	await db
		.updateTable('source_syncs')
		.set({ status: 'succeeded', error: null, finished_at: sql<Date>`now()`, import_run_id: importRunId })
		.where('id', '=', id)
		.execute();
}

/**
 * A session-level advisory lock on one source's base URL, so two runs (cron and a person, two
 * processes on one PostgreSQL) never sync it at once. Two-key form: its own key space, apart from
 * the one-key transaction locks (replication numbers). `conn` must be one connection held for
 * the whole sync: the lock belongs to that session and only it can unlock.
 */
export async function tryLockSyncSource(conn: Kysely<DB>, source: SourceKey, baseUrl: string): Promise<boolean> {
	const { rows } = await sql<{ locked: boolean }>`
		select pg_try_advisory_lock(hashtext('jippnas:source-sync'), hashtext(${`${source}:${baseUrl}`})) as locked`.execute(conn);
	return rows[0]?.locked === true;
}

export async function unlockSyncSource(conn: Kysely<DB>, source: SourceKey, baseUrl: string): Promise<void> {
	await sql`select pg_advisory_unlock(hashtext('jippnas:source-sync'), hashtext(${`${source}:${baseUrl}`}))`.execute(conn);
}
