import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

export async function countLiveInnovations(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('innovations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('deleted_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Source records per source, and the canonical innovations each source contributes to. */
export function countBySource(db: Kysely<DB>) {
	return db
		.selectFrom('source_records as sr')
		.innerJoin('innovations as i', 'i.id', 'sr.innovation_id')
		.select([
			'sr.source',
			(eb) => eb.fn.countAll<number>().as('records'),
			sql<number>`count(distinct sr.innovation_id)`.as('innovations'),
			sql<Date | null>`max(sr.imported_at)`.as('last_imported_at')
		])
		.where('i.deleted_at', 'is', null)
		.groupBy('sr.source')
		.orderBy('sr.source')
		.execute();
}

export function countByStage(db: Kysely<DB>) {
	return db
		.selectFrom('innovations')
		.select(['stage', (eb) => eb.fn.countAll<number>().as('n')])
		.where('deleted_at', 'is', null)
		.groupBy('stage')
		.execute();
}

/** Innovations per province: regional ones by their region's province; central ones apart. */
export function countByProvince(db: Kysely<DB>) {
	return db
		.selectFrom('regions as p')
		.leftJoin(
			(eb) =>
				eb
					.selectFrom('innovations')
					.select(['province_code', (e) => e.fn.countAll<number>().as('n')])
					.where('deleted_at', 'is', null)
					.where('province_code', 'is not', null)
					.groupBy('province_code')
					.as('c'),
			(join) => join.onRef('c.province_code', '=', 'p.code')
		)
		.select(['p.code', 'p.name', sql<number>`coalesce(c.n, 0)`.as('n')])
		.where('p.level', '=', 'provinsi')
		.orderBy('p.code')
		.execute();
}

export async function countCentralInnovations(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('innovations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('deleted_at', 'is', null)
		.where('region_code', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export function countByAffair(db: Kysely<DB>) {
	return db
		.selectFrom('innovations')
		.select(['main_affair', (eb) => eb.fn.countAll<number>().as('n')])
		.where('deleted_at', 'is', null)
		.groupBy('main_affair')
		.orderBy('n', 'desc')
		.execute();
}

export function countByYear(db: Kysely<DB>) {
	return db
		.selectFrom('innovations')
		.select(['year_started', (eb) => eb.fn.countAll<number>().as('n')])
		.where('deleted_at', 'is', null)
		.where('year_started', 'is not', null)
		.groupBy('year_started')
		.orderBy('year_started')
		.execute();
}

export function countAwardsByProgramme(db: Kysely<DB>) {
	return db
		.selectFrom('awards as aw')
		.innerJoin('innovations as i', 'i.id', 'aw.innovation_id')
		.select(['aw.programme', (eb) => eb.fn.countAll<number>().as('n')])
		.where('i.deleted_at', 'is', null)
		.groupBy('aw.programme')
		.orderBy('aw.programme')
		.execute();
}

export async function countTable(db: Kysely<DB>, table: 'agencies' | 'hubs' | 'regions'): Promise<number> {
	const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function countHubsByKind(db: Kysely<DB>) {
	return db.selectFrom('hubs').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').execute();
}

export async function countAgenciesWithInnovations(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('innovations')
		.select(sql<number>`count(distinct agency_id)`.as('n'))
		.where('deleted_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The newest import run of each source, whatever its outcome. */
export function latestImportRunPerSource(db: Kysely<DB>) {
	return db
		.selectFrom('import_runs')
		.distinctOn('source')
		.select(['source', 'status', 'file_name', 'counts', 'started_at', 'finished_at'])
		.orderBy('source')
		.orderBy('started_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

/** Replications per state (issue 5). */
export function countReplicationsByState(db: Kysely<DB>) {
	return db
		.selectFrom('replications')
		.select(['state', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('state')
		.execute();
}

/** Innovations with a completed replication, and the agencies that completed one. */
export async function countCompletedReplications(db: Kysely<DB>): Promise<{ innovations: number; agencies: number }> {
	const row = await db
		.selectFrom('replications')
		.select([
			sql<number>`count(distinct innovation_id)`.as('innovations'),
			sql<number>`count(distinct replicator_agency_id)`.as('agencies')
		])
		.where('state', '=', 'selesai')
		.executeTakeFirstOrThrow();
	return { innovations: Number(row.innovations), agencies: Number(row.agencies) };
}
