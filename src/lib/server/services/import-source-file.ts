/**
 * Imports one source export end to end: read, check the columns against the mapping profile,
 * normalise each row (or quarantine it with its reasons), store it keyed by (source, external id)
 * keeping earlier versions, and link it to a canonical innovation by entity resolution against a
 * bounded candidate set looked up by blocking key. The rows are read, normalised and analysed by
 * import-row-preparation.ts (in a worker thread for large files). Each batch is decided in memory and then written
 * in one transaction (two batches may be writing at once), so a killed run loses at most the
 * batches being written and a rerun completes them (rows already stored are unchanged).
 */
import { createHash, randomBytes } from 'node:crypto';
import { CANONICAL_COLUMNS, type CandidateField } from '../domain/import/canonical-fields';
import { importSettings } from '../config/import-settings';
import { configuredSourcePriority } from '../config/source-priority';
import { sourceRank, toSourcePriority, type SourcePriority } from '../domain/import/source-priority';
import type { Kysely } from 'kysely';
import type { DB, FieldProvenance, ImportCounts, ImportRunStatus, NewInnovationRow, SourceKey } from '../db/schema';
import { innovationId } from '../domain/ids';
import { DEFAULT_MAPPING_PROFILES, type MappingProfile } from '../domain/import/mapping-profile';
import type { CandidateAward, CanonicalCandidate } from '../domain/import/normalise-source-record';
import { DEFAULT_BLOCKING } from '../domain/matching/blocking';
import { CandidatePool, type PoolMatch } from '../domain/matching/candidate-pool';
import { DEFAULT_MATCH_CONFIG, prepareRecord, prepareStoredRecord, type MatchConfig, type PreparedRecord } from '../domain/matching/score';
import { stopWordsKeyOf } from '../domain/matching/similarity';
import { matchRecordOfMapped, readMatchFeatures } from '../domain/import/stored-record';
import { AppError } from '../errors';
import { openPreparedFile, type AcceptedRow, type PreparedRow, type StoredJson } from './import-row-preparation';
import { clearReadCaches } from '../read-cache';
import { appendChanges, type ChangeEntry } from '../repositories/change-history-repository';
import {
	addMissingAwards,
	configureImportWrites,
	createImportRun,
	findBlockCandidates,
	findBlockMembers,
	findCandidateMappings,
	findInnovationNarratives,
	findInnovationsForImport,
	findSourceRecords,
	insertBlockKeys,
	insertInnovations,
	insertLinkedSourceRecords,
	insertMatchReviews,
	NARRATIVE_COLUMNS,
	listAgenciesForResolver,
	listRegionsForResolver,
	quarantineRows,
	replaceBlockKeys,
	replaceSourceRecord,
	setMissingAgencyPanrbIds,
	reserveSourceRecordIds,
	setSourceRecordMatches,
	updateImportedInnovations,
	updateImportRun,
	type BlockCandidateRow,
	type QuarantineInput,
	type StoredSourceRecord
} from '../repositories/import-repository';

export interface ImportSourceFileInput {
	source: SourceKey;
	fileName: string;
	bytes: Uint8Array;
	mapping?: MappingProfile;
	actor: string;
	onProgress?: (done: number, total: number) => void;
	/** Stop words for comparing narratives (the caller loads them from the shared data). */
	stopWords?: ReadonlySet<string>;
	/**
	 * Which source wins each canonical field (first wins): a per-field priority, or one order for
	 * all fields. Default: SOURCE_PRIORITY_FILE when set, else domain/import/source-priority.ts.
	 */
	sourcePriority?: SourcePriority | readonly SourceKey[];
	batchSize?: number;
	/**
	 * Prepare the rows (read, normalise, analyse) in a worker thread: by default for files from
	 * import-row-preparation.ts WORKER_MIN_BYTES on, where the worker can be started.
	 */
	prepareInWorker?: boolean;
	/** With a worker: it hands every other batch to this thread to prepare (tests; by default only while this thread waits). */
	prepareShared?: boolean;
}

export interface ImportSourceFileResult {
	runId: number;
	status: ImportRunStatus;
	counts: ImportCounts;
	unknownColumns: string[];
	/**
	 * Milliseconds spent per step (reading the file, each kind of database read and write, `write`
	 * for whole batch transactions), summed over batches: for finding where an import spends its time.
	 */
	timings?: Record<string, number>;
	/** Where the rows were prepared: a worker thread (large files) or the calling thread. */
	preparedIn?: 'worker' | 'main';
}

/** Rows per transaction: large enough that per-statement costs vanish, small enough that a killed run loses little. */
const DEFAULT_BATCH = 500;


const CANDIDATE_FIELDS = Object.keys(CANONICAL_COLUMNS) as CandidateField[];
/** Narrative column -> its candidate field. */
const NARRATIVE_FIELDS = new Map<string, CandidateField>(
	CANDIDATE_FIELDS.filter((field) => (NARRATIVE_COLUMNS as readonly string[]).includes(CANONICAL_COLUMNS[field])).map((field) => [CANONICAL_COLUMNS[field], field])
);

/** Innovation ids from random bytes drawn a thousand ids at a time (one call per id cost more than the id). */
function innovationIds(): () => string {
	let bytes = randomBytes(0);
	let offset = 0;
	return () => {
		if (offset + 10 > bytes.length) {
			bytes = randomBytes(10_000);
			offset = 0;
		}
		offset += 10;
		return innovationId(bytes.subarray(offset - 10, offset));
	};
}

function emptyCounts(): ImportCounts {
	return { read: 0, inserted: 0, updated: 0, unchanged: 0, linked: 0, review: 0, rejected: 0, skippedEmpty: 0 };
}

function hasValue(value: unknown): boolean {
	if (value === null || value === undefined || value === '') return false;
	return !Array.isArray(value) || value.length > 0;
}

/**
 * What the pool keeps of a record: the narrative itself (and its folded copy) is dropped once its
 * features are computed, so a pool of 100,000 records stays small. Names are still looked up in
 * the narrative of the record being matched, which has its text.
 */
function poolPrepared(prepared: PreparedRecord): PreparedRecord {
	return { ...prepared, foldedText: ' ', record: { ...prepared.record, text: '' } };
}

/** One canonical innovation touched by this batch: its values, provenance and what changed. */
interface CanonicalState {
	isNew: boolean;
	/** Narrative columns with a value not read from the database (see findInnovationsForImport). */
	unread?: Set<string>;
	values: Record<string, unknown>;
	provenance: Record<string, FieldProvenance>;
	changes: Record<string, { from: unknown; to: unknown }>;
}

/** Everything one batch writes, decided before any of it is written. */
interface BatchWrites {
	quarantine: QuarantineInput[];
	learned: { agencyId: string; panrbId: string }[];
	inserts: NewInnovationRow[];
	updates: { id: string; values: Record<string, unknown>; provenance: Record<string, FieldProvenance>; changes: Record<string, { from: unknown; to: unknown }> }[];
	history: ChangeEntry[];
	records: Parameters<typeof insertLinkedSourceRecords>[1];
	changed: { current: StoredSourceRecord; stored: StoredJson }[];
	relinks: { sourceRecordId: number; innovationId: string; score: number | null; reasons: unknown[] }[];
	freshKeys: { sourceRecordId: number; keys: string[] }[];
	changedKeys: { sourceRecordId: number; keys: string[] }[];
	awards: ({ innovationId: string } & CandidateAward)[];
	reviews: { a: number; b: number; score: number; reasons: unknown[] }[];
	/** Innovations this batch inserts or updates. */
	touched: Set<string>;
	counts: ImportCounts;
}

export async function importSourceFile(db: Kysely<DB>, input: ImportSourceFileInput): Promise<ImportSourceFileResult> {
	const profile = input.mapping ?? DEFAULT_MAPPING_PROFILES[input.source];
	if (profile.source !== input.source) {
		throw new AppError('VALIDATION_FAILED', `Profil pemetaan ditulis untuk sumber "${profile.source}", bukan "${input.source}".`);
	}
	const timings: Record<string, number> = {};
	/** Adds the time a step takes to `timings` (steps of batches written at once overlap). */
	async function timed<R>(name: string, work: Promise<R>): Promise<R> {
		const started = performance.now();
		try {
			return await work;
		} finally {
			timings[name] = (timings[name] ?? 0) + performance.now() - started;
		}
	}
	const settings = importSettings();
	const config: MatchConfig = { ...DEFAULT_MATCH_CONFIG, stopWords: input.stopWords ?? DEFAULT_MATCH_CONFIG.stopWords };
	// Stored narrative features are reused only when computed with the same stop words.
	const stopWordsKey = stopWordsKeyOf(config.stopWords);
	const priority = input.sourcePriority ? toSourcePriority(input.sourcePriority) : configuredSourcePriority();
	const rank = (column: string, source: string) => sourceRank(priority, column, source);
	const [agencies, regions] = await Promise.all([listAgenciesForResolver(db), listRegionsForResolver(db)]);
	const panrbOf = new Map(agencies.map((a) => [a.id, a.panrb_id]));
	const claimedPanrbIds = new Set([...panrbOf.values()].filter((id): id is string => id !== null));
	// Candidates stay loaded and prepared for the whole run instead of being rebuilt per batch.
	const pool = new CandidatePool(DEFAULT_BLOCKING);
	const newInnovationId = innovationIds();

	/**
	 * Batch transactions written at once (on PGlite they take turns on its single session). Three
	 * keep PostgreSQL busy while the two Node threads prepare and match (decision 010: the 100k
	 * benchmark took 55–57 s in three of four runs with three, 61–63 s with two).
	 */
	const writeConcurrency = settings.IMPORT_WRITE_CONCURRENCY;
	const readStarted = performance.now();
	const opening = openPreparedFile(
		{
			source: input.source,
			fileName: input.fileName,
			bytes: input.bytes,
			profile,
			agencies,
			regions,
			stopWords: [...config.stopWords],
			batchSize: input.batchSize ?? DEFAULT_BATCH
		},
		{
			worker: input.prepareInWorker ?? (settings.IMPORT_PREPARE_WORKER === undefined ? undefined : settings.IMPORT_PREPARE_WORKER === '1'),
			share: input.prepareShared
		}
	);
	// Hashed while a worker thread reads the file (the main thread would only wait).
	const checksum = createHash('sha256').update(input.bytes).digest('hex');
	const file = await opening;
	timings.read = performance.now() - readStarted;
	const mapping = file.mapping;

	/** Batches being written while the next one is prepared, oldest first, and the innovations each touches. */
	const inFlight: { done: Promise<void>; touched: Set<string>; records: Set<number> }[] = [];
	let runId: number | null = null;
	const counts = emptyCounts();
	try {
		// Nothing is written before the columns are known to be there.
		if (mapping.error) throw new AppError('VALIDATION_FAILED', mapping.error);
		counts.read = file.rowCount;
		counts.skippedEmpty = file.emptyRowCount;
		runId = await createImportRun(db, { source: input.source, fileName: input.fileName, checksum, actor: input.actor, counts });
		const run = runId;

		const unreadable: QuarantineInput[] = file.problems.map((problem) => ({
			runId: run,
			source: input.source,
			externalId: null,
			rowNumber: problem.rowNumber,
			raw: { text: problem.raw ?? null },
			reasons: [{ category: 'unreadable', message: problem.message }]
		}));
		if (unreadable.length > 0) {
			await quarantineRows(db, unreadable);
			counts.rejected += unreadable.length;
		}

		// Each batch is decided in memory (reads only), then written in its own transaction while the
		// next batches are decided and written: the database and the matching work at the same time,
		// and the database on two connections. Batches never write the same rows: a batch that links
		// to or changes an innovation a batch in flight writes waits for that batch first.
		const total = file.total;
		for (let prepared = await timed('prepareRows', file.next()); prepared; prepared = await timed('prepareRows', file.next())) {
			const writes = await prepareBatch(run, prepared.rows);
			while (inFlight.length >= writeConcurrency) await inFlight.shift()!.done;
			const done = prepared.done;
			const write = {
				touched: writes.touched,
				records: new Set(writes.records.map((record) => record.id)),
				done: timed('write', db.transaction().execute(async (trx) => {
					await configureImportWrites(trx);
					await writeBatch(trx, writes);
					await updateImportRun(trx, run, { counts: writes.counts });
				})).then(() => input.onProgress?.(done, total))
			};
			// A failed write must not go unhandled while the next batch is being prepared.
			write.done.catch(() => undefined);
			inFlight.push(write);
		}
		while (inFlight.length > 0) await inFlight.shift()!.done;
		if (total === 0) input.onProgress?.(0, 0);

		const status: ImportRunStatus = counts.rejected > 0 ? 'partly' : 'succeeded';
		await updateImportRun(db, run, { counts, status, finished: true });
		for (const name of Object.keys(timings)) timings[name] = Math.round(timings[name]!);
		return { runId: run, status, counts, unknownColumns: mapping.unknownColumns, timings, preparedIn: file.thread };
	} catch (error) {
		await Promise.allSettled(inFlight.map((write) => write.done));
		if (runId !== null) {
			const message = error instanceof Error ? error.message : String(error);
			await updateImportRun(db, runId, { counts, status: 'failed', error: message, finished: true });
		}
		throw error;
	} finally {
		await file.close();
		clearReadCaches(db);
	}

	/** Matches and merges one prepared batch; reads the registry but writes nothing. */
	async function prepareBatch(runId: number, batch: PreparedRow[]): Promise<BatchWrites> {
		const source = input.source;
		const quarantine: QuarantineInput[] = [];
		const accepted: AcceptedRow[] = [];
		const learned: { agencyId: string; panrbId: string }[] = [];
		for (const row of batch) {
			if (!row.ok) {
				quarantine.push({ runId, source, externalId: row.externalId, rowNumber: row.rowNumber, raw: row.raw, reasons: row.reasons });
				continue;
			}
			const learnedId = row.learnedPanrbId;
			if (learnedId && !panrbOf.get(learnedId.agencyId) && !claimedPanrbIds.has(learnedId.panrbId)) {
				learned.push(learnedId);
				panrbOf.set(learnedId.agencyId, learnedId.panrbId);
				// Two batches written at once must not both claim one PANRB id for different agencies.
				claimedPanrbIds.add(learnedId.panrbId);
			}
			accepted.push(row);
		}
		counts.rejected += quarantine.length;

		const existing = new Map(
			(await timed('findSourceRecords', findSourceRecords(db, source, accepted.map((a) => a.externalId)))).map((r) => [r.external_id, r])
		);
		const fresh: typeof accepted = [];
		const changed: { entry: (typeof accepted)[number]; current: StoredSourceRecord }[] = [];
		for (const entry of accepted) {
			const current = existing.get(entry.externalId);
			if (!current) fresh.push(entry);
			else if (current.mapped.rawChecksum === entry.checksum && current.innovation_id) counts.unchanged++;
			else changed.push({ entry, current });
		}
		counts.inserted += fresh.length;
		counts.updated += changed.length;
		const ids = await timed('reserveIds', reserveSourceRecordIds(db, fresh.length));

		const preparedOf = (entry: AcceptedRow): PreparedRecord => ({ ...entry.match, stopWords: config.stopWords });
		const freshKeys: { sourceRecordId: number; keys: string[] }[] = [];
		const freshRecords = fresh.map((entry, index) => {
			const sourceRecordId = ids[index]!;
			freshKeys.push({ sourceRecordId, keys: entry.keys });
			return { entry, prepared: preparedOf(entry), keys: entry.keys, sourceRecordId };
		});
		const changedKeys = changed.map(({ entry, current }) => ({ sourceRecordId: current.id, keys: entry.keys }));

		// Candidates already linked in the registry, by blocking key, loaded once per run; this
		// run's records join the pool as they are linked.
		const missing = pool.missingKeys(freshRecords.flatMap((r) => r.keys));
		if (missing.length > 0) {
			const { members, oversized } = await timed('findBlockMembers', findBlockMembers(db, missing, pool.maxBlockSize));
			const unknown = [...new Set([...members.values()].flat())].filter((id) => !pool.hasMember(id));
			// Candidates come with their stored features; only records without usable ones (stored
			// before 0014, or under other stop words) are read whole and analysed again.
			const stale: BlockCandidateRow[] = [];
			for (const candidate of await timed('findBlockCandidates', findBlockCandidates(db, unknown))) {
				const stored = readMatchFeatures(candidate.match_features, stopWordsKey);
				if (!stored) {
					stale.push(candidate);
					continue;
				}
				const record = { key: `${candidate.source}:${candidate.external_id}`, source: candidate.source, ...stored.record };
				pool.remember({
					sourceRecordId: candidate.id,
					innovationId: candidate.innovation_id,
					prepared: prepareStoredRecord(record, stored.narrative, stored.hasText, config)
				});
			}
			if (stale.length > 0) {
				const mappings = await timed('findCandidateMappings', findCandidateMappings(db, stale.map((candidate) => candidate.id)));
				for (const candidate of stale) {
					const record = matchRecordOfMapped(`${candidate.source}:${candidate.external_id}`, candidate.source, mappings.get(candidate.id));
					if (record) pool.remember({ sourceRecordId: candidate.id, innovationId: candidate.innovation_id, prepared: poolPrepared(prepareRecord(record, config)) });
				}
			}
			for (const key of oversized) pool.markOversized(key);
			for (const key of missing) if (!oversized.has(key)) pool.loadKey(key, members.get(key) ?? []);
		}

		const states = new Map<string, CanonicalState>();
		const targets = new Set<string>();
		const links = new Map<number, { innovationId: string; score: number | null; reasons: unknown[] }>();
		const relinks: BatchWrites['relinks'] = [];
		const reviews: BatchWrites['reviews'] = [];
		const plans: { innovationId: string; record: CanonicalCandidate; externalId: string }[] = [];

		for (const item of freshRecords) {
			const { link: best, review: bestReview }: { link: PoolMatch | null; review: PoolMatch | null } = pool.match(item.prepared, item.keys, config);
			let target: string;
			if (best) {
				target = best.member.innovationId;
				if (!states.has(target)) targets.add(target);
				links.set(item.sourceRecordId, { innovationId: target, score: best.score, reasons: best.reasons });
				counts.linked++;
			} else {
				target = newInnovationId();
				states.set(target, { isNew: true, values: {}, provenance: {}, changes: {} });
				links.set(item.sourceRecordId, { innovationId: target, score: null, reasons: [] });
				if (bestReview) {
					reviews.push({ a: item.sourceRecordId, b: bestReview.member.sourceRecordId, score: bestReview.score, reasons: bestReview.reasons });
					counts.review++;
				}
			}
			plans.push({ innovationId: target, record: item.entry.record, externalId: item.entry.externalId });
			pool.add({ sourceRecordId: item.sourceRecordId, innovationId: target, prepared: poolPrepared(item.prepared) }, item.keys);
		}
		for (const { entry, current } of changed) {
			if (current.innovation_id) {
				targets.add(current.innovation_id);
				plans.push({ innovationId: current.innovation_id, record: entry.record, externalId: entry.externalId });
			} else {
				// Stored by an interrupted run before it was linked: it becomes its own innovation.
				const target = newInnovationId();
				states.set(target, { isNew: true, values: {}, provenance: {}, changes: {} });
				relinks.push({ sourceRecordId: current.id, innovationId: target, score: null, reasons: [] });
				plans.push({ innovationId: target, record: entry.record, externalId: entry.externalId });
			}
		}

		const existingTargets = [...targets].filter((id) => !states.has(id));
		// An innovation a batch being written changes must be read (and written) after that write.
		// Likewise a review naming a record a batch being written stores.
		for (const write of [...inFlight]) {
			if (existingTargets.some((id) => write.touched.has(id)) || reviews.some((review) => write.records.has(review.b))) await write.done;
		}
		for (const row of await timed('findInnovationsForImport', findInnovationsForImport(db, existingTargets))) {
			const unread = new Set(NARRATIVE_COLUMNS.filter((column) => row[column] === null));
			states.set(row.id, { isNew: false, unread, values: { ...row }, provenance: { ...row.provenance }, changes: {} });
		}
		/** Whether a record may write a (non-empty) value into a column another source may own. */
		const mayWrite = (state: CanonicalState, column: string, externalId: string, empty: boolean) => {
			const owner = state.provenance[column];
			return (
				!owner ||
				empty ||
				(owner.source !== 'manual' && (rank(column, source) < rank(column, owner.source) || (owner.source === source && owner.externalId === externalId)))
			);
		};
		// The narratives a record may overwrite are read now. Judged on the stored provenance: a record
		// of this batch taking a column over only keeps later ones of the batch out of it.
		const narrativesToRead = new Set<string>();
		for (const plan of plans) {
			const state = states.get(plan.innovationId);
			if (!state?.unread?.size) continue;
			for (const column of state.unread) {
				const field = NARRATIVE_FIELDS.get(column)!;
				if (hasValue(plan.record[field]) && mayWrite(state, column, plan.externalId, false)) narrativesToRead.add(plan.innovationId);
			}
		}
		for (const [id, narratives] of await timed('findInnovationNarratives', findInnovationNarratives(db, [...narrativesToRead]))) {
			const state = states.get(id)!;
			Object.assign(state.values, narratives);
			state.unread = undefined;
		}

		const awards: BatchWrites['awards'] = [];
		for (const plan of plans) {
			const state = states.get(plan.innovationId);
			if (!state) continue;
			// One provenance value per record, shared by the columns it provides (never mutated).
			let origin: FieldProvenance | null = null;
			for (const field of CANDIDATE_FIELDS) {
				const value = plan.record[field];
				if (!hasValue(value)) continue;
				const column = CANONICAL_COLUMNS[field];
				const owner = state.provenance[column];
				const unread = state.unread?.has(column) ?? false;
				if (!mayWrite(state, column, plan.externalId, !unread && !hasValue(state.values[column]))) continue;
				// Never: such a column was read above.
				if (unread) throw new Error(`Narasi ${column} inovasi ${plan.innovationId} belum dibaca.`);
				const before = state.values[column] ?? null;
				if (!sameValue(before, value)) {
					state.changes[column] = { from: state.changes[column]?.from ?? before, to: value };
					state.values[column] = value;
				}
				if (!owner || owner.source !== source || owner.externalId !== plan.externalId) {
					state.provenance[column] = origin ??= { source, externalId: plan.externalId };
					state.changes.provenance ??= { from: null, to: null };
				}
			}
			for (const award of plan.record.awards) awards.push({ innovationId: plan.innovationId, ...award });
		}

		const history: ChangeEntry[] = [];
		const inserts: NewInnovationRow[] = [];
		const updates: BatchWrites['updates'] = [];
		const touched = new Set<string>();
		for (const [id, state] of states) {
			if (state.isNew) {
				inserts.push({
					...(state.values as Omit<NewInnovationRow, 'id' | 'provenance' | 'other_affairs' | 'sdgs'>),
					id,
					provenance: JSON.stringify(state.provenance)
				} as NewInnovationRow);
				// The changes of a new innovation name every value it was created with (from null): a
				// snapshot would store the same narratives a second time.
				history.push({ entityType: 'innovation', entityId: id, version: 1, action: 'import', actor: input.actor, changes: state.changes, snapshot: null });
				touched.add(id);
				continue;
			}
			const changedColumns = Object.keys(state.changes).filter((column) => column !== 'provenance');
			if (changedColumns.length === 0 && !state.changes.provenance) continue;
			const { provenance: _provenance, ...changes } = state.changes;
			updates.push({ id, values: Object.fromEntries(changedColumns.map((column) => [column, state.values[column]])), provenance: state.provenance, changes });
			touched.add(id);
		}

		const records: BatchWrites['records'] = freshRecords.map((item) => {
			const link = links.get(item.sourceRecordId)!;
			return {
				id: item.sourceRecordId,
				source,
				externalId: item.entry.externalId,
				stored: item.entry.stored,
				innovationId: link.innovationId,
				score: link.score,
				reasons: JSON.stringify(link.reasons)
			};
		});
		return {
			quarantine,
			learned,
			inserts,
			updates,
			history,
			records,
			changed: changed.map(({ entry, current }) => ({ current, stored: entry.stored })),
			relinks,
			freshKeys,
			changedKeys,
			awards,
			reviews,
			touched,
			counts: { ...counts }
		};
	}

	async function writeBatch(trx: Kysely<DB>, writes: BatchWrites): Promise<void> {
		await timed('quarantineRows', quarantineRows(trx, writes.quarantine));
		await timed('setMissingAgencyPanrbIds', setMissingAgencyPanrbIds(trx, writes.learned));
		await timed('insertInnovations', insertInnovations(trx, writes.inserts));
		const versions = await timed('updateImportedInnovations', updateImportedInnovations(trx, writes.updates));
		await timed('insertLinkedSourceRecords', insertLinkedSourceRecords(trx, writes.records));
		for (const { current, stored } of writes.changed) await replaceSourceRecord(trx, current, stored);
		await setSourceRecordMatches(trx, writes.relinks);
		await timed('insertBlockKeys', insertBlockKeys(trx, writes.freshKeys));
		await replaceBlockKeys(trx, writes.changedKeys);
		await timed('addMissingAwards', addMissingAwards(trx, writes.awards));
		await timed('insertMatchReviews', insertMatchReviews(trx, writes.reviews));
		const history = [
			...writes.history,
			...writes.updates.map(
				(update): ChangeEntry => ({
					entityType: 'innovation',
					entityId: update.id,
					version: versions.get(update.id) ?? null,
					action: 'import',
					actor: input.actor,
					changes: update.changes,
					snapshot: null
				})
			)
		];
		await timed('appendChanges', appendChanges(trx, history));
	}
}

/** Equality of two field values (text, numbers, booleans, arrays of them) without serialising them. */
function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
	if (a instanceof Date || b instanceof Date) return JSON.stringify(a) === JSON.stringify(b);
	return false;
}
