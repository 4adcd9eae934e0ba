/**
 * Imports one source export end to end: read, check the columns against the mapping profile,
 * normalise each row (or quarantine it with its reasons), store it keyed by (source, external id)
 * keeping earlier versions, and link it to a canonical innovation by entity resolution against a
 * bounded candidate set looked up by blocking key. Each batch is decided in memory and then written
 * in one transaction (two batches may be writing at once), so a killed run loses at most the
 * batches being written and a rerun completes them (rows already stored are unchanged).
 */
import { createHash } from 'node:crypto';
import { CANONICAL_COLUMNS, type CandidateField } from '../domain/import/canonical-fields';
import { configuredSourcePriority } from '../config/source-priority';
import { sourceRank, toSourcePriority, type SourcePriority } from '../domain/import/source-priority';
import type { Kysely } from 'kysely';
import type { DB, FieldProvenance, ImportCounts, ImportRunStatus, NewInnovationRow, SourceKey } from '../db/schema';
import { innovationId } from '../domain/ids';
import { applyMappingProfile, DEFAULT_MAPPING_PROFILES, mapRow, type MappingProfile } from '../domain/import/mapping-profile';
import {
	normaliseSourceRecord,
	type CandidateAward,
	type CanonicalCandidate,
	type NormalisedSourceRecord,
	type NormaliseResolvers
} from '../domain/import/normalise-source-record';
import { blockingKeys, DEFAULT_BLOCKING } from '../domain/matching/blocking';
import { CandidatePool, type PoolMatch } from '../domain/matching/candidate-pool';
import { DEFAULT_MATCH_CONFIG, prepareRecord, type MatchConfig, type PreparedRecord } from '../domain/matching/score';
import type { MatchRecord } from '../domain/matching/types';
import { createAgencyResolver } from '../domain/normalise/agencies';
import { createRegionResolver } from '../domain/normalise/regions';
import { AppError } from '../errors';
import { readSourceRows, type CellValue } from '../import/read-source-file';
import { clearReadCaches } from '../read-cache';
import { appendChanges, type ChangeEntry } from '../repositories/change-history-repository';
import {
	addMissingAwards,
	createImportRun,
	findBlockCandidates,
	findBlockMembers,
	findInnovationsForImport,
	findSourceRecords,
	insertBlockKeys,
	insertInnovations,
	insertLinkedSourceRecords,
	insertMatchReviews,
	listAgenciesForResolver,
	listRegionsForResolver,
	quarantineRows,
	relaxCommitDurability,
	replaceBlockKeys,
	replaceSourceRecord,
	setMissingAgencyPanrbIds,
	reserveSourceRecordIds,
	setSourceRecordMatches,
	updateImportedInnovations,
	updateImportRun,
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
}

/** Rows per transaction: large enough that per-statement costs vanish, small enough that a killed run loses little. */
const DEFAULT_BATCH = 1000;
/**
 * Batch transactions written at once (on PGlite they take turns on its single session).
 * IMPORT_WRITE_CONCURRENCY=1 writes one at a time, for comparing on a given machine.
 */
const WRITE_CONCURRENCY = Math.max(1, Number(process.env.IMPORT_WRITE_CONCURRENCY ?? 2) || 2);


function emptyCounts(): ImportCounts {
	return { read: 0, inserted: 0, updated: 0, unchanged: 0, linked: 0, review: 0, rejected: 0, skippedEmpty: 0 };
}

function hasValue(value: unknown): boolean {
	if (value === null || value === undefined || value === '') return false;
	return !Array.isArray(value) || value.length > 0;
}

/** Row values as JSON-safe data (spreadsheet dates as ISO text). */
function rawOf(values: Record<string, CellValue>): Record<string, unknown> {
	const raw: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) raw[key] = value instanceof Date ? value.toISOString() : value;
	return raw;
}

/** Checksum of a raw row independent of key order, so a re-read file compares equal. */
function rawChecksum(raw: Record<string, unknown>): string {
	const ordered = Object.keys(raw)
		.sort()
		.map((key) => [key, raw[key]]);
	return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

async function loadResolvers(db: Kysely<DB>) {
	const [agencies, regions] = await Promise.all([listAgenciesForResolver(db), listRegionsForResolver(db)]);
	const regionOf = new Map(agencies.map((a) => [a.id, a.region_code]));
	const panrbOf = new Map(agencies.map((a) => [a.id, a.panrb_id]));
	const resolvers: NormaliseResolvers = {
		regions: createRegionResolver(regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }))),
		agencies: createAgencyResolver(
			agencies.map((a) => ({
				id: a.id,
				name: a.name,
				kind: a.kind,
				abbreviation: a.abbreviation,
				aliases: a.aliases ?? [],
				regionCode: a.region_code,
				panrbId: a.panrb_id
			}))
		),
		agencyRegion: (id) => regionOf.get(id) ?? null,
		agencyPanrbId: (id) => panrbOf.get(id) ?? null
	};
	return { resolvers, panrbOf };
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
	values: Record<string, unknown>;
	provenance: Record<string, FieldProvenance>;
	changes: Record<string, { from: unknown; to: unknown }>;
}

type BatchRow = { rowNumber: number; values: Record<string, CellValue> };

/** Everything one batch writes, decided before any of it is written. */
interface BatchWrites {
	quarantine: QuarantineInput[];
	learned: { agencyId: string; panrbId: string }[];
	inserts: NewInnovationRow[];
	updates: { id: string; values: Record<string, unknown>; provenance: Record<string, FieldProvenance>; changes: Record<string, { from: unknown; to: unknown }> }[];
	history: ChangeEntry[];
	records: Parameters<typeof insertLinkedSourceRecords>[1];
	changed: { current: StoredSourceRecord; raw: Record<string, unknown>; mapped: Record<string, unknown> }[];
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
	const readStarted = performance.now();
	let file: Awaited<ReturnType<typeof readSourceRows>> | null = await readSourceRows(input.bytes, { format: 'auto', fileName: input.fileName, sheet: profile.format?.sheet });
	timings.read = performance.now() - readStarted;
	const mapping = applyMappingProfile(profile, file.headers);
	// Nothing is written before the columns are known to be there.
	if (mapping.error) throw new AppError('VALIDATION_FAILED', mapping.error);

	const config: MatchConfig = { ...DEFAULT_MATCH_CONFIG, stopWords: input.stopWords ?? DEFAULT_MATCH_CONFIG.stopWords };
	const priority = input.sourcePriority ? toSourcePriority(input.sourcePriority) : configuredSourcePriority();
	const rank = (column: string, source: string) => sourceRank(priority, column, source);
	const { resolvers, panrbOf } = await loadResolvers(db);
	const claimedPanrbIds = new Set([...panrbOf.values()].filter((id): id is string => id !== null));
	// Candidates stay loaded and prepared for the whole run instead of being rebuilt per batch.
	const pool = new CandidatePool(DEFAULT_BLOCKING);

	const counts = emptyCounts();
	counts.read = file.rows.length;
	counts.skippedEmpty = file.emptyRows.length;
	const checksum = createHash('sha256').update(input.bytes).digest('hex');
	const runId = await createImportRun(db, { source: input.source, fileName: input.fileName, checksum, actor: input.actor, counts });

	/** Batches being written while the next one is prepared, oldest first, and the innovations each touches. */
	const inFlight: { done: Promise<void>; touched: Set<string>; records: Set<number> }[] = [];
	try {
		// A later row with the same external id replaces an earlier one (the export's newest word).
		const idHeader = mapping.columns.find((column) => column.field === 'externalId')?.header;
		const idOf = (row: BatchRow) => {
			const value = idHeader === undefined ? null : row.values[idHeader];
			return value === null || value === undefined ? '' : (value instanceof Date ? value.toISOString() : String(value)).trim();
		};
		const lastIndex = new Map<string, number>();
		file.rows.forEach((row, index) => {
			const id = idOf(row);
			if (id) lastIndex.set(id, index);
		});
		const rows = file.rows.filter((row, index) => {
			const id = idOf(row);
			return !id || lastIndex.get(id) === index;
		});
		lastIndex.clear();

		const unreadable: QuarantineInput[] = file.problems.map((problem) => ({
			runId,
			source: input.source,
			externalId: null,
			rowNumber: problem.rowNumber,
			raw: { text: problem.raw ?? null },
			reasons: [{ category: 'unreadable', message: problem.message }]
		}));
		file = null;
		if (unreadable.length > 0) {
			await quarantineRows(db, unreadable);
			counts.rejected += unreadable.length;
		}

		// Each batch is decided in memory (reads only), then written in its own transaction while the
		// next batches are decided and written: the database and the matching work at the same time,
		// and the database on two connections. Batches never write the same rows: a batch that links
		// to or changes an innovation a batch in flight writes waits for that batch first.
		const batchSize = input.batchSize ?? DEFAULT_BATCH;
		for (let start = 0; start < rows.length; start += batchSize) {
			const batch = rows.slice(start, start + batchSize);
			// Release the rows as they are used: the whole file need not stay in memory.
			rows.fill(null as unknown as BatchRow, start, start + batchSize);
			const writes = await prepareBatch(batch);
			while (inFlight.length >= WRITE_CONCURRENCY) await inFlight.shift()!.done;
			const done = Math.min(start + batchSize, rows.length);
			const total = rows.length;
			const write = {
				touched: writes.touched,
				records: new Set(writes.records.map((record) => record.id)),
				done: timed('write', db.transaction().execute(async (trx) => {
					await relaxCommitDurability(trx);
					await writeBatch(trx, writes);
					await updateImportRun(trx, runId, { counts: writes.counts });
				})).then(() => input.onProgress?.(done, total))
			};
			// A failed write must not go unhandled while the next batch is being prepared.
			write.done.catch(() => undefined);
			inFlight.push(write);
		}
		while (inFlight.length > 0) await inFlight.shift()!.done;
		if (rows.length === 0) input.onProgress?.(0, 0);

		const status: ImportRunStatus = counts.rejected > 0 ? 'partly' : 'succeeded';
		await updateImportRun(db, runId, { counts, status, finished: true });
		for (const name of Object.keys(timings)) timings[name] = Math.round(timings[name]!);
		return { runId, status, counts, unknownColumns: mapping.unknownColumns, timings };
	} catch (error) {
		await Promise.allSettled(inFlight.map((write) => write.done));
		const message = error instanceof Error ? error.message : String(error);
		await updateImportRun(db, runId, { counts, status: 'failed', error: message, finished: true });
		throw error;
	} finally {
		clearReadCaches(db);
	}

	/** Normalises, matches and merges one batch; reads the registry but writes nothing. */
	async function prepareBatch(batch: BatchRow[]): Promise<BatchWrites> {
		const source = input.source;
		const quarantine: QuarantineInput[] = [];
		const accepted: { value: NormalisedSourceRecord; raw: Record<string, unknown>; mapped: Record<string, unknown>; checksum: string }[] = [];
		const learned: { agencyId: string; panrbId: string }[] = [];
		for (const row of batch) {
			const { fields } = mapRow(profile, row.values, mapping);
			const raw = rawOf(row.values);
			const result = normaliseSourceRecord(source, fields, resolvers);
			if (!result.ok) {
				quarantine.push({ runId, source, externalId: result.externalId, rowNumber: row.rowNumber, raw, reasons: result.reasons });
				continue;
			}
			const { value } = result;
			if (value.learnedPanrbId && !panrbOf.get(value.learnedPanrbId.agencyId) && !claimedPanrbIds.has(value.learnedPanrbId.panrbId)) {
				learned.push(value.learnedPanrbId);
				panrbOf.set(value.learnedPanrbId.agencyId, value.learnedPanrbId.panrbId);
				// Two batches written at once must not both claim one PANRB id for different agencies.
				claimedPanrbIds.add(value.learnedPanrbId.panrbId);
			}
			const match: Omit<MatchRecord, 'key' | 'source'> = {
				title: value.record.title,
				agencyId: value.record.agencyId,
				regionCode: value.record.regionCode,
				year: value.match.year,
				text: value.match.text
			};
			const sum = rawChecksum(raw);
			// The mapped fields are left out: they are the raw row's cells again, and the raw row is kept.
			accepted.push({ value, raw, checksum: sum, mapped: { record: value.record, match, rawChecksum: sum } });
		}
		counts.rejected += quarantine.length;

		const existing = new Map(
			(await timed('findSourceRecords', findSourceRecords(db, source, accepted.map((a) => a.value.externalId)))).map((r) => [r.external_id, r])
		);
		const fresh: typeof accepted = [];
		const changed: { entry: (typeof accepted)[number]; current: StoredSourceRecord }[] = [];
		for (const entry of accepted) {
			const current = existing.get(entry.value.externalId);
			if (!current) fresh.push(entry);
			else if (current.mapped.rawChecksum === entry.checksum && current.innovation_id) counts.unchanged++;
			else changed.push({ entry, current });
		}
		counts.inserted += fresh.length;
		counts.updated += changed.length;
		const ids = await timed('reserveIds', reserveSourceRecordIds(db, fresh.length));

		const keyOf = (entry: (typeof accepted)[number]) => `${source}:${entry.value.externalId}`;
		const matchRecordOf = (key: string, src: SourceKey, m: Record<string, unknown>): MatchRecord => ({
			key,
			source: src,
			...(m as Omit<MatchRecord, 'key' | 'source'>)
		});
		const freshKeys: { sourceRecordId: number; keys: string[] }[] = [];
		const freshRecords = fresh.map((entry, index) => {
			const record = matchRecordOf(keyOf(entry), source, entry.mapped.match as Record<string, unknown>);
			const prepared = prepareRecord(record, config);
			const keys = blockingKeys(record, prepared.narrative.figures);
			const sourceRecordId = ids[index]!;
			freshKeys.push({ sourceRecordId, keys });
			return { entry, prepared, keys, sourceRecordId };
		});
		const changedKeys = changed.map(({ entry, current }) => ({
			sourceRecordId: current.id,
			keys: blockingKeys(matchRecordOf(keyOf(entry), source, entry.mapped.match as Record<string, unknown>))
		}));

		// Candidates already linked in the registry, by blocking key, loaded once per run; this
		// run's records join the pool as they are linked.
		const missing = pool.missingKeys(freshRecords.flatMap((r) => r.keys));
		if (missing.length > 0) {
			const { members, oversized } = await timed('findBlockMembers', findBlockMembers(db, missing, pool.maxBlockSize));
			const unknown = [...new Set([...members.values()].flat())].filter((id) => !pool.hasMember(id));
			for (const candidate of await timed('findBlockCandidates', findBlockCandidates(db, unknown))) {
				pool.remember({
					sourceRecordId: candidate.id,
					innovationId: candidate.innovation_id,
					prepared: poolPrepared(prepareRecord(matchRecordOf(`${candidate.source}:${candidate.external_id}`, candidate.source, candidate.match), config))
				});
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
				target = innovationId();
				states.set(target, { isNew: true, values: {}, provenance: {}, changes: {} });
				links.set(item.sourceRecordId, { innovationId: target, score: null, reasons: [] });
				if (bestReview) {
					reviews.push({ a: item.sourceRecordId, b: bestReview.member.sourceRecordId, score: bestReview.score, reasons: bestReview.reasons });
					counts.review++;
				}
			}
			plans.push({ innovationId: target, record: item.entry.value.record, externalId: item.entry.value.externalId });
			pool.add({ sourceRecordId: item.sourceRecordId, innovationId: target, prepared: poolPrepared(item.prepared) }, item.keys);
		}
		for (const { entry, current } of changed) {
			if (current.innovation_id) {
				targets.add(current.innovation_id);
				plans.push({ innovationId: current.innovation_id, record: entry.value.record, externalId: entry.value.externalId });
			} else {
				// Stored by an interrupted run before it was linked: it becomes its own innovation.
				const target = innovationId();
				states.set(target, { isNew: true, values: {}, provenance: {}, changes: {} });
				relinks.push({ sourceRecordId: current.id, innovationId: target, score: null, reasons: [] });
				plans.push({ innovationId: target, record: entry.value.record, externalId: entry.value.externalId });
			}
		}

		const existingTargets = [...targets].filter((id) => !states.has(id));
		// An innovation a batch being written changes must be read (and written) after that write.
		// Likewise a review naming a record a batch being written stores.
		for (const write of [...inFlight]) {
			if (existingTargets.some((id) => write.touched.has(id)) || reviews.some((review) => write.records.has(review.b))) await write.done;
		}
		for (const row of await timed('findInnovationsForImport', findInnovationsForImport(db, existingTargets))) {
			states.set(row.id, { isNew: false, values: { ...row }, provenance: { ...row.provenance }, changes: {} });
		}

		const awards: BatchWrites['awards'] = [];
		for (const plan of plans) {
			const state = states.get(plan.innovationId);
			if (!state) continue;
			for (const field of Object.keys(CANONICAL_COLUMNS) as CandidateField[]) {
				const value = plan.record[field];
				if (!hasValue(value)) continue;
				const column = CANONICAL_COLUMNS[field];
				const owner = state.provenance[column];
				const mayWrite =
					!owner ||
					!hasValue(state.values[column]) ||
					(owner.source !== 'manual' &&
						(rank(column, source) < rank(column, owner.source) || (owner.source === source && owner.externalId === plan.externalId)));
				if (!mayWrite) continue;
				const before = state.values[column] ?? null;
				if (!sameValue(before, value)) {
					state.changes[column] = { from: state.changes[column]?.from ?? before, to: value };
					state.values[column] = value;
				}
				if (!owner || owner.source !== source || owner.externalId !== plan.externalId) {
					state.provenance[column] = { source, externalId: plan.externalId };
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
				history.push({ entityType: 'innovation', entityId: id, version: 1, action: 'import', actor: input.actor, changes: state.changes, snapshot: state.values });
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
				externalId: item.entry.value.externalId,
				raw: JSON.stringify(item.entry.raw),
				mapped: JSON.stringify(item.entry.mapped),
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
			changed: changed.map(({ entry, current }) => ({ current, raw: entry.raw, mapped: entry.mapped })),
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
		for (const { current, raw, mapped } of writes.changed) await replaceSourceRecord(trx, current, { raw, mapped });
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
