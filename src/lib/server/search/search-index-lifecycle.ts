import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { SearchIndex, type SearchDocument } from '../domain/search/search-index';
import { SynonymTable } from '../domain/search/synonyms';
import { TextStore } from '../domain/search/text-store';
import * as searchRepository from '../repositories/search-repository';
import type { SearchDocumentRow } from '../repositories/search-repository';
import { listSynonyms, synonymsVersion } from '../repositories/search-synonym-repository';
import { storeSearchCard, type SearchCardRow } from '../presenters/search-hit-presenter';
import { onReadCachesCleared } from '../read-cache';
import { warmUpSearch } from './warm-up-search';

/**
 * One in-process search index per database handle (decision 007): built from the database on
 * first use (streamed in pages), then kept in sync by polling what changed since the last look
 * — innovations by their change number (0009), new awards and source records by id, synonyms by
 * a fingerprint. Writes through this process mark it stale so the next search syncs first;
 * writes by other processes (CLI imports) show within SYNC_INTERVAL_MS.
 */
const PAGE = 2000;
/** Rows indexed between yields to the event loop while the index is built. */
const BUILD_SLICE = 250;
const SYNC_INTERVAL_MS = 3000;
/** When this many documents were re-indexed since the build, rebuild in the background. */
const REBUILD_AFTER = 50_000;

/**
 * What a result list shows of an innovation (its catalogue card), kept beside the index so that
 * a search answers without a query for its page of rows: on PGlite those 20 random reads cost
 * more than the search itself and block the one thread. In sync with the index (same rows).
 */
export type SearchCard = Pick<
	SearchDocumentRow,
	| 'id'
	| 'title'
	| 'acronym'
	| 'summary'
	| 'year_started'
	| 'stage'
	| 'main_affair'
	| 'sdgs'
	| 'is_digital'
	| 'agency_id'
	| 'agency_name'
	| 'agency_kind'
	| 'region_code'
	| 'region_name'
	| 'award_summary'
	| 'created_at'
	| 'updated_at'
	| 'replication_count'
>;

/**
 * Cards are kept as text in a TextStore (bytes outside the JavaScript heap): 250,000 objects
 * of twenty fields each made every full collection mark millions of objects (seconds of pauses
 * under load), and 250,000 strings still ~130 ms of each. The text holds the hit's JSON parts
 * that do not depend on the search (storeSearchCard); a search reads its twenty.
 */
function toStoredCard(row: SearchDocumentRow): string {
	// The repository types codes (stage, agency kind) as text; the columns are the presenter's.
	return storeSearchCard(toSearchCard(row) as SearchCard & SearchCardRow);
}

function toSearchCard(row: SearchDocumentRow): SearchCard {
	return {
		id: row.id,
		title: row.title,
		acronym: row.acronym,
		summary: row.summary,
		year_started: row.year_started,
		stage: row.stage,
		main_affair: row.main_affair,
		sdgs: row.sdgs,
		is_digital: row.is_digital,
		agency_id: row.agency_id,
		agency_name: row.agency_name,
		agency_kind: row.agency_kind,
		region_code: row.region_code,
		region_name: row.region_name,
		award_summary: row.award_summary,
		created_at: row.created_at,
		updated_at: row.updated_at,
		replication_count: row.replication_count
	};
}

/** The stored cards by innovation id (text; see readSearchCard). */
export type StoredCards = Pick<TextStore, 'get'>;

interface Entry {
	index: SearchIndex;
	cards: TextStore;
	ready: Promise<void>;
	seq: string;
	awardId: number;
	recordId: number;
	synonyms: string;
	lastSync: number;
	stale: boolean;
	syncing: Promise<void> | null;
	rebuilding: boolean;
	version: number;
}

/**
 * Shared through globalThis: `jippnas serve` warms the index from the source modules (tsx) while
 * requests run in the built server bundle, a second copy of this module. A module-local map
 * would make the first search build a second index (tens of seconds and twice the memory).
 */
const ENTRIES = Symbol.for('jippnas.searchIndexes');
const entries: WeakMap<object, Entry> = ((globalThis as Record<symbol, unknown>)[ENTRIES] ??= new WeakMap<object, Entry>()) as WeakMap<
	object,
	Entry
>;

// Writes through this process clear the read caches: the index syncs before the next search.
onReadCachesCleared((db) => markSearchIndexStale(db));

export function toSearchDocument(row: SearchDocumentRow): SearchDocument {
	return {
		id: row.id,
		title: row.title,
		acronym: row.acronym,
		summary: row.summary,
		rest: [
			row.problem,
			row.aims,
			row.novelty,
			row.implementation,
			row.results,
			row.transferability,
			row.resources,
			row.sustainability_strategy,
			row.theme ?? '',
			row.initiator_name ?? '',
			row.agency_name,
			row.agency_abbreviation ?? '',
			row.service_unit_name ?? '',
			row.region_name ?? '',
			row.province_name ?? ''
		],
		provinceCode: row.province_code,
		regionCode: row.region_code,
		regionName: row.region_name,
		provinceName: row.province_name,
		agencyId: row.agency_id,
		agencyKind: row.agency_kind,
		affair: row.main_affair,
		sdgs: row.sdgs,
		stage: row.stage,
		sources: row.sources,
		year: row.year_started,
		awards: row.awards,
		digital: row.is_digital,
		replicationCount: row.replication_count,
		sustained: row.sustainability_status === 'berlanjut' || row.sustainability_status === 'berlanjut_dengan_pengembangan',
		createdAt: new Date(row.created_at).getTime()
	};
}

async function build(db: Kysely<DB>, onProgress?: (done: number) => void): Promise<Omit<Entry, 'ready' | 'syncing' | 'rebuilding' | 'version' | 'stale'>> {
	// Watermarks first: a change made while building is picked up by the first sync.
	const marks = await searchRepository.readSearchWatermarks(db);
	const synonyms = await synonymsVersion(db);
	const index = new SearchIndex();
	const cards = new TextStore();
	index.synonyms = new SynonymTable(await listSynonyms(db));
	let after: string | null = null;
	let done = 0;
	for (;;) {
		const rows = await searchRepository.listSearchDocuments(db, after, PAGE);
		for (let i = 0; i < rows.length; i++) {
			// A page of rows is ~0.5 s of work at 250,000 innovations: the process serves other
			// pages meanwhile (only searches wait for the index).
			if (i > 0 && i % BUILD_SLICE === 0) await setImmediate();
			const row = rows[i]!;
			index.upsert(toSearchDocument(row));
			cards.set(row.id, toStoredCard(row));
		}
		done += rows.length;
		onProgress?.(done);
		if (rows.length < PAGE) break;
		after = rows.at(-1)!.id;
	}
	// Sealed in steps, serving other requests in between (nothing searches this index yet).
	const steps = index.sealInSteps();
	while (!steps.next().done) await setImmediate();
	return { index, cards, seq: marks.seq, awardId: marks.awardId, recordId: marks.recordId, synonyms, lastSync: Date.now() };
}

let warmedUp = false;

function entryFor(db: Kysely<DB>): Entry {
	let entry = entries.get(db);
	if (!entry) {
		const created: Entry = {
			index: new SearchIndex(),
			cards: new TextStore(),
			ready: Promise.resolve(),
			seq: '0',
			awardId: 0,
			recordId: 0,
			synonyms: '',
			lastSync: 0,
			stale: false,
			syncing: null,
			rebuilding: false,
			version: 0
		};
		created.ready = build(db).then(async (built) => {
			// Once per process: an index built later (another database's) finds the code optimised.
			if (!warmedUp) warmedUp = await warmUpSearch(built.index, built.cards);
			Object.assign(created, built);
			created.version++;
		});
		created.ready.catch(() => entries.delete(db));
		entries.set(db, created);
		entry = created;
	}
	return entry;
}

/** Starts building the index of this database now (at server start) instead of on first search. */
export function warmSearchIndex(db: Kysely<DB>): Promise<void> {
	return entryFor(db).ready;
}

/**
 * The index of this database, built and synced: polls the database for changes when the last
 * look is older than SYNC_INTERVAL_MS or a write in this process marked it stale.
 */
export async function getSearchIndex(db: Kysely<DB>): Promise<{ index: SearchIndex; version: number; cards: StoredCards }> {
	const entry = entryFor(db);
	await entry.ready;
	if (entry.stale || Date.now() - entry.lastSync >= SYNC_INTERVAL_MS) await syncSearchIndex(db);
	return { index: entry.index, version: entry.version, cards: entry.cards };
}

/** A write in this process changed innovations or synonyms: the next search syncs first. */
export function markSearchIndexStale(db: object): void {
	const entry = entries.get(db);
	if (entry) entry.stale = true;
}

/** Forgets the index of this database (tests, closing a handle). */
export function dropSearchIndex(db: object): void {
	entries.delete(db);
}

/** One changed row into the index and the cards; true when the index changed. */
function apply(entry: Entry, row: SearchDocumentRow): boolean {
	if (row.deleted_at) {
		entry.cards.delete(row.id);
		return entry.index.remove(row.id);
	}
	entry.index.upsert(toSearchDocument(row));
	entry.cards.set(row.id, toStoredCard(row));
	return true;
}

/** Applies what changed in the database since the last sync; concurrent callers share one sync. */
export async function syncSearchIndex(db: Kysely<DB>): Promise<void> {
	const entry = entryFor(db);
	await entry.ready;
	if (entry.syncing) return entry.syncing;
	entry.stale = false;
	entry.syncing = (async () => {
		// Most looks find nothing new: three indexed maxima and the synonyms' version say so in
		// two small queries, instead of the three joined reads below (on PGlite, which runs on the
		// server's one thread, those took 40-60 ms every few seconds at 100,000 innovations).
		const [marks, synonyms] = await Promise.all([searchRepository.readSearchWatermarks(db), synonymsVersion(db)]);
		if (marks.seq === entry.seq && marks.awardId === entry.awardId && marks.recordId === entry.recordId && synonyms === entry.synonyms) {
			entry.lastSync = Date.now();
			return;
		}
		let changed = false;
		for (;;) {
			const rows = await searchRepository.listSearchDocumentsChangedSince(db, entry.seq, PAGE);
			for (const row of rows) changed = apply(entry, row) || changed;
			if (rows.length > 0) entry.seq = rows.at(-1)!.search_seq;
			if (rows.length < PAGE) break;
		}
		const links = await searchRepository.listInnovationsWithNewLinks(db, entry.awardId, entry.recordId);
		entry.awardId = links.awardId;
		entry.recordId = links.recordId;
		if (links.ids.length > 0) {
			for (const row of await searchRepository.listSearchDocumentsByIds(db, links.ids)) apply(entry, row);
			changed = true;
		}
		if (synonyms !== entry.synonyms) {
			entry.index.synonyms = new SynonymTable(await listSynonyms(db));
			entry.synonyms = synonyms;
			changed = true;
		}
		entry.lastSync = Date.now();
		if (changed) entry.version++;
		if (entry.index.deltaDocuments > REBUILD_AFTER && !entry.rebuilding) {
			entry.rebuilding = true;
			void build(db)
				.then((built) => {
					Object.assign(entry, built);
					entry.version++;
				})
				.catch(() => undefined)
				.finally(() => (entry.rebuilding = false));
		}
	})().finally(() => {
		entry.syncing = null;
	});
	return entry.syncing;
}
