/**
 * Pulls LAN's Inoland API page by page into a staged JSON Lines file under DATA_DIR, then imports
 * that file like any LAN export. Each page is written and flushed to disk before it is recorded as
 * fetched, so an interrupted sync (crash, source down beyond the retries) resumes at the next page
 * when run again with the same base URL. Without an explicit `since`, only records changed since
 * the start of the last successful sync of that URL are asked for (`updated_since`; see
 * domain/import/sync-coverage for which syncs count).
 */
import { mkdir, open, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AppDatabase } from '../db/database';
import type { DB } from '../db/schema';
import { incrementalSince } from '../domain/import/sync-coverage';
import { AppError } from '../errors';
import { createLanApiClient, LAN_API_DEFAULTS, normaliseBaseUrl, type LanApiClientOptions } from '../import/lan-api-client';
import { readFileShared } from '../import/read-file-shared';
import {
	createSync,
	findLatestSync,
	findSync,
	listSucceededSyncWindows,
	markSyncFailed,
	markSyncRunning,
	markSyncSucceeded,
	recordSyncPage,
	restartSync,
	tryLockSyncSource,
	unlockSyncSource,
	type SourceSyncRow
} from '../repositories/source-sync-repository';
import { importSourceFile, type ImportSourceFileResult } from './import-source-file';

/** `updated_since` reaches back this far before the last sync's start: clocks of two systems differ. */
export const INCREMENTAL_OVERLAP_MS = 10 * 60 * 1000;

export interface SyncLanSourceInput {
	baseUrl: string;
	/** The engine behind `db`: it decides how two syncs of one URL are kept apart (whileSyncLocked). */
	databaseKind: AppDatabase['kind'];
	/** Overrides the incremental start; undefined: since the last successful sync (or everything). */
	since?: Date;
	/** Staged files go to DATA_DIR/sync. */
	dataDir: string;
	actor: string;
	perPage?: number;
	timeoutMs?: number;
	retries?: number;
	/** Test seams and tuning of the HTTP client (fetch, sleep, random, back-off, onRetry). */
	client?: Omit<LanApiClientOptions, 'baseUrl' | 'perPage' | 'timeoutMs' | 'retries'>;
	stopWords?: ReadonlySet<string>;
	onStart?: (info: SyncStart) => void;
	onPage?: (pagesFetched: number, lastPage: number) => void;
	onImportProgress?: (done: number, total: number) => void;
}

export interface SyncStart {
	syncId: number;
	resumed: boolean;
	/** The page this run fetches first (past the last page when only the import is left). */
	fromPage: number;
	since: Date | null;
	perPage: number;
}

export interface SyncLanSourceResult {
	syncId: number;
	resumed: boolean;
	since: Date | null;
	pagesFetched: number;
	lastPage: number;
	total: number;
	recordsFetched: number;
	/** Null when the source had nothing new to import. */
	import: ImportSourceFileResult | null;
}

export async function syncLanSource(db: Kysely<DB>, input: SyncLanSourceInput): Promise<SyncLanSourceResult> {
	const baseUrl = normaliseBaseUrl(input.baseUrl);
	return whileSyncLocked(db, input.databaseKind, baseUrl, () => runSync(db, baseUrl, input));
}

/** PGlite syncs running in this process, by database handle: the base URLs. */
const pgliteSyncsRunning = new WeakMap<Kysely<DB>, Set<string>>();

/**
 * Runs `work` unless a sync of the same URL is running, else refuses at once (nothing fetched,
 * nothing written): two at once would fetch and import the same pages and move the resume state
 * out of order. PostgreSQL: an advisory lock on one connection held for the whole sync, which
 * keeps processes apart too (the sync itself uses the pool's other connections). PGlite: one
 * process owns the database (decision 001) and it has a single session, where advisory locks are
 * re-entrant (a second pg_try_advisory_lock succeeds) and holding a connection would hold the
 * whole database; so the syncs of this process are tracked in memory instead.
 */
async function whileSyncLocked<T>(db: Kysely<DB>, kind: AppDatabase['kind'], baseUrl: string, work: () => Promise<T>): Promise<T> {
	if (kind === 'pglite') {
		let running = pgliteSyncsRunning.get(db);
		if (!running) pgliteSyncsRunning.set(db, (running = new Set()));
		if (running.has(baseUrl)) throw new AppError('SYNC_ALREADY_RUNNING');
		running.add(baseUrl);
		try {
			return await work();
		} finally {
			running.delete(baseUrl);
		}
	}
	return db.connection().execute(async (conn) => {
		if (!(await tryLockSyncSource(conn, 'lan', baseUrl))) throw new AppError('SYNC_ALREADY_RUNNING');
		try {
			return await work();
		} finally {
			await unlockSyncSource(conn, 'lan', baseUrl);
		}
	});
}

async function runSync(db: Kysely<DB>, baseUrl: string, input: SyncLanSourceInput): Promise<SyncLanSourceResult> {
	const stageDir = path.resolve(input.dataDir, 'sync');
	await mkdir(stageDir, { recursive: true });

	const latest = await findLatestSync(db, 'lan', baseUrl);
	const resumable =
		latest && latest.status !== 'succeeded' && (input.since === undefined || latest.since?.getTime() === input.since.getTime());
	let sync: SourceSyncRow;
	if (resumable) {
		sync = latest;
		await markSyncRunning(db, sync.id);
	} else {
		const since = input.since ?? incrementalSince(await listSucceededSyncWindows(db, 'lan', baseUrl), INCREMENTAL_OVERLAP_MS);
		sync = await createSync(
			db,
			{ source: 'lan', baseUrl, since, perPage: input.perPage ?? LAN_API_DEFAULTS.perPage, actor: input.actor },
			(id) => path.join(stageDir, `lan-${id}.jsonl`)
		);
	}
	const syncId = sync.id;
	const stagedFile = sync.staged_file ?? path.join(stageDir, `lan-${syncId}.jsonl`);
	sync = await prepareStagedFile(db, sync, stagedFile);

	const since = sync.since;
	let pagesFetched = sync.pages_fetched;
	let lastPage = sync.last_page;
	let total = sync.total ?? 0;
	let recordsFetched = sync.records_fetched;
	let stagedBytes = sync.staged_bytes;
	input.onStart?.({ syncId, resumed: Boolean(resumable), fromPage: pagesFetched + 1, since, perPage: sync.per_page });

	// A resumed sync keeps its page size: page numbers mean nothing with another one.
	const client = createLanApiClient({
		...input.client,
		baseUrl,
		perPage: sync.per_page,
		...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
		...(input.retries !== undefined ? { retries: input.retries } : {})
	});
	try {
		while (lastPage === null || pagesFetched < lastPage) {
			const page = await client.fetchPage(pagesFetched + 1, since);
			const chunk = page.records.map((record) => `${JSON.stringify(record)}\n`).join('');
			await appendDurably(stagedFile, chunk);
			pagesFetched += 1;
			lastPage = page.lastPage;
			total = page.total;
			recordsFetched += page.records.length;
			stagedBytes += Buffer.byteLength(chunk);
			await recordSyncPage(db, syncId, { pagesFetched, lastPage, total, recordsFetched, stagedBytes });
			input.onPage?.(Math.min(pagesFetched, lastPage), lastPage);
		}
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		await markSyncFailed(db, syncId, message);
		const next = pagesFetched + 1;
		const hint = `Sinkronisasi #${syncId} berhenti di halaman ${next} (${pagesFetched} halaman sudah tersimpan); jalankan perintah yang sama lagi untuk melanjutkan dari halaman ${next}.`;
		if (error instanceof AppError) throw new AppError(error.code, `${message} ${hint}`);
		throw error;
	}

	let imported: ImportSourceFileResult | null = null;
	try {
		if (recordsFetched > 0) {
			imported = await importSourceFile(db, {
				source: 'lan',
				fileName: path.basename(stagedFile),
				// In shared memory: the worker thread that parses it then needs no copy.
				bytes: await readFileShared(stagedFile),
				actor: input.actor,
				...(input.stopWords ? { stopWords: input.stopWords } : {}),
				...(input.onImportProgress ? { onProgress: input.onImportProgress } : {})
			});
		}
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		await markSyncFailed(db, syncId, `Impor gagal: ${message}`);
		throw error;
	}
	await markSyncSucceeded(db, syncId, imported?.runId ?? null);
	return { syncId, resumed: Boolean(resumable), since, pagesFetched, lastPage: lastPage ?? 0, total, recordsFetched, import: imported };
}

/**
 * Makes the staged file agree with the recorded pages: a page written but not recorded (a crash
 * between the two) is cut off; a file shorter than recorded (deleted) means starting over.
 */
async function prepareStagedFile(db: Kysely<DB>, sync: SourceSyncRow, file: string): Promise<SourceSyncRow> {
	const size = await stat(file).then(
		(s) => s.size,
		() => undefined
	);
	if (size === undefined || size < sync.staged_bytes) {
		if (sync.pages_fetched > 0 || sync.staged_bytes > 0) await restartSync(db, sync.id);
		await (await open(file, 'w')).close();
		return (await findSync(db, sync.id))!;
	}
	if (size > sync.staged_bytes) await truncate(file, sync.staged_bytes);
	return sync;
}

async function appendDurably(file: string, text: string): Promise<void> {
	const handle = await open(file, 'a');
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
}
