/**
 * The SVG map of replicating agencies (the innovation page's "Direplikasi oleh"): each agency at
 * its region's centroid over the province outlines loaded by `jippnas load-boundaries`. Without
 * outlines the dots are still drawn, on a blank frame. The caller decides which replications
 * the reader may see; this only draws them.
 */
import type { Kysely } from 'kysely';
import type { DB, ReplicationState } from '../db/schema';
import { basemapSvg } from '../domain/maps/indonesia-map';
import { renderReplicationMapSvg, type ReplicationMapPoint } from '../domain/maps/replication-map';
import { boundaryStamp, findAgencyRegions, findRegionCentroids, listRegionBoundaries } from '../repositories/region-boundary-repository';

export interface ReplicationMapEntry {
	/** The replicating agency: its name, and its id or region (looked up from the id when absent). */
	agencyName: string;
	agencyId?: string;
	regionCode?: string | null;
	state: ReplicationState;
	/** More words for the dot's tooltip, e.g. "Replikasi penuh". */
	detail?: string | null;
	/** A position already known (e.g. from listReplicatingAgencies), used when no centroid is loaded. */
	point?: { lat: number; lng: number } | null;
}

// Central ministries and agencies have no region: their seat is in Jakarta.
const CAPITAL_REGION = '31';

export async function renderReplicationMap(db: Kysely<DB>, entries: ReplicationMapEntry[], options: { title?: string } = {}): Promise<string> {
	const lookUp = entries.filter((e) => e.regionCode === undefined && e.agencyId).map((e) => e.agencyId!);
	const agencyRegions = await findAgencyRegions(db, lookUp);
	const regionOf = (entry: ReplicationMapEntry): string | null =>
		entry.regionCode !== undefined ? entry.regionCode : entry.agencyId ? (agencyRegions.get(entry.agencyId) ?? null) : null;
	const regions = entries.map(regionOf);
	// The region's centroid, else a position the caller knows, else the province's (a new
	// kabupaten without a centroid yet); agencies without a region at Jakarta.
	const centroids = await findRegionCentroids(db, regions.flatMap((code) => (code ? [code, code.slice(0, 2)] : [CAPITAL_REGION])));
	const points: ReplicationMapPoint[] = entries.map((entry, i) => {
		const region = regions[i];
		const spot =
			(region ? centroids.get(region) : undefined) ??
			entry.point ??
			(region ? centroids.get(region.slice(0, 2)) : centroids.get(CAPITAL_REGION)) ??
			null;
		return { label: entry.agencyName, state: entry.state, detail: entry.detail ?? null, lat: spot?.lat ?? null, lng: spot?.lng ?? null };
	});
	return renderReplicationMapSvg(points, { title: options.title, basemap: await provinceBasemap(db) });
}

// The projected outlines, per database handle, redrawn only when the loaded outlines changed
// (also when another process, such as `jippnas load-boundaries`, loaded them).
const basemaps = new WeakMap<object, { stamp: string; svg: string }>();

async function provinceBasemap(db: Kysely<DB>): Promise<string> {
	const stamp = await boundaryStamp(db, 'provinsi');
	const cached = basemaps.get(db);
	if (cached?.stamp === stamp) return cached.svg;
	const svg = basemapSvg(await listRegionBoundaries(db, 'provinsi'));
	basemaps.set(db, { stamp, svg });
	return svg;
}
