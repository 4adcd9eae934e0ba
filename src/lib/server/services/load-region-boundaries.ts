/**
 * Loads region outlines (GeoJSON) and centroids (CSV) for the server-drawn maps, e.g. from
 * ../shared/data/batas-wilayah: `provinsi-38-simplified.geojson` (feature id = Kemendagri code)
 * and `centroid_wilayah.csv` (kode,nama,lat,lng). The files are read, never copied into the
 * repository. Loading the same files again changes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { BoundaryLevel, DB, GeoJsonPolygonal } from '../db/schema';
import { AppError } from '../errors';
import { appendChanges } from '../repositories/change-history-repository';
import {
	countRegionBoundaries,
	upsertRegionBoundaries,
	upsertRegionCentroids,
	type NewRegionBoundary,
	type NewRegionCentroid,
	type UpsertCounts
} from '../repositories/region-boundary-repository';

export const PROVINCE_BOUNDARY_FILE = 'provinsi-38-simplified.geojson';
export const CENTROID_FILE = 'centroid_wilayah.csv';

export interface LoadBoundariesProblem {
	/** Feature index (GeoJSON, from 1) or CSV line. */
	where: string;
	message: string;
}

export interface LoadBoundariesOutcome {
	boundaryFile: string | null;
	centroidFile: string | null;
	boundaries: UpsertCounts & { read: number };
	centroids: UpsertCounts & { read: number };
	problems: LoadBoundariesProblem[];
}

const CODE = /^[0-9]{2}(\.[0-9]{2})?$/;
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ring = z.array(position).min(4, 'cincin poligon minimal 4 titik');
const geometrySchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
]);
const featureSchema = z.object({
	type: z.literal('Feature'),
	id: z.union([z.string(), z.number()]).optional(),
	properties: z.object({ kode: z.union([z.string(), z.number()]).optional(), nama: z.string().trim().min(1, 'properties.nama wajib diisi') }).loose(),
	geometry: geometrySchema
});
const collectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

const levelOf = (code: string): BoundaryLevel => (code.includes('.') ? 'kabupaten_kota' : 'provinsi');
// Six decimals (~10 cm) is more than any map here draws.
const trim = (n: number) => Math.round(n * 1e6) / 1e6;

/** Features -> boundary rows; an invalid feature is skipped and reported. */
export function parseBoundaryGeoJson(text: string, source: string): { rows: NewRegionBoundary[]; problems: LoadBoundariesProblem[]; read: number } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new AppError('FILE_UNREADABLE', `Berkas ${source} bukan JSON yang valid.`);
	}
	const collection = collectionSchema.safeParse(json);
	if (!collection.success) throw new AppError('FILE_UNREADABLE', `Berkas ${source} bukan GeoJSON FeatureCollection.`);
	const rows: NewRegionBoundary[] = [];
	const problems: LoadBoundariesProblem[] = [];
	const seen = new Set<string>();
	collection.data.features.forEach((raw, index) => {
		const where = `fitur ${index + 1}`;
		const feature = featureSchema.safeParse(raw);
		if (!feature.success) {
			problems.push({ where, message: feature.error.issues[0]?.message ?? 'tidak valid' });
			return;
		}
		const code = String(feature.data.id ?? feature.data.properties.kode ?? '').trim();
		if (!CODE.test(code)) {
			problems.push({ where, message: `kode wilayah "${code}" tidak valid (mis. 53 atau 53.09)` });
			return;
		}
		if (seen.has(code)) {
			problems.push({ where, message: `kode wilayah ${code} muncul lebih dari sekali` });
			return;
		}
		seen.add(code);
		const g = feature.data.geometry;
		const geometry: GeoJsonPolygonal =
			g.type === 'Polygon'
				? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map((p) => [trim(p[0]), trim(p[1])])) }
				: { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map((p) => [trim(p[0]), trim(p[1])]))) };
		rows.push({ code, level: levelOf(code), name: feature.data.properties.nama, geometry, source });
	});
	return { rows, problems, read: collection.data.features.length };
}

const centroidSchema = z.object({
	kode: z.string().trim().regex(CODE, 'kode wilayah tidak valid (mis. 53 atau 53.09)'),
	nama: z.string().trim().min(1, 'nama wajib diisi'),
	lat: z.coerce.number({ error: 'lat harus angka' }).min(-90, 'lat di luar -90..90').max(90, 'lat di luar -90..90'),
	lng: z.coerce.number({ error: 'lng harus angka' }).min(-180, 'lng di luar -180..180').max(180, 'lng di luar -180..180')
});

/** kode,nama,lat,lng -> centroid rows; an invalid row is skipped and reported with its line. */
export function parseCentroidCsv(text: string | Uint8Array, source: string): { rows: NewRegionCentroid[]; problems: LoadBoundariesProblem[]; read: number } {
	let records: Array<{ record: string[]; info: { lines: number } }>;
	try {
		records = parse(typeof text === 'string' ? text : Buffer.from(text), { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
	} catch (error) {
		throw new AppError('FILE_UNREADABLE', `Berkas ${source} tidak dapat dibaca sebagai CSV: ${error instanceof CsvError ? error.message : String(error)}`);
	}
	const [header, ...body] = records;
	const columns = header?.record.map((c) => c.trim().toLowerCase()) ?? [];
	const index = Object.fromEntries(['kode', 'nama', 'lat', 'lng'].map((c) => [c, columns.indexOf(c)]));
	if (Object.values(index).some((i) => i < 0)) {
		throw new AppError('VALIDATION_FAILED', `Kepala kolom berkas ${source} harus memuat kode,nama,lat,lng. Tidak ada data yang disimpan.`);
	}
	const rows: NewRegionCentroid[] = [];
	const problems: LoadBoundariesProblem[] = [];
	for (const { record, info } of body) {
		const parsed = centroidSchema.safeParse({ kode: record[index.kode!], nama: record[index.nama!], lat: record[index.lat!], lng: record[index.lng!] });
		if (!parsed.success) {
			problems.push({ where: `baris ${info.lines}`, message: parsed.error.issues.map((i) => i.message).join('; ') });
			continue;
		}
		rows.push({ code: parsed.data.kode, name: parsed.data.nama, latitude: parsed.data.lat, longitude: parsed.data.lng, source });
	}
	return { rows, problems, read: body.length };
}

/** A folder (with the two standard files) or one GeoJSON file (centroids beside it, if there). */
async function resolveFiles(target: string): Promise<{ boundaryFile: string | null; centroidFile: string | null }> {
	const info = await stat(target).catch(() => null);
	if (!info) throw new AppError('FILE_UNREADABLE', `${target} tidak ditemukan.`);
	const exists = async (file: string) => ((await stat(file).catch(() => null))?.isFile() ? file : null);
	if (info.isDirectory()) {
		const boundaryFile = await exists(path.join(target, PROVINCE_BOUNDARY_FILE));
		const centroidFile = await exists(path.join(target, CENTROID_FILE));
		if (!boundaryFile && !centroidFile) {
			throw new AppError('FILE_UNREADABLE', `Folder ${target} tidak memuat ${PROVINCE_BOUNDARY_FILE} maupun ${CENTROID_FILE}.`);
		}
		return { boundaryFile, centroidFile };
	}
	if (target.toLowerCase().endsWith('.csv')) return { boundaryFile: null, centroidFile: target };
	return { boundaryFile: target, centroidFile: await exists(path.join(path.dirname(target), CENTROID_FILE)) };
}

export async function loadRegionBoundaries(db: Kysely<DB>, target: string, options: { actor?: string } = {}): Promise<LoadBoundariesOutcome> {
	const { boundaryFile, centroidFile } = await resolveFiles(target);
	const read = async (file: string) => {
		try {
			return await readFile(file);
		} catch {
			throw new AppError('FILE_UNREADABLE', `Berkas ${file} tidak dapat dibaca.`);
		}
	};
	const boundaries = boundaryFile
		? parseBoundaryGeoJson((await read(boundaryFile)).toString('utf8'), path.basename(boundaryFile))
		: { rows: [], problems: [], read: 0 };
	const centroids = centroidFile ? parseCentroidCsv(await read(centroidFile), path.basename(centroidFile)) : { rows: [], problems: [], read: 0 };

	const outcome = await db.transaction().execute(async (trx) => {
		const boundaryCounts = await upsertRegionBoundaries(trx, boundaries.rows);
		const centroidCounts = await upsertRegionCentroids(trx, centroids.rows);
		const result: LoadBoundariesOutcome = {
			boundaryFile: boundaryFile && path.basename(boundaryFile),
			centroidFile: centroidFile && path.basename(centroidFile),
			boundaries: { ...boundaryCounts, read: boundaries.read },
			centroids: { ...centroidCounts, read: centroids.read },
			problems: [...boundaries.problems, ...centroids.problems]
		};
		if (boundaryCounts.inserted + boundaryCounts.updated + centroidCounts.inserted + centroidCounts.updated > 0) {
			await appendChanges(trx, [
				{
					entityType: 'region_boundaries',
					entityId: 'peta',
					version: null,
					action: 'import',
					actor: options.actor ?? 'system',
					snapshot: { ...result, problems: result.problems.length },
					reason: `Batas dan titik tengah wilayah dimuat dari ${[result.boundaryFile, result.centroidFile].filter(Boolean).join(' dan ')}`
				}
			]);
		}
		return result;
	});
	return outcome;
}

/** First start: loads the folder when no outline was ever loaded and the folder is there. */
export async function loadRegionBoundariesIfEmpty(
	db: Kysely<DB>,
	dir: string
): Promise<LoadBoundariesOutcome | { skipped: 'not-empty' | 'no-file' }> {
	if ((await countRegionBoundaries(db)) > 0) return { skipped: 'not-empty' };
	if (!(await stat(path.join(dir, PROVINCE_BOUNDARY_FILE)).catch(() => null))) return { skipped: 'no-file' };
	return loadRegionBoundaries(db, dir);
}
