import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, JobKind, JobsTable, JobStatus } from '../db/schema';

/** Background jobs (migrations/0008_jobs.sql). Times are compared on the database's clock. */

export type JobRow = Selectable<JobsTable>;

export async function insertJob(db: Kysely<DB>, job: { kind: JobKind; payload: Record<string, unknown>; actor: string }): Promise<number> {
	const row = await db
		.insertInto('jobs')
		.values({ kind: job.kind, payload: JSON.stringify(job.payload), actor: job.actor })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export function findJob(db: Kysely<DB>, id: number): Promise<JobRow | undefined> {
	return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Takes the oldest queued job of `kind` for `workerId`. SKIP LOCKED lets workers in other
 * processes pass over a row one of them is claiming instead of waiting for it.
 */
export function claimNextJob(db: Kysely<DB>, kind: JobKind, workerId: string): Promise<JobRow | undefined> {
	return db.transaction().execute(async (trx) => {
		const next = await trx
			.selectFrom('jobs')
			.select('id')
			.where('kind', '=', kind)
			.where('status', '=', 'queued')
			.orderBy('id')
			.limit(1)
			.forUpdate()
			.skipLocked()
			.executeTakeFirst();
		if (!next) return undefined;
		return trx
			.updateTable('jobs')
			.set({
				status: 'running',
				locked_by: workerId,
				locked_at: sql<Date>`now()`,
				heartbeat_at: sql<Date>`now()`,
				attempts: sql<number>`attempts + 1`,
				error: null
			})
			.where('id', '=', next.id)
			.returningAll()
			.executeTakeFirst();
	});
}

/** Refreshes the heartbeat; false when the job is no longer this worker's (it was recovered). */
export async function touchJob(db: Kysely<DB>, id: number, workerId: string): Promise<boolean> {
	const result = await db
		.updateTable('jobs')
		.set({ heartbeat_at: sql<Date>`now()` })
		.where('id', '=', id)
		.where('status', '=', 'running')
		.where('locked_by', '=', workerId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Records the outcome, only while the job is still this worker's. */
export async function finishJob(
	db: Kysely<DB>,
	id: number,
	workerId: string,
	outcome: { status: Extract<JobStatus, 'succeeded' | 'failed'>; error?: string | null }
): Promise<boolean> {
	const result = await db
		.updateTable('jobs')
		.set({ status: outcome.status, error: outcome.error ?? null, finished_at: sql<Date>`now()`, locked_by: null })
		.where('id', '=', id)
		.where('status', '=', 'running')
		.where('locked_by', '=', workerId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Running jobs, each with whether its heartbeat is older than `staleSeconds`. */
export async function listRunningJobs(db: Kysely<DB>, staleSeconds: number) {
	const rows = await db
		.selectFrom('jobs')
		.select(['id', 'locked_by', 'attempts', 'max_attempts'])
		.select(sql<boolean>`heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${staleSeconds})`.as('stale'))
		.where('status', '=', 'running')
		.orderBy('id')
		.execute();
	return rows.map((row) => ({ ...row, stale: Boolean(row.stale) }));
}

/**
 * Locks a running job still held by `lockedBy` for recovery; undefined when another process is
 * recovering it right now or its worker has moved on.
 */
export function lockRunningJob(db: Kysely<DB>, id: number, lockedBy: string | null) {
	let query = db
		.selectFrom('jobs')
		.select(['id', 'attempts', 'max_attempts'])
		.where('id', '=', id)
		.where('status', '=', 'running');
	query = lockedBy === null ? query.where('locked_by', 'is', null) : query.where('locked_by', '=', lockedBy);
	return query.forUpdate().skipLocked().executeTakeFirst();
}

export async function requeueJob(db: Kysely<DB>, id: number, error: string): Promise<void> {
	await db
		.updateTable('jobs')
		.set({ status: 'queued', locked_by: null, locked_at: null, heartbeat_at: null, error })
		.where('id', '=', id)
		.execute();
}

export async function failJob(db: Kysely<DB>, id: number, error: string): Promise<void> {
	await db
		.updateTable('jobs')
		.set({ status: 'failed', locked_by: null, finished_at: sql<Date>`now()`, error })
		.where('id', '=', id)
		.execute();
}

/** Jobs that have no import run yet (queued, just started) or never got one (failed before it). */
export function listJobsWithoutRun(db: Kysely<DB>, kind: JobKind, limit: number) {
	return db
		.selectFrom('jobs')
		.leftJoin('users', 'users.id', 'jobs.actor')
		.select([
			'jobs.id',
			'jobs.status',
			'jobs.payload',
			'jobs.actor',
			'users.name as actor_name',
			'jobs.attempts',
			'jobs.created_at',
			'jobs.finished_at',
			'jobs.error'
		])
		.where('jobs.kind', '=', kind)
		.where((eb) => eb.not(eb.exists(eb.selectFrom('import_runs').select('import_runs.id').whereRef('import_runs.job_id', '=', 'jobs.id'))))
		.orderBy('jobs.id', 'desc')
		.limit(limit)
		.execute();
}
