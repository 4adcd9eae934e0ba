import type { InboxScope } from '../domain/replication/inboxes';
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB, ReplicationPart, ReplicationState, ReplicationsTable } from '../db/schema';
import { OPEN_STATES } from '../domain/replication/document-kinds';
import { agreementNumberSuffix, certificateNumberSuffix } from '../domain/replication/replication-numbers';

/**
 * replications (0011) and their timeline (replication_events) and monitoring reports
 * (replication_reports); documents are written by replication-document-repository, messages by
 * replication-message-repository. Includes the counts the workflow's guards need.
 */
export type ReplicationRow = Selectable<ReplicationsTable>;
export type ReplicationUpdate = Updateable<ReplicationsTable>;

export async function insertReplication(db: Kysely<DB>, row: Insertable<ReplicationsTable>): Promise<ReplicationRow> {
	return db.insertInto('replications').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findReplicationRow(db: Kysely<DB>, id: string) {
	return db.selectFrom('replications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row, locked until the transaction ends: every step reads, decides and writes under it. */
export function lockReplication(db: Kysely<DB>, id: string) {
	return db.selectFrom('replications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Writes a step when the stored version is still `expectedVersion`, bumping it; returns the row
 * after, or undefined when someone else wrote first.
 */
export function updateReplicationIfVersion(db: Kysely<DB>, id: string, expectedVersion: number, changes: ReplicationUpdate) {
	return db
		.updateTable('replications')
		.set({ ...changes, version: sql`version + 1` as never, updated_at: sql`now()` as never })
		.where('id', '=', id)
		.where('version', '=', expectedVersion)
		.returningAll()
		.executeTakeFirst();
}

/** An open (not closed) replication of the innovation by the agency, if any. */
export function findOpenReplication(db: Kysely<DB>, innovationId: string, replicatorAgencyId: string) {
	return db
		.selectFrom('replications')
		.select(['id', 'state'])
		.where('innovation_id', '=', innovationId)
		.where('replicator_agency_id', '=', replicatorAgencyId)
		.where('state', 'not in', ['selesai', 'ditolak', 'dihentikan', 'dibatalkan'])
		.executeTakeFirst();
}

/** The hub an agency is a spoke of (one at most), or null. */
export async function findHubOfAgency(db: Kysely<DB>, agencyId: string): Promise<string | null> {
	const row = await db.selectFrom('hub_members').select('hub_id').where('agency_id', '=', agencyId).executeTakeFirst();
	return row?.hub_id ?? null;
}


/** Documents that are not removed, counted by kind (the guards: signed agreement, commitment letter). */
export async function countLiveDocumentsByKind(db: Kysely<DB>, replicationId: string): Promise<Record<string, number>> {
	const rows = await db
		.selectFrom('replication_documents')
		.select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
		.where('replication_id', '=', replicationId)
		.where('removed_at', 'is', null)
		.groupBy('kind')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

export async function countReports(db: Kysely<DB>, replicationId: string): Promise<number> {
	const row = await db
		.selectFrom('replication_reports')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('replication_id', '=', replicationId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export interface NewReplicationEvent {
	replicationId: string;
	kind: string;
	fromState: ReplicationState | null;
	toState: ReplicationState | null;
	actor: string;
	actorPart: ReplicationPart;
	note?: string | null;
	payload?: Record<string, unknown>;
}

export async function insertReplicationEvent(db: Kysely<DB>, event: NewReplicationEvent): Promise<number> {
	const row = await db
		.insertInto('replication_events')
		.values({
			replication_id: event.replicationId,
			kind: event.kind,
			from_state: event.fromState,
			to_state: event.toState,
			actor: event.actor,
			actor_part: event.actorPart,
			note: event.note ?? null,
			payload: JSON.stringify(event.payload ?? {})
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

/** The timeline, oldest first, with the actor's name (null for 'system' or an unknown id). */
export function listReplicationEvents(db: Kysely<DB>, replicationId: string) {
	return db
		.selectFrom('replication_events as e')
		.leftJoin('users as u', 'u.id', 'e.actor')
		.select(['e.id', 'e.kind', 'e.from_state', 'e.to_state', 'e.actor', 'e.actor_part', 'e.note', 'e.payload', 'e.created_at', 'u.name as actor_name'])
		.where('e.replication_id', '=', replicationId)
		.orderBy('e.id')
		.execute();
}

export async function insertReplicationReport(
	db: Kysely<DB>,
	report: { replicationId: string; periodStart: string; periodEnd: string; outcomes: string; lessons: string; filedBy: string }
): Promise<number> {
	const row = await db
		.insertInto('replication_reports')
		.values({
			replication_id: report.replicationId,
			period_start: report.periodStart,
			period_end: report.periodEnd,
			outcomes: report.outcomes,
			lessons: report.lessons,
			filed_by: report.filedBy
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

/** Monitoring reports, oldest period first, with the filer's name. */
export function listReplicationReports(db: Kysely<DB>, replicationId: string) {
	return db
		.selectFrom('replication_reports as r')
		.leftJoin('users as u', 'u.id', 'r.filed_by')
		.select(['r.id', 'r.period_start', 'r.period_end', 'r.outcomes', 'r.lessons', 'r.filed_by', 'r.filed_at', 'u.name as filed_by_name'])
		.where('r.replication_id', '=', replicationId)
		.orderBy('r.period_end')
		.orderBy('r.id')
		.execute();
}

/**
 * The next number of the year for agreements or certificates: 1 + how many of that year exist.
 * A transaction-scoped advisory lock serialises numbering, so two steps at once never draw the
 * same number (the unique constraints stay as the last word).
 */
export async function nextYearlySequence(db: Kysely<DB>, series: 'agreement' | 'certificate', year: number): Promise<number> {
	await sql`select pg_advisory_xact_lock(hashtext(${`replication-${series}-number`}))`.execute(db);
	const column = series === 'agreement' ? 'agreement_number' : 'certificate_number';
	const suffix = series === 'agreement' ? agreementNumberSuffix(year) : certificateNumberSuffix(year);
	const row = await db
		.selectFrom('replications')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where(column, 'like', `%${suffix}`)
		.executeTakeFirstOrThrow();
	return Number(row.n) + 1;
}

/**
 * innovations.replication_count = its completed replications. Not an edit of the innovation: the
 * version stays (open edit forms remain valid); the update trigger moves search_seq, so the search
 * index picks the new count up.
 */
export async function recomputeReplicationCount(db: Kysely<DB>, innovationId: string): Promise<number> {
	const row = await db
		.updateTable('innovations')
		.set({
			replication_count: sql<number>`(select count(*) from replications r where r.innovation_id = ${innovationId} and r.state = 'selesai')`
		})
		.where('id', '=', innovationId)
		.returning('replication_count')
		.executeTakeFirstOrThrow();
	return row.replication_count;
}

/** Every query on replications starts here: `r` is the replication. */
export const fromReplications = (db: Kysely<DB>) => db.selectFrom('replications as r');

/**
 * The names every listing and page shows beside a replication: the innovation (`i`), the
 * originator (`o`), the replicator (`p`) and the hub (`h`, when there is one).
 */
export function withReplicationNames(query: ReturnType<typeof fromReplications>) {
	return query
		.innerJoin('innovations as i', 'i.id', 'r.innovation_id')
		.innerJoin('agencies as o', 'o.id', 'r.originator_agency_id')
		.innerJoin('agencies as p', 'p.id', 'r.replicator_agency_id')
		.leftJoin('hubs as h', 'h.id', 'r.hub_id');
}

/** A replication's row in a listing (inboxes, the catalogue): facts and names. */
export const REPLICATION_LIST_COLUMNS = [
	'r.id',
	'r.innovation_id',
	'i.title as innovation_title',
	'r.originator_agency_id',
	'o.name as originator_name',
	'r.replicator_agency_id',
	'p.name as replicator_name',
	'r.hub_id',
	'h.name as hub_name',
	'r.kind',
	'r.state',
	'r.next_report_due_on',
	'r.created_at',
	'r.updated_at',
	'r.version'
] as const;

/** The innovation, its agency and the agencies' and hub's names, for the detail page. */
export function findReplicationDetail(db: Kysely<DB>, id: string) {
	return withReplicationNames(fromReplications(db))
		.leftJoin('users as vb', 'vb.id', 'r.verified_by')
		.leftJoin('users as ab', 'ab.id', 'r.accepted_by')
		.leftJoin('users as co', 'co.id', 'r.agreement_confirmed_by_originator')
		.leftJoin('users as cr', 'cr.id', 'r.agreement_confirmed_by_replicator')
		.leftJoin('users as cb', 'cb.id', 'r.created_by')
		.selectAll('r')
		.select([
			'i.title as innovation_title',
			'i.deleted_at as innovation_deleted_at',
			'o.name as originator_name',
			'o.region_code as originator_region_code',
			'p.name as replicator_name',
			'p.region_code as replicator_region_code',
			'h.name as hub_name',
			'vb.name as verified_by_name',
			'ab.name as accepted_by_name',
			'co.name as confirmed_by_originator_name',
			'cr.name as confirmed_by_replicator_name',
			'cb.name as created_by_name'
		])
		.where('r.id', '=', id)
		.executeTakeFirst();
}

export type ReplicationDetailRow = NonNullable<Awaited<ReturnType<typeof findReplicationDetail>>>;

export type InboxStateFilter = ReplicationState | 'berjalan' | undefined;

/** Which replications an inbox holds: by the originator, the replicator, the hub, or every one. */
function inboxQuery(db: Kysely<DB>, scope: InboxScope, state: InboxStateFilter) {
	let query = fromReplications(db);
	if (scope.box === 'received') query = query.where('r.originator_agency_id', '=', scope.agencyId);
	if (scope.box === 'made') query = query.where('r.replicator_agency_id', '=', scope.agencyId);
	if (scope.box === 'hub') query = query.where('r.hub_id', '=', scope.hubId);
	if (state === 'berjalan') query = query.where('r.state', 'in', OPEN_STATES);
	else if (state) query = query.where('r.state', '=', state);
	return query;
}

/** One page of an inbox, the most recent activity first. */
export function listInbox(db: Kysely<DB>, scope: InboxScope, state: InboxStateFilter, page: { limit: number; offset: number }) {
	return withReplicationNames(inboxQuery(db, scope, state))
		.select(REPLICATION_LIST_COLUMNS)
		.orderBy('r.updated_at', 'desc')
		.orderBy('r.id', 'desc')
		.limit(page.limit)
		.offset(page.offset)
		.execute();
}

export async function countInbox(db: Kysely<DB>, scope: InboxScope, state: InboxStateFilter): Promise<number> {
	const row = await inboxQuery(db, scope, state)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Every replication and the open ones in an inbox (the tab labels). */
export async function countInboxTotals(db: Kysely<DB>, scope: InboxScope): Promise<{ total: number; open: number }> {
	const row = await inboxQuery(db, scope, undefined)
		.select((eb) => [
			eb.fn.countAll<number>().as('total'),
			sql<number>`count(*) filter (where r.state in ('minat', 'diverifikasi', 'kesepakatan', 'persiapan', 'implementasi', 'pemantauan'))`.as('open')
		])
		.executeTakeFirstOrThrow();
	return { total: Number(row.total), open: Number(row.open) };
}
