/**
 * A small map of Indonesia drawn on the server as SVG (no script, no tiles): province outlines
 * projected with d3-geo's Mercator onto a fixed frame around the archipelago, simplified for the
 * size drawn and written with whole-number relative coordinates, plus marks at given points.
 * The frame does not depend on the data, so marks land in the same place with or without
 * outlines loaded. Only presentation attributes (no <style>), so the page's CSP allows it inline.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { GeoJsonPolygonal } from '../../db/schema';

/** Map units across; the SVG scales to its container (width 100%). */
export const MAP_WIDTH = 1000;
const PADDING = 8;
// The archipelago: Sabang to Merauke, Miangas to Rote.
const WEST = 94.7;
const EAST = 141.2;
const NORTH = 6.3;
const SOUTH = -11.2;

export interface MapFrame {
	projection: GeoProjection;
	width: number;
	height: number;
}

let frame: MapFrame | undefined;

export function indonesiaFrame(): MapFrame {
	if (frame) return frame;
	const corners = { type: 'MultiPoint' as const, coordinates: [[WEST, NORTH], [EAST, SOUTH], [WEST, SOUTH], [EAST, NORTH]] };
	const probe = geoMercator().fitWidth(MAP_WIDTH - 2 * PADDING, corners);
	const [[, top], [, bottom]] = [probe([WEST, NORTH])!, probe([EAST, SOUTH])!];
	const height = Math.ceil(bottom - top + 2 * PADDING);
	const projection = geoMercator().fitExtent(
		[
			[PADDING, PADDING],
			[MAP_WIDTH - PADDING, height - PADDING]
		],
		corners
	);
	frame = { projection, width: MAP_WIDTH, height };
	return frame;
}

export interface BoundaryShape {
	code: string;
	name: string;
	geometry: GeoJsonPolygonal;
}

/** Points closer than this (map units) to the simplified line are dropped. */
const TOLERANCE = 0.8;
/** Islands smaller than this across (map units) are left out. */
const MIN_EXTENT = 1.5;

type Point = [number, number];

/** Douglas–Peucker on projected points, iterative (rings can have thousands of points). */
function simplify(points: Point[], tolerance: number): Point[] {
	if (points.length <= 3) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = keep[points.length - 1] = 1;
	const stack: Array<[number, number]> = [[0, points.length - 1]];
	while (stack.length) {
		const [first, last] = stack.pop()!;
		const [ax, ay] = points[first]!;
		const [bx, by] = points[last]!;
		const dx = bx - ax;
		const dy = by - ay;
		const length = Math.hypot(dx, dy);
		let worst = -1;
		let index = -1;
		for (let i = first + 1; i < last; i++) {
			const [px, py] = points[i]!;
			const distance = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
			if (distance > worst) {
				worst = distance;
				index = i;
			}
		}
		if (index >= 0 && worst > tolerance) {
			keep[index] = 1;
			stack.push([first, index], [index, last]);
		}
	}
	return points.filter((_, i) => keep[i]);
}

/** One ring as a relative path ("M12 34l3-1..z"), or '' when it is too small to see. */
function ringPath(ring: number[][], projection: GeoProjection): string {
	const projected: Point[] = [];
	for (const position of ring) {
		const xy = projection([position[0]!, position[1]!]);
		if (xy) projected.push(xy as Point);
	}
	if (projected.length < 3) return '';
	let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
	for (const [x, y] of projected) {
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	if (maxX - minX < MIN_EXTENT && maxY - minY < MIN_EXTENT) return '';
	const simplified = simplify(projected, TOLERANCE);
	let path = '';
	let last: Point | null = null;
	let count = 0;
	for (const [x, y] of simplified) {
		const point: Point = [Math.round(x), Math.round(y)];
		if (!last) path += `M${point[0]} ${point[1]}`;
		else {
			const dx = point[0] - last[0];
			const dy = point[1] - last[1];
			if (dx === 0 && dy === 0) continue;
			path += `l${dx}${dy < 0 ? dy : ` ${dy}`}`;
		}
		last = point;
		count++;
	}
	return count >= 3 ? `${path}z` : '';
}

/** The outline of one region as SVG path data ('' when nothing of it is big enough to draw). */
export function boundaryPath(geometry: GeoJsonPolygonal, projection: GeoProjection = indonesiaFrame().projection): string {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	// Holes are drawn as rings too (even-odd fill leaves them open).
	return polygons.flatMap((polygon) => polygon.map((ring) => ringPath(ring, projection))).join('');
}

/** The province layer: one <path> per region, grey land with white borders. */
export function basemapSvg(boundaries: BoundaryShape[]): string {
	const { projection } = indonesiaFrame();
	const paths = boundaries
		.map((shape) => ({ code: shape.code, d: boundaryPath(shape.geometry, projection) }))
		.filter((shape) => shape.d)
		.map((shape) => `<path data-kode="${escapeXml(shape.code)}" d="${shape.d}"/>`);
	if (!paths.length) return '';
	return `<g fill="#dfe3e8" stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round" fill-rule="evenodd">${paths.join('')}</g>`;
}

/** Where a longitude/latitude lands on the map, rounded to a tenth of a unit. */
export function projectPoint(lng: number, lat: number): [number, number] | null {
	const xy = indonesiaFrame().projection([lng, lat]);
	if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) return null;
	return [Math.round(xy[0] * 10) / 10, Math.round(xy[1] * 10) / 10];
}

export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
