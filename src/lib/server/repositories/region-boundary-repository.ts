import { sql, type Kysely } from 'kysely';
import type { BoundaryLevel, DB, GeoJsonPolygonal } from '../db/schema';

/** region_boundaries and region_centroids (0012): what the server-drawn maps are made of. */
export interface NewRegionBoundary {
	code: string;
	level: BoundaryLevel;
	name: string;
	geometry: GeoJsonPolygonal;
	source: string;
}

export interface NewRegionCentroid {
	code: string;
	name: string;
	latitude: number;
	longitude: number;
	source: string;
}

export interface UpsertCounts {
	inserted: number;
	updated: number;
	unchanged: number;
}

/**
 * Runs `upsert` on batches of `size` rows and counts its answer: one row per inserted or
 * updated row, `inserted` true for a new one (xmax = 0); rows not returned were unchanged.
 */
async function upsertInBatches<T>(
	rows: T[],
	size: number,
	upsert: (batch: T[]) => Promise<{ rows: Array<{ inserted: boolean }> }>
): Promise<UpsertCounts> {
	const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
	for (let i = 0; i < rows.length; i += size) {
		const batch = rows.slice(i, i + size);
		const result = await upsert(batch);
		for (const row of result.rows) {
			if (row.inserted) counts.inserted++;
			else counts.updated++;
		}
		counts.unchanged += batch.length - result.rows.length;
	}
	return counts;
}

/** Adds new outlines and replaces changed ones; identical rows are left alone (loading twice changes nothing). */
export function upsertRegionBoundaries(db: Kysely<DB>, rows: NewRegionBoundary[]): Promise<UpsertCounts> {
	return upsertInBatches(rows, 100, (batch) =>
		sql<{ inserted: boolean }>`
			insert into region_boundaries (code, level, name, geometry, source)
			select v.code, v.level, v.name, v.geometry, v.source
			from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
				as v(code text, level text, name text, geometry jsonb, source text)
			on conflict (code) do update
				set level = excluded.level, name = excluded.name, geometry = excluded.geometry,
					source = excluded.source, loaded_at = now()
				where region_boundaries.geometry is distinct from excluded.geometry
					or region_boundaries.name is distinct from excluded.name
					or region_boundaries.level is distinct from excluded.level
			returning (xmax = 0) as inserted`.execute(db)
	);
}

export function upsertRegionCentroids(db: Kysely<DB>, rows: NewRegionCentroid[]): Promise<UpsertCounts> {
	return upsertInBatches(rows, 500, (batch) =>
		sql<{ inserted: boolean }>`
			insert into region_centroids (code, name, latitude, longitude, source)
			select v.code, v.name, v.latitude, v.longitude, v.source
			from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
				as v(code text, name text, latitude double precision, longitude double precision, source text)
			on conflict (code) do update
				set name = excluded.name, latitude = excluded.latitude, longitude = excluded.longitude,
					source = excluded.source, loaded_at = now()
				where region_centroids.latitude is distinct from excluded.latitude
					or region_centroids.longitude is distinct from excluded.longitude
					or region_centroids.name is distinct from excluded.name
			returning (xmax = 0) as inserted`.execute(db)
	);
}

export async function countRegionBoundaries(db: Kysely<DB>): Promise<number> {
	const row = await db.selectFrom('region_boundaries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Changes whenever outlines of the level are loaded or replaced (count and latest load time). */
export async function boundaryStamp(db: Kysely<DB>, level: BoundaryLevel): Promise<string> {
	const row = await db
		.selectFrom('region_boundaries')
		.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('loaded_at').as('latest')])
		.where('level', '=', level)
		.executeTakeFirstOrThrow();
	return `${Number(row.n)}:${row.latest ? new Date(row.latest).toISOString() : ''}`;
}

export async function listRegionBoundaries(db: Kysely<DB>, level: BoundaryLevel) {
	return db.selectFrom('region_boundaries').select(['code', 'name', 'geometry']).where('level', '=', level).orderBy('code').execute();
}

/**
 * Centroids of the given region codes: the loaded centroids first, else the latitude and
 * longitude of the region indicators (load-indicators), else nothing.
 */
export async function findRegionCentroids(db: Kysely<DB>, codes: string[]): Promise<Map<string, { lat: number; lng: number }>> {
	const found = new Map<string, { lat: number; lng: number }>();
	const unique = [...new Set(codes)];
	if (!unique.length) return found;
	const loaded = await db.selectFrom('region_centroids').select(['code', 'latitude', 'longitude']).where('code', 'in', unique).execute();
	for (const row of loaded) found.set(row.code, { lat: Number(row.latitude), lng: Number(row.longitude) });
	const missing = unique.filter((code) => !found.has(code));
	if (missing.length) {
		const indicators = await db
			.selectFrom('region_characteristics')
			.select(['region_code', 'latitude', 'longitude'])
			.where('region_code', 'in', missing)
			.where('latitude', 'is not', null)
			.where('longitude', 'is not', null)
			.execute();
		for (const row of indicators) found.set(row.region_code, { lat: Number(row.latitude), lng: Number(row.longitude) });
	}
	return found;
}

/** The region of each agency (null for central agencies). */
export async function findAgencyRegions(db: Kysely<DB>, agencyIds: string[]): Promise<Map<string, string | null>> {
	const unique = [...new Set(agencyIds)];
	if (!unique.length) return new Map();
	const rows = await db.selectFrom('agencies').select(['id', 'region_code']).where('id', 'in', unique).execute();
	return new Map(rows.map((row) => [row.id, row.region_code]));
}
