/**
 * The part of an import that needs nothing but the rows themselves: read the file, pick the
 * profile's fields, normalise each row (or give the reasons to quarantine it), serialise it for
 * storage and analyse it for matching. It runs in a worker thread for large files
 * (import-row-worker.ts), so that this work and the matching and writing on the main thread use
 * both cores, and in-process otherwise (small files, or where the worker cannot be started, e.g.
 * in the bundled server). Either way the batches come out in file order and are the same.
 */
import { hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AgencyKind, RegionLevel, SourceKey } from '../db/schema';
import { applyMappingProfile, mapRow, type HeaderMapping, type MappingProfile } from '../domain/import/mapping-profile';
import {
	normaliseSourceRecord,
	type CanonicalCandidate,
	type NormaliseResolvers,
	type RejectionReason
} from '../domain/import/normalise-source-record';
import { mappedDocument, matchFeaturesOf } from '../domain/import/stored-record';
import { blockingKeys } from '../domain/matching/blocking';
import { prepareRecord, type PreparedRecord } from '../domain/matching/score';
import { stopWordsKeyOf } from '../domain/matching/similarity';
import { createAgencyResolver } from '../domain/normalise/agencies';
import { createRegionResolver } from '../domain/normalise/regions';
import { AppError, type ErrorCode } from '../errors';
import { detectFormat, readSourceRows, type CellValue, type RowProblem } from '../import/read-source-file';

export interface ResolverAgency {
	id: string;
	name: string;
	kind: AgencyKind;
	abbreviation: string | null;
	aliases: string[];
	region_code: string | null;
	panrb_id: string | null;
}

export interface ResolverRegion {
	code: string;
	name: string;
	level: RegionLevel;
	parent_code: string | null;
}

/** Everything the preparation needs, as plain data (it is sent to the worker as it is). */
export interface PreparationInput {
	source: SourceKey;
	fileName: string;
	bytes: Uint8Array;
	profile: MappingProfile;
	agencies: ResolverAgency[];
	regions: ResolverRegion[];
	stopWords: string[];
	batchSize: number;
}

/** A row that cannot be imported, with its reasons. */
export interface RejectedRow {
	ok: false;
	rowNumber: number;
	externalId: string | null;
	raw: Record<string, unknown>;
	reasons: RejectionReason[];
}

/** A row's stored JSON documents as UTF-8 bytes (views of its batch's buffer). */
export interface StoredJson {
	raw: Uint8Array;
	mapped: Uint8Array;
	matchFeatures: Uint8Array;
}

/** A normalised row, serialised for storage and analysed for matching. */
export interface AcceptedRow {
	ok: true;
	rowNumber: number;
	externalId: string;
	record: CanonicalCandidate;
	learnedPanrbId: { agencyId: string; panrbId: string } | null;
	/** SHA-256 of the raw row independent of key order (mapped.rawChecksum). */
	checksum: string;
	/**
	 * What is stored of the row (source_records raw, mapped and match_features) as UTF-8 JSON.
	 * Bytes, not text: they travel from the worker in one transferred buffer per batch and to the
	 * database as they are, so the main thread neither copies nor encodes them as strings (nor
	 * collects them as garbage).
	 */
	stored: StoredJson;
	/** Blocking keys. */
	keys: string[];
	/** The record as matching sees it, without its text (the folded text is kept) or stop words. */
	match: Omit<PreparedRecord, 'stopWords'>;
}

export type PreparedRow = RejectedRow | AcceptedRow;

export interface PreparedBatch {
	rows: PreparedRow[];
	/** Rows of the file handled up to and including this batch. */
	done: number;
	/** The buffer the rows' `stored` bytes are views of (transferred from the worker, not copied). */
	bytes: ArrayBuffer;
}

/** An accepted row before its stored JSON is packed into its batch's buffer. */
type UnpackedRow = { ok: true; row: Omit<AcceptedRow, 'stored'>; storedJson: { raw: string; mapped: string; matchFeatures: string } };

/**
 * Packs the stored JSON of a batch's rows into one buffer as each row is prepared (so that its
 * texts die young instead of waiting for the whole batch), each row's `stored` views of it.
 */
function batchPacker() {
	// Reused from batch to batch; the batch gets an exact copy, which is transferred.
	let work = Buffer.allocUnsafe(4 * 2 ** 20);
	return (rows: SourceRow[], prepareOne: (row: SourceRow) => RejectedRow | UnpackedRow, done: number): PreparedBatch => {
		let offset = 0;
		const write = (text: string) => {
			// At most three bytes per UTF-16 unit.
			if (offset + 3 * text.length > work.length) {
				const larger = Buffer.allocUnsafe(Math.max(2 * work.length, offset + 3 * text.length));
				work.copy(larger, 0, 0, offset);
				work = larger;
			}
			const length = work.write(text, offset, 'utf8');
			offset += length;
			return length;
		};
		const lengths: number[] = [];
		const prepared = rows.map((row) => {
			const result = prepareOne(row);
			if (!result.ok) return result;
			const { storedJson } = result;
			lengths.push(write(storedJson.raw), write(storedJson.mapped), write(storedJson.matchFeatures));
			return result.row;
		});
		const bytes = new ArrayBuffer(offset);
		new Uint8Array(bytes).set(work.subarray(0, offset));
		let at = 0;
		let next = 0;
		const view = () => {
			const length = lengths[next++]!;
			const piece = new Uint8Array(bytes, at, length);
			at += length;
			return piece;
		};
		const packed = prepared.map((row): PreparedRow => (row.ok ? { ...row, stored: { raw: view(), mapped: view(), matchFeatures: view() } } : row));
		return { rows: packed, done, bytes };
	};
}

export interface PreparedFile {
	/** Where the rows are prepared. */
	thread: 'worker' | 'main';
	mapping: HeaderMapping;
	/** Rows read (before later rows replace earlier ones with the same external id). */
	rowCount: number;
	emptyRowCount: number;
	problems: RowProblem[];
	/** Rows that will be prepared: the last row of each external id, and rows without one. */
	total: number;
	/** The next batch, or null after the last. */
	next(): Promise<PreparedBatch | null>;
	close(): Promise<void>;
}

/** The agency resolver over agency rows as the repository lists them (also used by curation). */
export function createAgencyResolverFromRows(agencies: readonly ResolverAgency[]) {
	return createAgencyResolver(
		agencies.map((a) => ({
			id: a.id,
			name: a.name,
			kind: a.kind,
			abbreviation: a.abbreviation,
			aliases: a.aliases ?? [],
			regionCode: a.region_code,
			panrbId: a.panrb_id
		}))
	);
}

export function buildResolvers(agencies: readonly ResolverAgency[], regions: readonly ResolverRegion[]): NormaliseResolvers {
	const regionOf = new Map(agencies.map((a) => [a.id, a.region_code]));
	const panrbOf = new Map(agencies.map((a) => [a.id, a.panrb_id]));
	const regionResolver = createRegionResolver(regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code })));
	const agencyResolver = createAgencyResolverFromRows(agencies);
	return {
		// The rows of a file name the same few hundred agencies and regions over and over.
		regions: {
			resolve: memoised(regionResolver.resolve, (q) => JSON.stringify([q.code, q.name, q.provinceName])),
			byCode: regionResolver.byCode
		},
		agencies: { resolve: memoised(agencyResolver.resolve, (q) => JSON.stringify([q.panrbId, q.name, q.kind, q.regionCode])) },
		agencyRegion: (id) => regionOf.get(id) ?? null,
		// PANRB ids learned during the run are checked again on the main thread before they are stored.
		agencyPanrbId: (id) => panrbOf.get(id) ?? null
	};
}

/** Entries a memoised resolver keeps before it starts again (a file names far fewer). */
const MEMO_LIMIT = 20_000;

/**
 * A pure function's results remembered by key. `keyOf` must tell apart every query the function
 * tells apart (the resolvers treat a missing field, null and undefined alike, as JSON does in an
 * array). The results are shared between calls: the callers only read them.
 */
function memoised<Q, R>(compute: (query: Q) => R, keyOf: (query: Q) => string): (query: Q) => R {
	const known = new Map<string, R>();
	return (query) => {
		const key = keyOf(query);
		const found = known.get(key);
		if (found !== undefined || known.has(key)) return found as R;
		const result = compute(query);
		if (known.size >= MEMO_LIMIT) known.clear();
		known.set(key, result);
		return result;
	};
}

/**
 * A row's values as JSON-safe data (spreadsheet dates as ISO text), the same as JSON text, and
 * its checksum independent of key order, so that a re-read file compares equal: SHA-256 of the
 * [key, value] pairs sorted by key, as JSON (the form stored in mapped.rawChecksum from the first
 * import on). Each value is serialised once for both texts.
 */
export function rawDocument(values: Record<string, CellValue>): { raw: Record<string, unknown>; json: string; checksum: string } {
	return { raw: rawValues(values), ...rawJson(values) };
}

/** A cell as JSON-safe data: spreadsheet dates as ISO text. */
function jsonSafe(cell: CellValue | undefined): unknown {
	return cell instanceof Date ? cell.toISOString() : cell;
}

/** rawDocument's `raw`: only a rejected row needs it as an object. */
function rawValues(values: Record<string, CellValue>): Record<string, unknown> {
	const raw: Record<string, unknown> = {};
	for (const key of sortedKeys(values).keys) {
		const value = jsonSafe(values[key]);
		if (value !== undefined) raw[key] = value;
	}
	return raw;
}

/** rawDocument's `json` and `checksum`. */
function rawJson(values: Record<string, CellValue>): { json: string; checksum: string } {
	const { keys, names } = sortedKeys(values);
	let json = '';
	let pairs = '';
	for (let i = 0; i < keys.length; i++) {
		const value = jsonSafe(values[keys[i]!]);
		if (value === undefined) continue;
		const name = names[i]!;
		const text = JSON.stringify(value);
		json += `${json === '' ? '' : ','}${name}:${text}`;
		pairs += `${pairs === '' ? '' : ','}[${name},${text}]`;
	}
	return { json: `{${json}}`, checksum: hash('sha256', `[${pairs}]`, 'hex') };
}

/**
 * The last row's keys, sorted, and sorted as JSON: the rows of a file share their keys, so they
 * are sorted and serialised once per run of rows with the same keys, not once per row.
 */
let lastKeys: string[] = [];
let lastSorted: { keys: string[]; names: string[] } = { keys: [], names: [] };

function sortedKeys(values: Record<string, CellValue>): { keys: string[]; names: string[] } {
	const keys = Object.keys(values);
	if (keys.length !== lastKeys.length || keys.some((key, i) => key !== lastKeys[i])) {
		const sorted = [...keys].sort();
		lastKeys = keys;
		lastSorted = { keys: sorted, names: sorted.map((key) => JSON.stringify(key)) };
	}
	return lastSorted;
}

type SourceRow = { rowNumber: number; values: Record<string, CellValue> };

/** What a batch is prepared with, besides its rows: the input without the file. */
type RowPreparationInput = Omit<PreparationInput, 'bytes'>;

/** The file read: its header mapping, counts, problems and the rows to prepare. */
interface ReadFile {
	mapping: HeaderMapping;
	rowCount: number;
	emptyRowCount: number;
	problems: RowProblem[];
	rows: SourceRow[];
}

async function readFile(input: PreparationInput): Promise<ReadFile> {
	const file = await readSourceRows(input.bytes, { format: 'auto', fileName: input.fileName, sheet: input.profile.format?.sheet });
	const mapping = applyMappingProfile(input.profile, file.headers);
	const rows = mapping.error ? [] : lastRowPerExternalId(file.rows, mapping);
	return { mapping, rowCount: file.rows.length, emptyRowCount: file.emptyRows.length, problems: file.problems, rows };
}

/**
 * Prepares batches of rows. The main thread builds its own for the rows a worker hands it: a row
 * comes out the same whichever thread prepares it (nothing is learned from row to row).
 */
function batchPreparer(input: RowPreparationInput, mapping: HeaderMapping): (rows: SourceRow[], done: number) => PreparedBatch {
	const resolvers = buildResolvers(input.agencies, input.regions);
	const stopWords = new Set(input.stopWords);
	const stopWordsKey = stopWordsKeyOf(stopWords);
	const pack = batchPacker();
	return (rows, done) => pack(rows, (row) => prepareRow(row, input, mapping, resolvers, stopWords, stopWordsKey), done);
}

/** The input without its file, once the file is read (a worker thread need not keep its copy). */
function withoutBytes({ bytes: _bytes, ...rest }: PreparationInput): RowPreparationInput {
	return rest;
}

/** The rows of the file cut into batches, each released as it is taken (the whole file need not stay in memory). */
function batchesOf(rows: SourceRow[], batchSize: number) {
	let start = 0;
	return {
		next(): { rows: SourceRow[]; done: number } | null {
			if (start >= rows.length) return null;
			const batch = rows.slice(start, start + batchSize);
			rows.fill(null as unknown as SourceRow, start, start + batchSize);
			start += batch.length;
			return { rows: batch, done: start };
		},
		clear() {
			rows.length = 0;
		}
	};
}

/** Reads the file and prepares its rows batch by batch on the calling thread. */
export async function prepareInProcess(input: PreparationInput): Promise<PreparedFile> {
	const file = await readFile(input);
	const prepare = batchPreparer(withoutBytes(input), file.mapping);
	const batches = batchesOf(file.rows, input.batchSize);
	return {
		thread: 'main',
		mapping: file.mapping,
		rowCount: file.rowCount,
		emptyRowCount: file.emptyRowCount,
		problems: file.problems,
		total: file.rows.length,
		async next() {
			const batch = batches.next();
			return batch && prepare(batch.rows, batch.done);
		},
		async close() {
			batches.clear();
		}
	};
}

/** A later row with the same external id replaces an earlier one (the export's newest word). */
function lastRowPerExternalId(rows: SourceRow[], mapping: HeaderMapping): SourceRow[] {
	const idHeader = mapping.columns.find((column) => column.field === 'externalId')?.header;
	const idOf = (row: SourceRow) => {
		const value = idHeader === undefined ? null : row.values[idHeader];
		return value === null || value === undefined ? '' : (value instanceof Date ? value.toISOString() : String(value)).trim();
	};
	const lastIndex = new Map<string, number>();
	rows.forEach((row, index) => {
		const id = idOf(row);
		if (id) lastIndex.set(id, index);
	});
	return rows.filter((row, index) => {
		const id = idOf(row);
		return !id || lastIndex.get(id) === index;
	});
}

export function prepareRow(
	row: SourceRow,
	input: Pick<PreparationInput, 'source' | 'profile'>,
	mapping: HeaderMapping,
	resolvers: NormaliseResolvers,
	stopWords: ReadonlySet<string>,
	stopWordsKey: string
): RejectedRow | UnpackedRow {
	const { fields } = mapRow(input.profile, row.values, mapping);
	const { json: rawText, checksum } = rawJson(row.values);
	const result = normaliseSourceRecord(input.source, fields, resolvers);
	if (!result.ok) return { ok: false, rowNumber: row.rowNumber, externalId: result.externalId, raw: rawValues(row.values), reasons: result.reasons };
	const { value } = result;
	const prepared = prepareRecord(
		{
			key: `${input.source}:${value.externalId}`,
			source: input.source,
			title: value.record.title,
			agencyId: value.record.agencyId,
			regionCode: value.record.regionCode,
			year: value.match.year,
			text: value.match.text
		},
		{ stopWords }
	);
	return {
		ok: true,
		row: {
			ok: true,
			rowNumber: row.rowNumber,
			externalId: value.externalId,
			record: value.record,
			learnedPanrbId: value.learnedPanrbId,
			checksum,
			keys: blockingKeys(prepared.record, prepared.narrative.figures, prepared.title),
			// Without its stop words (written out: an object rest pattern is slow). The text itself is
			// not needed any more: its folded copy serves the name look-ups.
			match: {
				record: { ...prepared.record, text: '' },
				title: prepared.title,
				mention: prepared.mention,
				foldedText: prepared.foldedText,
				narrative: prepared.narrative,
				hasText: prepared.hasText
			}
		},
		// The mapped fields are left out: they are the raw row's cells again, and the raw row is kept.
		storedJson: {
			raw: rawText,
			mapped: JSON.stringify(mappedDocument(value, checksum)),
			matchFeatures: JSON.stringify(matchFeaturesOf(prepared, stopWordsKey))
		}
	};
}

// ---------------------------------------------------------------------------------------------
// Worker thread

/** Files from this size are prepared in a worker thread (starting one costs a few hundred ms). */
export const WORKER_MIN_BYTES = 2 * 2 ** 20;
/** Batches the worker may prepare ahead of the main thread. */
const AHEAD = 1;

/**
 * After taking a prepared batch: `waited` when the main thread had to wait for it, which asks the
 * worker to hand over the rows of its next batch for the main thread to prepare itself (while the
 * worker prepares the one after), so that neither thread idles while the other works. A first
 * import (nothing to match against) needs that; later ones keep the main thread busy matching.
 */
export type WorkerRequest = { type: 'prepare'; data: WorkerData } | { type: 'more'; waited: boolean };
export type WorkerMessage =
	| { type: 'opened'; mapping: HeaderMapping; rowCount: number; emptyRowCount: number; problems: RowProblem[]; total: number }
	| { type: 'batch'; batch: PreparedBatch }
	| { type: 'rows'; rows: SourceRow[]; done: number }
	| { type: 'end' }
	| { type: 'error'; code: ErrorCode | null; message: string };
/** What the worker thread is sent for each file. */
export interface WorkerData {
	input: PreparationInput;
	/** Hand over every other batch whether or not the main thread waits (tests). */
	share: boolean;
}

/** The worker's module, or null when it is not there as source (the bundled server prepares in-process). */
function workerModule(): string | null {
	// Built from a variable so that bundlers leave it alone.
	const name = 'import-row-worker.ts';
	try {
		const file = fileURLToPath(new URL(name, import.meta.url));
		return existsSync(file) ? pathToFileURL(file).href : null;
	} catch {
		return null;
	}
}

/** tsx's ESM registration, which the worker loads before its TypeScript module. */
function tsxRegistration(): string | null {
	try {
		const require = createRequire(import.meta.url);
		const manifest = require.resolve('tsx/package.json');
		const entry = (require(manifest) as { exports: Record<string, { import?: { default?: string } }> }).exports['./esm/api']?.import?.default;
		return entry ? pathToFileURL(path.join(path.dirname(manifest), entry)).href : null;
	} catch {
		return null;
	}
}

/**
 * Prepares the file in a worker thread when it is large enough and the worker can be started,
 * else in-process. `worker` true or false decides instead (IMPORT_PREPARE_WORKER, tests).
 * `share`: the worker hands every other batch to the main thread (tests; by default only while
 * the main thread waits for batches).
 */
export async function openPreparedFile(input: PreparationInput, options: { worker?: boolean; share?: boolean } = {}): Promise<PreparedFile> {
	// A workbook takes ExcelJS many times its size in memory: unless asked to, it is read in-process.
	const large = input.bytes.byteLength >= WORKER_MIN_BYTES && detectFormat(input.bytes, input.fileName) !== 'xlsx';
	const wanted = options.worker ?? large;
	const module = wanted ? workerModule() : null;
	const registration = module ? tsxRegistration() : null;
	if (!module || !registration) return prepareInProcess(input);
	return prepareInWorker(input, module, registration, options.share ?? false);
}

/** A preparation worker and the heap limit it was started with. */
interface PreparationWorker {
	worker: Worker;
	heapMb: number;
}

/**
 * The worker of the last file served to its end, idle and unref'd (it holds no process open).
 * Starting a worker (tsx registration, then transforming and loading this module's graph) costs
 * ~0.6 s of wall and ~0.8 s of CPU while the main thread waits; files imported one after another
 * in one process (the benchmark, a CLI run of several files) start it once. A worker that failed
 * or was closed before its file's end is terminated, never reused; so is one left idle for
 * IDLE_WORKER_MS (a long-lived process does not keep its heap).
 */
let idle: (PreparationWorker & { expiry: NodeJS.Timeout }) | null = null;
const IDLE_WORKER_MS = 30_000;

/** The idle worker if its heap limit suffices, else a new one (the idle one terminated). */
function takeWorker(module: string, registration: string, heapMb: number): PreparationWorker {
	const kept = idle;
	idle = null;
	if (kept) {
		clearTimeout(kept.expiry);
		if (kept.heapMb >= heapMb) {
			kept.worker.ref();
			return { worker: kept.worker, heapMb: kept.heapMb };
		}
		void kept.worker.terminate();
	}
	const code =
		`import(${JSON.stringify(registration)}).then(({ register }) => { register({ tsconfig: false }); ` +
		`return import(${JSON.stringify(module)}); });`;
	const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
	// A file's own listeners report its errors; an idle worker's error ends it, and its exit frees the slot.
	worker.on('error', () => undefined);
	worker.on('exit', () => {
		if (idle?.worker !== worker) return;
		clearTimeout(idle.expiry);
		idle = null;
	});
	return { worker, heapMb };
}

/** Keeps a worker that served its file to the end for the next file (one at most: another is terminated). */
function releaseWorker(taken: PreparationWorker): void {
	if (idle) {
		void taken.worker.terminate();
		return;
	}
	taken.worker.unref();
	const expiry = setTimeout(() => void taken.worker.terminate(), IDLE_WORKER_MS);
	expiry.unref();
	idle = { ...taken, expiry };
}

function prepareInWorker(input: PreparationInput, module: string, registration: string, share: boolean): Promise<PreparedFile> {
	// The worker keeps the parsed file and a few batches; a tight heap makes it collect its garbage
	// early instead of growing the process by hundreds of megabytes (its live data is a few times
	// the file's size at most). A reused worker keeps the limit it was started with, if not lower.
	const fileMb = input.bytes.byteLength / 2 ** 20;
	const heapMb = Math.max(256, Math.ceil((detectFormat(input.bytes, input.fileName) === 'xlsx' ? 60 : 10) * fileMb));
	const taken = takeWorker(module, registration, heapMb);
	const worker = taken.worker;
	const messages: (WorkerMessage & { type: 'batch' | 'rows' })[] = [];
	/** Prepares the rows the worker hands over, on this thread (made on first use). */
	let prepareHere: ((rows: SourceRow[], done: number) => PreparedBatch) | null = null;
	let mapping: HeaderMapping | null = null;
	let ended = false;
	/** The worker has served the whole file (and may serve the next). */
	let served = false;
	let failure: Error | null = null;
	let waiting: (() => void) | null = null;
	const wake = () => {
		const resolve = waiting;
		waiting = null;
		resolve?.();
	};

	let onMessage: (message: WorkerMessage) => void;
	let onError: (error: Error) => void;
	let onExit: (code: number) => void;
	const opening = new Promise<PreparedFile>((resolveOpen, rejectOpen) => {
		let opened = false;
		const fail = (error: Error) => {
			failure ??= error;
			ended = true;
			if (!opened) {
				// The caller gets no file to close: the worker goes now.
				void close();
				rejectOpen(error);
			}
			wake();
		};
		onMessage = (message) => {
			if (message.type === 'opened') {
				opened = true;
				mapping = message.mapping;
				const { rowCount, emptyRowCount, problems, total } = message;
				resolveOpen({ thread: 'worker', mapping: message.mapping, rowCount, emptyRowCount, problems, total, next, close });
			} else if (message.type === 'batch' || message.type === 'rows') {
				messages.push(message);
				wake();
			} else if (message.type === 'end') {
				ended = true;
				served = true;
				wake();
			} else {
				fail(message.code ? new AppError(message.code, message.message) : new Error(message.message));
			}
		};
		onError = fail;
		onExit = (code) => {
			if (!ended) fail(new Error(`Proses penyiapan baris berhenti (kode ${code}).`));
		};
		worker.on('message', onMessage);
		worker.on('error', onError);
		worker.on('exit', onExit);
	});
	worker.postMessage({ type: 'prepare', data: { input, share } } satisfies WorkerRequest);
	return opening;

	async function next(): Promise<PreparedBatch | null> {
		let waited = false;
		for (;;) {
			const message = messages.shift();
			if (message?.type === 'rows') {
				prepareHere ??= batchPreparer(withoutBytes(input), mapping!);
				return prepareHere(message.rows, message.done);
			}
			if (message) {
				worker.postMessage({ type: 'more', waited } satisfies WorkerRequest);
				return message.batch;
			}
			if (failure) throw failure;
			if (ended) return null;
			waited = true;
			await new Promise<void>((resolve) => (waiting = resolve));
		}
	}

	async function close(): Promise<void> {
		ended = true;
		messages.length = 0;
		worker.off('message', onMessage);
		worker.off('error', onError);
		worker.off('exit', onExit);
		if (served && !failure) releaseWorker(taken);
		else await worker.terminate();
	}
}

interface WorkerPort {
	postMessage(message: WorkerMessage, transfer?: ArrayBuffer[]): void;
	on(event: 'message', listener: (message: WorkerRequest) => void): void;
}

/**
 * The worker's side: reads, then prepares up to AHEAD batches more than the main thread took. When
 * the main thread had to wait, the rows of the next batch go to it unprepared (never two in a row),
 * and this thread prepares the one after meanwhile.
 */
export async function serveWorker(port: WorkerPort, data: WorkerData): Promise<void> {
	let file: ReadFile;
	try {
		file = await readFile(data.input);
	} catch (error) {
		port.postMessage(errorMessage(error));
		return;
	}
	// The rows are parsed: this thread's copy of the file can go.
	const input = withoutBytes(data.input);
	data.input = { ...input, bytes: new Uint8Array(0) };
	const { mapping, rowCount, emptyRowCount, problems, rows } = file;
	port.postMessage({ type: 'opened', mapping, rowCount, emptyRowCount, problems, total: rows.length });
	if (mapping.error) return;
	const prepare = batchPreparer(input, mapping);
	const batches = batchesOf(rows, input.batchSize);
	let credit = AHEAD;
	let handOver = data.share;
	let handedLast = false;
	let producing = false;
	const produce = async () => {
		if (producing) return;
		producing = true;
		try {
			while (credit > 0) {
				const batch = batches.next();
				if (!batch) {
					port.postMessage({ type: 'end' });
					credit = -Infinity;
					return;
				}
				if (handOver && !handedLast) {
					// Handed over without taking credit: the main thread asks for nothing after it.
					port.postMessage({ type: 'rows', rows: batch.rows, done: batch.done });
					handedLast = true;
					handOver = data.share;
					continue;
				}
				credit--;
				handedLast = false;
				const prepared = prepare(batch.rows, batch.done);
				port.postMessage({ type: 'batch', batch: prepared }, [prepared.bytes]);
			}
		} catch (error) {
			port.postMessage(errorMessage(error));
			credit = -Infinity;
		} finally {
			producing = false;
		}
	};
	port.on('message', (message) => {
		if (message.type === 'more') {
			credit++;
			handOver ||= message.waited;
			void produce();
		}
	});
	await produce();
}

function errorMessage(error: unknown): WorkerMessage {
	return { type: 'error', code: error instanceof AppError ? error.code : null, message: error instanceof Error ? error.message : String(error) };
}
