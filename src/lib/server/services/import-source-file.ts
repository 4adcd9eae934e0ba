/**
 * Imports one source export end to end: read, check the columns against the mapping profile,
 * normalise each row (or quarantine it with its reasons), store it keyed by (source, external id)
 * keeping earlier versions, and link it to a canonical innovation by entity resolution against a
 * bounded candidate set looked up by blocking key. Work is committed in batches, so a killed run
 * loses at most its current batch and a rerun completes it (rows already stored are unchanged).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, FieldProvenance, ImportCounts, ImportRunStatus, InnovationRow, NewInnovationRow, SourceKey } from '../db/schema';
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
	insertInnovations,
	insertMatchReviews,
	insertSourceRecords,
	listAgenciesForResolver,
	listRegionsForResolver,
	quarantineRows,
	replaceBlockKeys,
	replaceSourceRecord,
	setMissingAgencyPanrbIds,
	setSourceRecordMatches,
	updateImportedInnovation,
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
	/** Which source wins each canonical field, first wins; panrb > kemendagri > lan by default. */
	sourcePriority?: readonly SourceKey[];
	batchSize?: number;
}

export interface ImportSourceFileResult {
	runId: number;
	status: ImportRunStatus;
	counts: ImportCounts;
	unknownColumns: string[];
}

const DEFAULT_PRIORITY: readonly SourceKey[] = ['panrb', 'kemendagri', 'lan'];
/** Rows per transaction: large enough that per-statement costs vanish, small enough that a killed run loses little. */
const DEFAULT_BATCH = 1000;

/** Candidate field -> innovations column; awards are stored apart. */
const COLUMNS = {
	title: 'title',
	acronym: 'acronym',
	agencyId: 'agency_id',
	regionCode: 'region_code',
	yearStarted: 'year_started',
	startedOn: 'started_on',
	stage: 'stage',
	summary: 'summary',
	problem: 'problem',
	aims: 'aims',
	novelty: 'novelty',
	implementation: 'implementation',
	results: 'results',
	transferability: 'transferability',
	resources: 'resources',
	sustainabilityStrategy: 'sustainability_strategy',
	mainAffair: 'main_affair',
	otherAffairs: 'other_affairs',
	sdgs: 'sdgs',
	isDigital: 'is_digital',
	form: 'form',
	theme: 'theme',
	initiatorType: 'initiator_type',
	initiatorName: 'initiator_name',
	sustainabilityStatus: 'sustainability_status',
	maturityScore: 'maturity_score',
	videoUrl: 'video_url',
	contactName: 'contact_name',
	contactEmail: 'contact_email',
	contactPhone: 'contact_phone'
} as const satisfies Record<Exclude<keyof CanonicalCandidate, 'awards'>, keyof InnovationRow>;
type CandidateField = keyof typeof COLUMNS;

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

/** What the pool keeps of a record: the narrative itself is dropped once its features are computed. */
function poolPrepared(record: MatchRecord, config: MatchConfig): PreparedRecord {
	const prepared = prepareRecord(record, config);
	return { ...prepared, record: { ...record, text: '' } };
}

/** One canonical innovation touched by this batch: its values, provenance and what changed. */
interface CanonicalState {
	isNew: boolean;
	values: Record<string, unknown>;
	provenance: Record<string, FieldProvenance>;
	changes: Record<string, { from: unknown; to: unknown }>;
}

export async function importSourceFile(db: Kysely<DB>, input: ImportSourceFileInput): Promise<ImportSourceFileResult> {
	const profile = input.mapping ?? DEFAULT_MAPPING_PROFILES[input.source];
	if (profile.source !== input.source) {
		throw new AppError('VALIDATION_FAILED', `Profil pemetaan ditulis untuk sumber "${profile.source}", bukan "${input.source}".`);
	}
	const file = await readSourceRows(input.bytes, { format: 'auto', fileName: input.fileName, sheet: profile.format?.sheet });
	const mapping = applyMappingProfile(profile, file.headers);
	// Nothing is written before the columns are known to be there.
	if (mapping.error) throw new AppError('VALIDATION_FAILED', mapping.error);

	const config: MatchConfig = { ...DEFAULT_MATCH_CONFIG, stopWords: input.stopWords ?? DEFAULT_MATCH_CONFIG.stopWords };
	const priority = input.sourcePriority ?? DEFAULT_PRIORITY;
	const rank = (source: string) => {
		const index = priority.indexOf(source as SourceKey);
		return index < 0 ? priority.length : index;
	};
	const { resolvers, panrbOf } = await loadResolvers(db);
	// Candidates stay loaded and prepared for the whole run instead of being rebuilt per batch.
	const pool = new CandidatePool(DEFAULT_BLOCKING);

	const counts = emptyCounts();
	counts.read = file.rows.length;
	counts.skippedEmpty = file.emptyRows.length;
	const checksum = createHash('sha256').update(input.bytes).digest('hex');
	const runId = await createImportRun(db, { source: input.source, fileName: input.fileName, checksum, actor: input.actor, counts });

	try {
		// A later row with the same external id replaces an earlier one (the export's newest word).
		const mapped = file.rows.map((row) => ({ row, ...mapRow(profile, row.values, mapping) }));
		const lastIndex = new Map<string, number>();
		mapped.forEach((entry, index) => {
			const id = entry.fields.externalId?.trim();
			if (id) lastIndex.set(id, index);
		});
		const rows = mapped.filter((entry, index) => {
			const id = entry.fields.externalId?.trim();
			return !id || lastIndex.get(id) === index;
		});

		const unreadable: QuarantineInput[] = file.problems.map((problem) => ({
			runId,
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

		const batchSize = input.batchSize ?? DEFAULT_BATCH;
		for (let start = 0; start < rows.length; start += batchSize) {
			const batch = rows.slice(start, start + batchSize);
			await db.transaction().execute(async (trx) => {
				await importBatch(trx, batch);
				await updateImportRun(trx, runId, { counts });
			});
			input.onProgress?.(Math.min(start + batchSize, rows.length), rows.length);
		}
		if (rows.length === 0) input.onProgress?.(0, 0);

		const status: ImportRunStatus = counts.rejected > 0 ? 'partly' : 'succeeded';
		await updateImportRun(db, runId, { counts, status, finished: true });
		return { runId, status, counts, unknownColumns: mapping.unknownColumns };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		await updateImportRun(db, runId, { counts, status: 'failed', error: message, finished: true });
		throw error;
	} finally {
		clearReadCaches(db);
	}

	async function importBatch(trx: Kysely<DB>, batch: { row: { rowNumber: number; values: Record<string, CellValue> }; fields: Record<string, string | null> }[]) {
		const source = input.source;
		const quarantine: QuarantineInput[] = [];
		const accepted: { value: NormalisedSourceRecord; raw: Record<string, unknown>; mapped: Record<string, unknown> }[] = [];
		const learned: { agencyId: string; panrbId: string }[] = [];
		for (const { row, fields } of batch) {
			const raw = rawOf(row.values);
			const result = normaliseSourceRecord(source, fields, resolvers);
			if (!result.ok) {
				quarantine.push({ runId, source, externalId: result.externalId, rowNumber: row.rowNumber, raw, reasons: result.reasons });
				continue;
			}
			const { value } = result;
			if (value.learnedPanrbId && !panrbOf.get(value.learnedPanrbId.agencyId)) {
				learned.push(value.learnedPanrbId);
				panrbOf.set(value.learnedPanrbId.agencyId, value.learnedPanrbId.panrbId);
			}
			const match: Omit<MatchRecord, 'key' | 'source'> = {
				title: value.record.title,
				agencyId: value.record.agencyId,
				regionCode: value.record.regionCode,
				year: value.match.year,
				text: value.match.text
			};
			accepted.push({ value, raw, mapped: { fields, record: value.record, match, rawChecksum: rawChecksum(raw) } });
		}
		await quarantineRows(trx, quarantine);
		counts.rejected += quarantine.length;
		await setMissingAgencyPanrbIds(trx, learned);

		const existing = new Map(
			(await findSourceRecords(trx, source, accepted.map((a) => a.value.externalId))).map((r) => [r.external_id, r])
		);
		const fresh: typeof accepted = [];
		const changed: { entry: (typeof accepted)[number]; current: StoredSourceRecord }[] = [];
		for (const entry of accepted) {
			const current = existing.get(entry.value.externalId);
			if (!current) fresh.push(entry);
			else if (current.mapped.rawChecksum === entry.mapped.rawChecksum && current.innovation_id) counts.unchanged++;
			else changed.push({ entry, current });
		}

		const newIds = await insertSourceRecords(
			trx,
			fresh.map((f) => ({ source, externalId: f.value.externalId, raw: f.raw, mapped: f.mapped }))
		);
		counts.inserted += fresh.length;
		for (const { entry, current } of changed) await replaceSourceRecord(trx, current, entry);
		counts.updated += changed.length;

		const keyOf = (entry: (typeof accepted)[number]) => `${source}:${entry.value.externalId}`;
		const matchRecordOf = (key: string, src: SourceKey, m: Record<string, unknown>): MatchRecord => ({
			key,
			source: src,
			...(m as Omit<MatchRecord, 'key' | 'source'>)
		});
		const blockEntries: { sourceRecordId: number; keys: string[] }[] = [];
		const freshRecords = fresh.map((entry) => {
			const record = matchRecordOf(keyOf(entry), source, entry.mapped.match as Record<string, unknown>);
			const keys = blockingKeys(record);
			const sourceRecordId = newIds.get(entry.value.externalId)!;
			blockEntries.push({ sourceRecordId, keys });
			return { entry, record, keys, sourceRecordId };
		});
		for (const { entry, current } of changed) {
			blockEntries.push({ sourceRecordId: current.id, keys: blockingKeys(matchRecordOf(keyOf(entry), source, entry.mapped.match as Record<string, unknown>)) });
		}

		// Candidates already linked in the registry, by blocking key, loaded once per run; this
		// batch's records join the pool as they are linked.
		const missing = pool.missingKeys(freshRecords.flatMap((r) => r.keys));
		if (missing.length > 0) {
			const { members, oversized } = await findBlockMembers(trx, missing, pool.maxBlockSize);
			const unknown = [...new Set([...members.values()].flat())].filter((id) => !pool.hasMember(id));
			for (const candidate of await findBlockCandidates(trx, unknown)) {
				pool.remember({
					sourceRecordId: candidate.id,
					innovationId: candidate.innovation_id,
					prepared: poolPrepared(matchRecordOf(`${candidate.source}:${candidate.external_id}`, candidate.source, candidate.match), config)
				});
			}
			for (const key of oversized) pool.markOversized(key);
			for (const key of missing) if (!oversized.has(key)) pool.loadKey(key, members.get(key) ?? []);
		}

		const states = new Map<string, CanonicalState>();
		const targets = new Set<string>();
		const links: { sourceRecordId: number; innovationId: string; score: number | null; reasons: unknown[] }[] = [];
		const reviews: { a: number; b: number; score: number; reasons: unknown[] }[] = [];
		const plans: { innovationId: string; record: CanonicalCandidate; externalId: string }[] = [];

		for (const item of freshRecords) {
			const prepared = poolPrepared(item.record, config);
			const { link: best, review: bestReview }: { link: PoolMatch | null; review: PoolMatch | null } = pool.match(prepared, item.keys, config);
			let target: string;
			if (best) {
				target = best.member.innovationId;
				targets.add(target);
				links.push({ sourceRecordId: item.sourceRecordId, innovationId: target, score: best.score, reasons: best.reasons });
				counts.linked++;
			} else {
				target = innovationId();
				states.set(target, { isNew: true, values: {}, provenance: {}, changes: {} });
				links.push({ sourceRecordId: item.sourceRecordId, innovationId: target, score: null, reasons: [] });
				if (bestReview) {
					reviews.push({ a: item.sourceRecordId, b: bestReview.member.sourceRecordId, score: bestReview.score, reasons: bestReview.reasons });
					counts.review++;
				}
			}
			plans.push({ innovationId: target, record: item.entry.value.record, externalId: item.entry.value.externalId });
			pool.add({ sourceRecordId: item.sourceRecordId, innovationId: target, prepared }, item.keys);
		}
		for (const { entry, current } of changed) {
			if (current.innovation_id) {
				targets.add(current.innovation_id);
				plans.push({ innovationId: current.innovation_id, record: entry.value.record, externalId: entry.value.externalId });
			} else {
				// Stored by an interrupted run before it was linked: it becomes its own innovation.
				const target = innovationId();
				states.set(target, { isNew: true, values: {}, provenance: {}, changes: {} });
				links.push({ sourceRecordId: current.id, innovationId: target, score: null, reasons: [] });
				plans.push({ innovationId: target, record: entry.value.record, externalId: entry.value.externalId });
			}
		}

		for (const row of await findInnovationsForImport(trx, [...targets].filter((id) => !states.has(id)))) {
			states.set(row.id, { isNew: false, values: { ...row }, provenance: { ...row.provenance }, changes: {} });
		}

		const awards: ({ innovationId: string } & CandidateAward)[] = [];
		for (const plan of plans) {
			const state = states.get(plan.innovationId);
			if (!state) continue;
			for (const field of Object.keys(COLUMNS) as CandidateField[]) {
				const value = plan.record[field];
				if (!hasValue(value)) continue;
				const column = COLUMNS[field];
				const owner = state.provenance[column];
				const mayWrite =
					!owner ||
					!hasValue(state.values[column]) ||
					(owner.source !== 'manual' &&
						(rank(source) < rank(owner.source) || (owner.source === source && owner.externalId === plan.externalId)));
				if (!mayWrite) continue;
				const before = state.values[column] ?? null;
				if (JSON.stringify(before) !== JSON.stringify(value)) {
					state.changes[column] = { from: state.changes[column]?.from ?? before, to: value };
					state.values[column] = value;
				}
				const provenance = { source, externalId: plan.externalId };
				if (JSON.stringify(owner) !== JSON.stringify(provenance)) {
					state.provenance[column] = provenance;
					state.changes.provenance ??= { from: null, to: null };
				}
			}
			for (const award of plan.record.awards) awards.push({ innovationId: plan.innovationId, ...award });
		}

		const history: ChangeEntry[] = [];
		const inserts: NewInnovationRow[] = [];
		for (const [id, state] of states) {
			if (state.isNew) {
				inserts.push({
					...(state.values as Omit<NewInnovationRow, 'id' | 'provenance' | 'other_affairs' | 'sdgs'>),
					id,
					provenance: JSON.stringify(state.provenance)
				} as NewInnovationRow);
				history.push({ entityType: 'innovation', entityId: id, version: 1, action: 'import', actor: input.actor, changes: state.changes, snapshot: state.values });
				continue;
			}
			const changedColumns = Object.keys(state.changes).filter((column) => column !== 'provenance');
			if (changedColumns.length === 0 && !state.changes.provenance) continue;
			const values = Object.fromEntries(changedColumns.map((column) => [column, state.values[column]]));
			const version = await updateImportedInnovation(trx, id, values, state.provenance);
			const { provenance: _provenance, ...changes } = state.changes;
			history.push({ entityType: 'innovation', entityId: id, version, action: 'import', actor: input.actor, changes, snapshot: null });
		}
		await insertInnovations(trx, inserts);
		await setSourceRecordMatches(trx, links);
		await replaceBlockKeys(trx, blockEntries);
		await addMissingAwards(trx, awards);
		await insertMatchReviews(trx, reviews);
		await appendChanges(trx, history);
	}
}
