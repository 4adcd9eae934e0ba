import { sql, type Kysely } from 'kysely';
import type { DB, SourceKey } from '../db/schema';

/**
 * Import runs as the admin pages see them (list, one run, its quarantined rows), and the
 * bookkeeping that ties a run to the background job that ran it. The importer's own writes
 * stay in import-repository.ts.
 */

/**
 * Ties the run a job's import has just created to the job. The importer creates its run itself,
 * so the run is recognised by what the job knows of it: same source, file checksum and actor,
 * started after the job was claimed and not yet tied to any job.
 */
export async function linkNewRunToJob(
	db: Kysely<DB>,
	job: { id: number; source: SourceKey; checksum: string; actor: string; claimedAt: Date }
): Promise<number | null> {
	const row = await db
		.updateTable('import_runs')
		.set({ job_id: job.id })
		.where(
			'id',
			'=',
			(eb) =>
				eb
					.selectFrom('import_runs')
					.select('id')
					.where('job_id', 'is', null)
					.where('source', '=', job.source)
					.where('checksum', '=', job.checksum)
					.where('actor', '=', job.actor)
					.where('started_at', '>=', job.claimedAt)
					.orderBy('id')
					.limit(1)
		)
		.returning('id')
		.executeTakeFirst();
	return row?.id ?? null;
}

export async function setRunJob(db: Kysely<DB>, runId: number, jobId: number): Promise<void> {
	await db.updateTable('import_runs').set({ job_id: jobId }).where('id', '=', runId).execute();
}

/** The newest run of a job. */
export async function findLatestRunOfJob(db: Kysely<DB>, jobId: number): Promise<number | null> {
	const row = await db
		.selectFrom('import_runs')
		.select('id')
		.where('job_id', '=', jobId)
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.id ?? null;
}

/** Marks a job's runs that are still 'running' as interrupted; returns their ids. */
export async function interruptRunsOfJob(db: Kysely<DB>, jobId: number, error: string): Promise<number[]> {
	const rows = await db
		.updateTable('import_runs')
		.set({ status: 'interrupted', error, finished_at: sql<Date>`now()` })
		.where('job_id', '=', jobId)
		.where('status', '=', 'running')
		.returning('id')
		.execute();
	return rows.map((r) => r.id);
}

/**
 * Marks as interrupted the 'running' runs that no running job stands behind (the CLI's, or a
 * job's that has moved on) and that have not moved for `staleSeconds` (any age when null).
 */
export async function interruptOrphanRuns(db: Kysely<DB>, staleSeconds: number | null, error: string): Promise<number[]> {
	let query = db
		.updateTable('import_runs')
		.set({ status: 'interrupted', error, finished_at: sql<Date>`now()` })
		.where('status', '=', 'running')
		.where((eb) =>
			eb.or([
				eb('job_id', 'is', null),
				eb.not(
					eb.exists(
						eb
							.selectFrom('jobs')
							.select('jobs.id')
							.whereRef('jobs.id', '=', 'import_runs.job_id')
							.where('jobs.status', '=', 'running')
					)
				)
			])
		);
	if (staleSeconds !== null) query = query.where(sql<boolean>`updated_at < now() - make_interval(secs => ${staleSeconds})`);
	const rows = await query.returning('id').execute();
	return rows.map((r) => r.id);
}

const RUN_COLUMNS = [
	'import_runs.id',
	'import_runs.source',
	'import_runs.file_name',
	'import_runs.status',
	'import_runs.counts',
	'import_runs.actor',
	'import_runs.started_at',
	'import_runs.finished_at',
	'import_runs.error',
	'import_runs.job_id'
] as const;

export function listImportRunsPage(db: Kysely<DB>, limit: number, offset: number) {
	return db
		.selectFrom('import_runs')
		.leftJoin('users', 'users.id', 'import_runs.actor')
		.select(RUN_COLUMNS)
		.select('users.name as actor_name')
		.orderBy('import_runs.id', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();
}

export async function countImportRuns(db: Kysely<DB>): Promise<number> {
	const row = await db.selectFrom('import_runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

export function findImportRunWithActor(db: Kysely<DB>, id: number) {
	return db
		.selectFrom('import_runs')
		.leftJoin('users', 'users.id', 'import_runs.actor')
		.select(RUN_COLUMNS)
		.select('users.name as actor_name')
		.where('import_runs.id', '=', id)
		.executeTakeFirst();
}

/** The run of the same job that took over after `runId` was interrupted. */
export async function findContinuationRun(db: Kysely<DB>, runId: number, jobId: number): Promise<number | null> {
	const row = await db
		.selectFrom('import_runs')
		.select('id')
		.where('job_id', '=', jobId)
		.where('id', '>', runId)
		.orderBy('id')
		.limit(1)
		.executeTakeFirst();
	return row?.id ?? null;
}

/** What the progress display needs, cheap enough to poll. */
export function findImportRunProgress(db: Kysely<DB>, id: number) {
	return db
		.selectFrom('import_runs')
		.select(['id', 'status', 'counts', 'finished_at', 'error', 'job_id'])
		.where('id', '=', id)
		.executeTakeFirst();
}

export function listQuarantinedRowsPage(db: Kysely<DB>, runId: number, limit: number, offset: number) {
	return db
		.selectFrom('quarantined_rows')
		.select(['id', 'external_id', 'row_number', 'raw', 'reasons'])
		.where('run_id', '=', runId)
		.orderBy('row_number')
		.orderBy('id')
		.limit(limit)
		.offset(offset)
		.execute();
}

export async function countQuarantinedRows(db: Kysely<DB>, runId: number): Promise<number> {
	const row = await db
		.selectFrom('quarantined_rows')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('run_id', '=', runId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
