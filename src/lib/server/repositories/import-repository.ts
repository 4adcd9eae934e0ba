import { sql, type Kysely } from 'kysely';
import type {
	AgencyKind,
	DB,
	FieldProvenance,
	ImportCounts,
	ImportRunStatus,
	NewInnovationRow,
	QuarantineReason,
	RegionLevel,
	SourceKey
} from '../db/schema';
import { insertRows } from './bulk-insert';

// ---------------------------------------------------------------------------------------------
// Reference data for the resolvers

export function listAgenciesForResolver(db: Kysely<DB>) {
	return db
		.selectFrom('agencies')
		.select(['id', 'name', 'kind', 'abbreviation', 'aliases', 'region_code', 'panrb_id'])
		.orderBy('id')
		.execute() as Promise<
		{ id: string; name: string; kind: AgencyKind; abbreviation: string | null; aliases: string[]; region_code: string | null; panrb_id: string | null }[]
	>;
}

export function listRegionsForResolver(db: Kysely<DB>) {
	return db
		.selectFrom('regions')
		.select(['code', 'name', 'level', 'parent_code'])
		.where('level', 'in', ['provinsi', 'kabupaten', 'kota'])
		.orderBy('code')
		.execute() as Promise<{ code: string; name: string; level: RegionLevel; parent_code: string | null }[]>;
}

/** Stores PANRB agency ids learned from PANRB rows, never overwriting one or taking an id in use; one statement. */
export async function setMissingAgencyPanrbIds(db: Kysely<DB>, learned: { agencyId: string; panrbId: string }[]): Promise<void> {
	if (learned.length === 0) return;
	// The first agency to claim an id keeps it, as when the rows were stored one by one.
	const claimed = new Set<string>();
	const unique = learned.filter(({ panrbId }) => !claimed.has(panrbId) && claimed.add(panrbId));
	await sql`
		update agencies as a
		set panrb_id = v.panrb_id
		from (select * from unnest(${unique.map((l) => l.agencyId)}::text[], ${unique.map((l) => l.panrbId)}::text[]) as t (agency_id, panrb_id)) as v
		where a.id = v.agency_id
			and a.panrb_id is null
			and not exists (select 1 from agencies as other where other.panrb_id = v.panrb_id)`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// Runs and quarantine

export async function createImportRun(
	db: Kysely<DB>,
	run: { source: SourceKey; fileName: string; checksum: string; actor: string; counts: ImportCounts }
): Promise<number> {
	const row = await db
		.insertInto('import_runs')
		.values({ source: run.source, file_name: run.fileName, checksum: run.checksum, actor: run.actor, counts: JSON.stringify(run.counts) })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateImportRun(
	db: Kysely<DB>,
	id: number,
	update: { counts: ImportCounts; status?: ImportRunStatus; error?: string | null; finished?: boolean }
): Promise<void> {
	await db
		.updateTable('import_runs')
		.set({
			counts: JSON.stringify(update.counts),
			...(update.status ? { status: update.status } : {}),
			...(update.error !== undefined ? { error: update.error } : {}),
			...(update.finished ? { finished_at: sql<Date>`now()` } : {})
		})
		.where('id', '=', id)
		.execute();
}

export function findImportRun(db: Kysely<DB>, id: number) {
	return db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface QuarantineInput {
	runId: number;
	source: SourceKey;
	externalId: string | null;
	rowNumber: number;
	raw: Record<string, unknown>;
	reasons: QuarantineReason[];
}

export async function quarantineRows(db: Kysely<DB>, rows: QuarantineInput[]): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('quarantined_rows')
		.values(
			rows.map((r) => ({
				run_id: r.runId,
				source: r.source,
				external_id: r.externalId,
				row_number: r.rowNumber,
				raw: JSON.stringify(r.raw),
				reasons: JSON.stringify(r.reasons)
			}))
		)
		.execute();
}

export function listQuarantinedRows(db: Kysely<DB>, runId: number) {
	return db.selectFrom('quarantined_rows').selectAll().where('run_id', '=', runId).orderBy('row_number').execute();
}

// ---------------------------------------------------------------------------------------------
// Source records

export interface StoredSourceRecord {
	id: number;
	source: SourceKey;
	external_id: string;
	innovation_id: string | null;
	raw: Record<string, unknown>;
	mapped: Record<string, unknown>;
	record_version: number;
}

export function findSourceRecords(db: Kysely<DB>, source: SourceKey, externalIds: string[]): Promise<StoredSourceRecord[]> {
	if (externalIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('source_records')
		.select(['id', 'source', 'external_id', 'innovation_id', 'raw', 'mapped', 'record_version'])
		.where('source', '=', source)
		.where('external_id', 'in', externalIds)
		.execute();
}

export async function insertSourceRecords(
	db: Kysely<DB>,
	records: { source: SourceKey; externalId: string; raw: Record<string, unknown>; mapped: Record<string, unknown> }[]
): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	if (records.length === 0) return ids;
	const rows = await db
		.insertInto('source_records')
		.values(records.map((r) => ({ source: r.source, external_id: r.externalId, raw: JSON.stringify(r.raw), mapped: JSON.stringify(r.mapped) })))
		.returning(['id', 'external_id'])
		.execute();
	for (const row of rows) ids.set(row.external_id, row.id);
	return ids;
}

/** The stored documents of a source record as UTF-8 JSON (import-row-preparation.ts). */
export interface SourceRecordJson {
	raw: Uint8Array;
	mapped: Uint8Array;
	matchFeatures: Uint8Array;
}

/** Keeps the current content as a version, then stores the new content with the next version number. */
export async function replaceSourceRecord(db: Kysely<DB>, current: StoredSourceRecord, stored: SourceRecordJson): Promise<void> {
	await db
		.insertInto('source_record_versions')
		.values({
			source_record_id: current.id,
			record_version: current.record_version,
			raw: JSON.stringify(current.raw),
			mapped: JSON.stringify(current.mapped)
		})
		.onConflict((oc) => oc.columns(['source_record_id', 'record_version']).doNothing())
		.execute();
	const json = (bytes: Uint8Array) => sql`convert_from(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)}::bytea, 'UTF8')::json`;
	await sql`
		update source_records
		set raw = ${json(stored.raw)}, mapped = ${json(stored.mapped)}, match_features = ${json(stored.matchFeatures)},
			record_version = ${current.record_version + 1}::integer, imported_at = now()
		where id = ${current.id}::bigint`.execute(db);
}

export function listSourceRecordVersions(db: Kysely<DB>, sourceRecordId: number) {
	return db.selectFrom('source_record_versions').selectAll().where('source_record_id', '=', sourceRecordId).orderBy('record_version').execute();
}

/** Links source records to their innovations with score and reasons, in one statement per 500. */
export async function setSourceRecordMatches(
	db: Kysely<DB>,
	matches: { sourceRecordId: number; innovationId: string; score: number | null; reasons: unknown[] }[]
): Promise<void> {
	for (let i = 0; i < matches.length; i += 500) {
		const values = matches
			.slice(i, i + 500)
			.map((m) => sql`(${m.sourceRecordId}::bigint, ${m.innovationId}::text, ${m.score}::numeric, ${JSON.stringify(m.reasons)}::jsonb)`);
		await sql`
			update source_records as sr
			set innovation_id = v.innovation_id, match_score = v.score, match_reasons = v.reasons
			from (values ${sql.join(values)}) as v (id, innovation_id, score, reasons)
			where sr.id = v.id`.execute(db);
	}
}

export async function replaceBlockKeys(db: Kysely<DB>, entries: { sourceRecordId: number; keys: string[] }[]): Promise<void> {
	if (entries.length === 0) return;
	await db
		.deleteFrom('source_record_block_keys')
		.where(
			'source_record_id',
			'in',
			entries.map((e) => e.sourceRecordId)
		)
		.execute();
	const rows = entries.flatMap((e) => e.keys.map((key) => ({ source_record_id: e.sourceRecordId, key })));
	for (let i = 0; i < rows.length; i += 1000) {
		await db.insertInto('source_record_block_keys').values(rows.slice(i, i + 1000)).execute();
	}
}

/**
 * Settings of an import's write transaction, in one statement (`set_config(..., true)` is
 * `set local`: they end with the transaction).
 * - It commits without waiting for its WAL to reach the disk: a crash of the database server may
 *   then lose the last batches committed, which a rerun of the import stores again (stored rows
 *   are recognised), and nothing is ever left half-written.
 * - Its statements are planned for any parameter values (a generic plan) instead of for the values
 *   bound (a custom plan). A custom plan copies each bound value into the plan, several times
 *   over, and the import's statements carry megabytes of documents each: planning them was ~28 %
 *   of the server's work in an import (perf: copies and fresh memory under GetCachedPlan), and its
 *   CPU went down by about a third without it. What the import runs are inserts and look-ups by
 *   key, whose plans do not depend on the values.
 */
export async function configureImportWrites(db: Kysely<DB>): Promise<void> {
	await sql`select set_config('synchronous_commit', 'off', true), set_config('plan_cache_mode', 'force_generic_plan', true)`.execute(db);
}

/** Ids for source records about to be stored, taken from the table's identity sequence up front. */
export async function reserveSourceRecordIds(db: Kysely<DB>, count: number): Promise<number[]> {
	if (count === 0) return [];
	const rows = await sql<{ id: string | number }>`
		select nextval(pg_get_serial_sequence('source_records', 'id')) as id from generate_series(1, ${count}::integer)`.execute(db);
	return rows.rows.map((row) => Number(row.id));
}

/**
 * Stores new source records under reserved ids, already linked to their innovations, so that a
 * record is written once instead of inserted and then updated, in few statements. The JSON
 * documents travel as bytes, one buffer per statement with each document's length beside it:
 * copied as the worker encoded them, never turned into text on this thread (no escaping into
 * array literals, no encoding by the driver), and parsed by the server once each (parsing them as
 * one JSON array and taking them out of it again cost the server twice as much).
 */
export async function insertLinkedSourceRecords(
	db: Kysely<DB>,
	records: {
		id: number;
		source: SourceKey;
		externalId: string;
		stored: SourceRecordJson;
		innovationId: string;
		score: number | null;
		/** JSON text. */
		reasons: string;
	}[]
): Promise<void> {
	// 250 records (about 1.5 MB of JSON) per statement: larger statements save nothing measurable
	// and each one costs the driver several buffers of its size.
	for (let i = 0; i < records.length; i += 250) {
		const chunk = records.slice(i, i + 250);
		const reasonLengths = chunk.map((r) => Buffer.byteLength(r.reasons));
		let size = 0;
		for (let k = 0; k < chunk.length; k++) {
			const { raw, mapped, matchFeatures } = chunk[k]!.stored;
			size += reasonLengths[k]! + raw.byteLength + mapped.byteLength + matchFeatures.byteLength;
		}
		// Per record: reasons, raw, mapped, match features; `at` is where its reasons start (1-based).
		const bytes = Buffer.allocUnsafe(size);
		const at: number[] = [];
		const rawLengths: number[] = [];
		const mappedLengths: number[] = [];
		const featureLengths: number[] = [];
		let offset = 0;
		for (let k = 0; k < chunk.length; k++) {
			const { raw, mapped, matchFeatures } = chunk[k]!.stored;
			at.push(offset + 1);
			offset += bytes.write(chunk[k]!.reasons, offset, reasonLengths[k]!, 'utf8');
			for (const piece of [raw, mapped, matchFeatures]) {
				bytes.set(piece, offset);
				offset += piece.byteLength;
			}
			rawLengths.push(raw.byteLength);
			mappedLengths.push(mapped.byteLength);
			featureLengths.push(matchFeatures.byteLength);
		}
		await sql`
			insert into source_records (id, source, external_id, raw, mapped, match_features, innovation_id, match_score, match_reasons)
			overriding system value
			select v.id, v.source, v.external_id,
				convert_from(substring(b.bytes from v.at + v.reasons_length for v.raw_length), 'UTF8')::json,
				convert_from(substring(b.bytes from v.at + v.reasons_length + v.raw_length for v.mapped_length), 'UTF8')::json,
				convert_from(substring(b.bytes from v.at + v.reasons_length + v.raw_length + v.mapped_length for v.features_length), 'UTF8')::json,
				v.innovation_id, v.score,
				convert_from(substring(b.bytes from v.at for v.reasons_length), 'UTF8')::jsonb
			from (select ${bytes}::bytea as bytes) as b,
				unnest(
					${chunk.map((r) => r.id)}::bigint[], ${chunk.map((r) => r.source)}::text[], ${chunk.map((r) => r.externalId)}::text[],
					${chunk.map((r) => r.innovationId)}::text[], ${chunk.map((r) => r.score)}::numeric[], ${at}::integer[],
					${reasonLengths}::integer[], ${rawLengths}::integer[], ${mappedLengths}::integer[], ${featureLengths}::integer[]
				) as v (id, source, external_id, innovation_id, score, at, reasons_length, raw_length, mapped_length, features_length)`.execute(db);
	}
}

/**
 * Blocking keys of source records stored for the first time (no earlier keys to replace); one
 * statement per 20,000. A record's keys are distinct and its id is new, so nothing can conflict.
 */
export async function insertBlockKeys(db: Kysely<DB>, entries: { sourceRecordId: number; keys: string[] }[]): Promise<void> {
	const ids: number[] = [];
	const keys: string[] = [];
	for (const entry of entries) {
		for (const key of entry.keys) {
			ids.push(entry.sourceRecordId);
			keys.push(key);
		}
	}
	for (let i = 0; i < ids.length; i += 20000) {
		await sql`
			insert into source_record_block_keys (source_record_id, key)
			select * from unnest(${idList(ids.slice(i, i + 20000))}, ${keyList(keys.slice(i, i + 20000))})`.execute(db);
	}
}

/**
 * Many keys as one text split by the server: the driver would build an escaped array literal of
 * them piece by piece, which costs this thread more than the statement. Keys never hold a line
 * break (blocking.ts builds them from folded words, codes and figures); any that did would go as an array.
 */
function keyList(keys: readonly string[]) {
	if (keys.some((key) => key.includes('\n'))) return sql`${keys}::text[]`;
	return sql`string_to_array(${keys.join('\n')}, E'\\n')`;
}

/** Ids as one comma-separated text (see keyList). */
function idList(ids: readonly number[]) {
	return sql`string_to_array(${ids.join(',')}, ',')::bigint[]`;
}

/**
 * The source records under each of the given blocking keys, as ids. Keys held by more than
 * `maxBlockSize` records say too little to be worth comparing and come back in `oversized`
 * without members, which keeps the candidate set bounded however large the registry grows.
 */
export async function findBlockMembers(
	db: Kysely<DB>,
	keys: string[],
	maxBlockSize: number
): Promise<{ members: Map<string, number[]>; oversized: Set<string> }> {
	const members = new Map<string, number[]>();
	const oversized = new Set<string>();
	for (let i = 0; i < keys.length; i += 5000) {
		const chunk = keys.slice(i, i + 5000);
		// One row per key: its size, and its members only when it is small enough to use.
		const rows = await sql<{ key: string; size: number; ids: number[] | null }>`
			select key, count(*)::integer as size,
				case when count(*) <= ${maxBlockSize} then array_agg(source_record_id order by source_record_id) end as ids
			from source_record_block_keys
			where key = any(${keyList(chunk)})
			group by key`.execute(db);
		for (const row of rows.rows) {
			if (row.ids === null) oversized.add(row.key);
			else members.set(row.key, row.ids.map(Number));
		}
	}
	return { members, oversized };
}

/** A stored record as a candidate: what matching needs of it (0014), without its narrative. */
export interface BlockCandidateRow {
	id: number;
	source: SourceKey;
	external_id: string;
	innovation_id: string;
	match_features: Record<string, unknown> | null;
}

/**
 * What matching needs of the given source records, for those already linked to an innovation:
 * `match_features` only, so that the large `mapped` value is not read (see findCandidateMappings).
 */
export async function findBlockCandidates(db: Kysely<DB>, ids: number[]): Promise<BlockCandidateRow[]> {
	const found: BlockCandidateRow[] = [];
	for (let i = 0; i < ids.length; i += 5000) {
		const rows = await sql<BlockCandidateRow>`
			select id, source, external_id, innovation_id, match_features
			from source_records
			where id = any(${idList(ids.slice(i, i + 5000))}) and innovation_id is not null`.execute(db);
		for (const row of rows.rows) found.push({ ...row, id: Number(row.id) });
	}
	return found;
}

/** The `mapped` documents of records whose match features are missing or stale (stored before 0014, other stop words). */
export async function findCandidateMappings(db: Kysely<DB>, ids: number[]): Promise<Map<number, Record<string, unknown>>> {
	const mapped = new Map<number, Record<string, unknown>>();
	for (let i = 0; i < ids.length; i += 5000) {
		const rows = await sql<{ id: number; mapped: Record<string, unknown> }>`
			select id, mapped from source_records where id = any(${ids.slice(i, i + 5000)}::bigint[])`.execute(db);
		for (const row of rows.rows) mapped.set(Number(row.id), row.mapped);
	}
	return mapped;
}

/** Innovation id of every stored record of the sources, for comparing against the ground truth. */
export function listSourceRecordLinks(db: Kysely<DB>) {
	return db.selectFrom('source_records').select(['source', 'external_id', 'innovation_id', 'record_version']).execute();
}

// ---------------------------------------------------------------------------------------------
// Canonical innovations, awards and reviews

/** Narrative columns of an innovation: long, stored compressed apart, rarely overwritten by an import. */
export const NARRATIVE_COLUMNS = [
	'summary', 'problem', 'aims', 'novelty', 'implementation', 'results', 'transferability', 'resources', 'sustainability_strategy'
] as const;
export type NarrativeColumn = (typeof NARRATIVE_COLUMNS)[number];

/**
 * What an import needs of innovations it links records to: id, provenance and the columns it may
 * write, except that a narrative comes back as '' when empty and as null when it is not (those
 * columns are never null): reading every narrative of every linked innovation cost more than
 * reading the few a higher-ranked source may overwrite afterwards (findInnovationNarratives).
 * The emptiness is known without reading the stored value.
 */
export async function findInnovationsForImport(db: Kysely<DB>, ids: string[]): Promise<({ id: string; provenance: Record<string, FieldProvenance> } & Record<string, unknown>)[]> {
	if (ids.length === 0) return [];
	const narratives = new Set<string>(NARRATIVE_COLUMNS);
	const columns = sql.join(
		IMPORTED_COLUMNS.map((column) =>
			narratives.has(column) ? sql`case when octet_length(${sql.ref(column)}) = 0 then '' end as ${sql.ref(column)}` : sql.ref(column)
		)
	);
	const rows = await sql<{ id: string; provenance: Record<string, FieldProvenance> } & Record<string, unknown>>`
		select id, provenance, ${columns} from innovations where id = any(${keyList(ids)})`.execute(db);
	return rows.rows;
}

/** The given narrative columns of innovations (see findInnovationsForImport). */
export async function findInnovationNarratives(db: Kysely<DB>, ids: string[]): Promise<Map<string, Record<NarrativeColumn, string>>> {
	const found = new Map<string, Record<NarrativeColumn, string>>();
	if (ids.length === 0) return found;
	const rows = await db.selectFrom('innovations').select(['id', ...NARRATIVE_COLUMNS]).where('id', 'in', ids).execute();
	for (const { id, ...narratives } of rows) found.set(id, narratives);
	return found;
}

export async function insertInnovations(db: Kysely<DB>, rows: NewInnovationRow[]): Promise<void> {
	for (let i = 0; i < rows.length; i += 250) await insertRows(db, 'innovations', rows.slice(i, i + 250));
}

export async function updateImportedInnovation(
	db: Kysely<DB>,
	id: string,
	values: Record<string, unknown>,
	provenance: Record<string, FieldProvenance>
): Promise<number> {
	const row = await db
		.updateTable('innovations')
		.set({ ...(values as object), provenance: JSON.stringify(provenance), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
		.where('id', '=', id)
		.returning('version')
		.executeTakeFirstOrThrow();
	return row.version;
}

/** Columns an import may write on an innovation (provenance apart). */
const IMPORTED_COLUMNS = [
	'title', 'acronym', 'agency_id', 'region_code', 'year_started', 'started_on', 'stage', 'summary', 'problem', 'aims',
	'novelty', 'implementation', 'results', 'transferability', 'resources', 'sustainability_strategy', 'main_affair',
	'other_affairs', 'sdgs', 'is_digital', 'form', 'theme', 'initiator_type', 'initiator_name', 'sustainability_status',
	'maturity_score', 'video_url', 'contact_name', 'contact_email', 'contact_phone'
] as const;

/**
 * Applies imported changes to many innovations in one statement per 500: each gets only its
 * changed columns (`patch`, column -> value) and its provenance, and its version goes up by one.
 * Returns the new version of each innovation.
 *
 * A column the patch does not name is set to itself, not to a copy read back out of the row: the
 * database then keeps its stored (TOASTed) value as it is, instead of reading, compressing and
 * writing again every narrative of every linked innovation.
 */
export async function updateImportedInnovations(
	db: Kysely<DB>,
	updates: { id: string; values: Record<string, unknown>; provenance: Record<string, FieldProvenance> }[]
): Promise<Map<string, number>> {
	const versions = new Map<string, number>();
	const assignments = sql.join(
		IMPORTED_COLUMNS.map((column) => sql`${sql.ref(column)} = case when v.patch ? ${column} then ${sql.ref(`p.${column}`)} else ${sql.ref(`i.${column}`)} end`)
	);
	for (let i = 0; i < updates.length; i += 500) {
		const chunk = updates.slice(i, i + 500).map((u) => ({ id: u.id, patch: u.values, provenance: u.provenance }));
		const rows = await sql<{ id: string; version: number }>`
			update innovations as i
			set ${assignments}, provenance = v.provenance, version = i.version + 1, updated_at = now()
			from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as v (id text, patch jsonb, provenance jsonb)
				cross join lateral jsonb_populate_record(null::innovations, v.patch) as p
			where i.id = v.id
			returning i.id, i.version`.execute(db);
		for (const row of rows.rows) versions.set(row.id, row.version);
	}
	return versions;
}

/** Adds awards an innovation does not have yet (same programme, year and level), in one statement. */
export async function addMissingAwards(
	db: Kysely<DB>,
	awards: { innovationId: string; programme: 'KIPP'; year: number; level: string; category: string | null }[]
): Promise<void> {
	if (awards.length === 0) return;
	await sql`
		insert into awards (innovation_id, programme, year, level, category)
		select distinct on (v.innovation_id, v.programme, v.year, v.level) v.innovation_id, v.programme, v.year, v.level, v.category
		from unnest(
			${awards.map((a) => a.innovationId)}::text[],
			${awards.map((a) => a.programme)}::text[],
			${awards.map((a) => a.year)}::integer[],
			${awards.map((a) => a.level)}::text[],
			${awards.map((a) => a.category)}::text[]
		) as v (innovation_id, programme, year, level, category)
		where not exists (
			select 1 from awards as aw
			where aw.innovation_id = v.innovation_id and aw.programme = v.programme and aw.year = v.year and aw.level = v.level
		)
		order by v.innovation_id, v.programme, v.year, v.level`.execute(db);
}

export async function insertMatchReviews(
	db: Kysely<DB>,
	reviews: { a: number; b: number; score: number; reasons: unknown[] }[]
): Promise<void> {
	if (reviews.length === 0) return;
	await db
		.insertInto('match_reviews')
		.values(
			reviews.map((r) => ({
				source_record_a: Math.min(r.a, r.b),
				source_record_b: Math.max(r.a, r.b),
				score: r.score,
				reasons: JSON.stringify(r.reasons)
			}))
		)
		.onConflict((oc) => oc.columns(['source_record_a', 'source_record_b']).doNothing())
		.execute();
}

export function listOpenMatchReviews(db: Kysely<DB>) {
	return db.selectFrom('match_reviews').selectAll().where('status', '=', 'open').orderBy('score', 'desc').execute();
}

// ---------------------------------------------------------------------------------------------
// Quarantine export

/** The most recent import run of a source, or undefined when it was never imported. */
export function findLatestImportRun(db: Kysely<DB>, source: SourceKey) {
	return db
		.selectFrom('import_runs')
		.selectAll()
		.where('source', '=', source)
		.orderBy('started_at', 'desc')
		.orderBy('id', 'desc')
		.executeTakeFirst();
}
