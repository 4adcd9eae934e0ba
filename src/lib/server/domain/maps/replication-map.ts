/**
 * The map of an innovation's replications ("Direplikasi oleh"): a mark per replicating agency at
 * its region's centroid on the Indonesia map, shaped and coloured by how far it got (completed,
 * in progress, stopped), each with a tooltip (<title>), a legend, and an aria-label that says
 * the same in words. The page lists the same agencies as text next to it.
 */
import type { ReplicationState } from '../../db/schema';
import { basemapSvg, escapeXml, indonesiaFrame, projectPoint, type BoundaryShape } from './indonesia-map';

export type ReplicationMapGroup = 'selesai' | 'berjalan' | 'berhenti';

export interface ReplicationMapPoint {
	/** The replicating agency's name. */
	label: string;
	state: ReplicationState;
	/** Where the dot goes (the agency's region centroid); null: not on the map. */
	lat: number | null;
	lng: number | null;
	/** More words for the tooltip, e.g. "Replikasi penuh". */
	detail?: string | null;
}

export interface ReplicationMapOptions {
	/** What the map shows, e.g. the innovation's title; starts the aria-label. */
	title?: string;
	boundaries?: BoundaryShape[];
	/** Province outlines already drawn by basemapSvg (cached by the caller). */
	basemap?: string;
}

export function mapGroupOf(state: ReplicationState): ReplicationMapGroup {
	if (state === 'selesai') return 'selesai';
	if (state === 'ditolak' || state === 'dihentikan' || state === 'dibatalkan') return 'berhenti';
	return 'berjalan';
}

export const MAP_GROUP_LABELS: Record<ReplicationMapGroup, string> = {
	selesai: 'Selesai',
	berjalan: 'Sedang berjalan',
	berhenti: 'Berhenti'
};

const STATE_LABELS: Record<ReplicationState, string> = {
	minat: 'Minat',
	diverifikasi: 'Diverifikasi',
	ditolak: 'Ditolak',
	kesepakatan: 'Kesepakatan',
	persiapan: 'Persiapan',
	implementasi: 'Implementasi',
	pemantauan: 'Pemantauan',
	selesai: 'Selesai',
	dihentikan: 'Dihentikan',
	dibatalkan: 'Dibatalkan'
};

// Shape and colour both differ, so the marks read without colour too.
const MARK_RADIUS = 6;
function mark(group: ReplicationMapGroup, x: number, y: number, title: string): string {
	const t = `<title>${escapeXml(title)}</title>`;
	if (group === 'selesai') return `<circle cx="${x}" cy="${y}" r="${MARK_RADIUS}" fill="#1a7f37" stroke="#ffffff" stroke-width="1.5">${t}</circle>`;
	if (group === 'berjalan') return `<circle cx="${x}" cy="${y}" r="${MARK_RADIUS - 1}" fill="#ffffff" stroke="#0550ae" stroke-width="3">${t}</circle>`;
	const s = MARK_RADIUS - 1;
	return `<rect x="${round(x - s)}" y="${round(y - s)}" width="${2 * s}" height="${2 * s}" fill="#6e7781" stroke="#ffffff" stroke-width="1.5">${t}</rect>`;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Marks that would overlap are moved along a small spiral until each stays visible. */
function spread(points: Array<{ x: number; y: number }>): void {
	const minimum = 2.2 * MARK_RADIUS;
	const placed: Array<{ x: number; y: number }> = [];
	for (const point of points) {
		const free = (x: number, y: number) => placed.every((other) => Math.hypot(other.x - x, other.y - y) >= minimum);
		for (let n = 1; n <= 60 && !free(point.x, point.y); n++) {
			const angle = n * 2.39996; // the golden angle: even coverage around the spot
			const radius = minimum * Math.sqrt(n) * 0.75;
			const x = round(point.x + radius * Math.cos(angle));
			const y = round(point.y + radius * Math.sin(angle));
			if (free(x, y)) {
				point.x = x;
				point.y = y;
			}
		}
		placed.push(point);
	}
}

export function describeReplicationMap(points: ReplicationMapPoint[], title?: string): string {
	const counts = countGroups(points);
	const placed = points.filter((p) => p.lat !== null && p.lng !== null).length;
	const parts = (['selesai', 'berjalan', 'berhenti'] as const)
		.filter((group) => counts[group] > 0)
		.map((group) => `${counts[group]} ${MAP_GROUP_LABELS[group].toLowerCase()}`);
	const head = title ? `Peta replikasi ${title}` : 'Peta replikasi';
	if (!points.length) return `${head}: belum ada instansi yang mereplikasi.`;
	const missing = points.length - placed;
	return `${head}: ${points.length} instansi (${parts.join(', ')})${missing ? `; ${missing} tanpa lokasi di peta` : ''}.`;
}

function countGroups(points: ReplicationMapPoint[]): Record<ReplicationMapGroup, number> {
	const counts = { selesai: 0, berjalan: 0, berhenti: 0 };
	for (const point of points) counts[mapGroupOf(point.state)] += 1;
	return counts;
}

/** The whole SVG: outlines (when given), marks, legend. */
export function renderReplicationMapSvg(points: ReplicationMapPoint[], options: ReplicationMapOptions = {}): string {
	const { width, height } = indonesiaFrame();
	const basemap = options.basemap ?? basemapSvg(options.boundaries ?? []);
	const placed = points
		.map((point) => {
			const xy = point.lat !== null && point.lng !== null ? projectPoint(point.lng, point.lat) : null;
			return xy ? { point, x: xy[0], y: xy[1] } : null;
		})
		.filter((p): p is { point: ReplicationMapPoint; x: number; y: number } => p !== null)
		// Completed marks drawn last, on top.
		.sort((a, b) => order(a.point.state) - order(b.point.state));
	spread(placed);
	const marks = placed.map(({ point, x, y }) => {
		const words = [point.label, point.detail, STATE_LABELS[point.state]].filter(Boolean).join(' — ');
		return mark(mapGroupOf(point.state), x, y, words);
	});

	const counts = countGroups(points);
	const groups = (['selesai', 'berjalan', 'berhenti'] as const).filter((group) => counts[group] > 0);
	const legendHeight = groups.length ? 28 : 0;
	const legend = groups
		.map((group, i) => {
			const x = 16 + i * 190;
			const y = height + 14;
			return `${mark(group, x, y, MAP_GROUP_LABELS[group])}<text x="${x + 12}" y="${y + 5}">${escapeXml(MAP_GROUP_LABELS[group])} (${counts[group]})</text>`;
		})
		.join('');
	const label = describeReplicationMap(points, options.title);
	const background = basemap ? '' : `<rect width="${width}" height="${height}" fill="#f3f5f7"/>`;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + legendHeight}" width="100%" role="img" aria-label="${escapeXml(label)}" class="peta-replikasi">` +
		`<title>${escapeXml(label)}</title>` +
		background +
		basemap +
		`<g>${marks.join('')}</g>` +
		(legend ? `<g font-family="system-ui, sans-serif" font-size="14" fill="#1f2328">${legend}</g>` : '') +
		`</svg>`
	);
}

function order(state: ReplicationState): number {
	const group = mapGroupOf(state);
	return group === 'berhenti' ? 0 : group === 'berjalan' ? 1 : 2;
}
