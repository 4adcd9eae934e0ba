import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GeoJsonPolygonal } from '../../db/schema';
import { basemapSvg, boundaryPath, indonesiaFrame, projectPoint, type BoundaryShape } from './indonesia-map';
import { describeReplicationMap, mapGroupOf, renderReplicationMapSvg, type ReplicationMapPoint } from './replication-map';

// Reference data beside the repository (read, never copied).
const PROVINCES = new URL('../../../../../../shared/data/batas-wilayah/provinsi-38-simplified.geojson', import.meta.url);

function provinces(): BoundaryShape[] {
	const collection = JSON.parse(readFileSync(PROVINCES, 'utf8')) as {
		features: Array<{ id: string; properties: { nama: string }; geometry: GeoJsonPolygonal }>;
	};
	return collection.features.map((f) => ({ code: f.id, name: f.properties.nama, geometry: f.geometry }));
}

const POINTS: ReplicationMapPoint[] = [
	{ label: 'Pemerintah Kabupaten Ngada', state: 'selesai', lat: -8.68, lng: 121.0, detail: 'Replikasi penuh' },
	{ label: 'Pemerintah Kota Surabaya', state: 'implementasi', lat: -7.27, lng: 112.74 },
	{ label: 'Pemerintah Kabupaten Sidoarjo', state: 'dibatalkan', lat: -7.27, lng: 112.74 },
	{ label: 'Dinas <Uji> & "Kutip"', state: 'minat', lat: null, lng: null }
];

describe('the Indonesia frame', () => {
	it('puts Sabang top left, Merauke bottom right, inside the frame', () => {
		const { width, height } = indonesiaFrame();
		const sabang = projectPoint(95.32, 5.89)!;
		const merauke = projectPoint(140.4, -8.5)!;
		expect(sabang[0]).toBeLessThan(30);
		expect(sabang[1]).toBeLessThan(30);
		expect(merauke[0]).toBeGreaterThan(width - 40);
		expect(merauke[1]).toBeGreaterThan(height * 0.6);
		expect(merauke[1]).toBeLessThan(height);
	});

	it('draws a polygon as a closed relative path with whole numbers, and drops specks', () => {
		const square: GeoJsonPolygonal = { type: 'Polygon', coordinates: [[[110, -7], [112, -7], [112, -5], [110, -5], [110, -7]]] };
		expect(boundaryPath(square)).toMatch(/^M\d+ \d+(l-?\d+ ?-?\d+)+z$/);
		const speck: GeoJsonPolygonal = { type: 'Polygon', coordinates: [[[110, -7], [110.01, -7], [110.01, -6.99], [110, -7]]] };
		expect(boundaryPath(speck)).toBe('');
	});
});

describe('renderReplicationMapSvg', () => {
	it('draws the 38 provinces and one titled mark per placed agency, small enough to inline', () => {
		const svg = renderReplicationMapSvg(POINTS, { boundaries: provinces(), title: 'Sistem Antrean Daring' });
		expect(svg.match(/<path /g)).toHaveLength(38);
		expect(svg.length).toBeLessThan(60_000);
		expect(svg).toContain('role="img"');
		expect(svg).toContain(
			'aria-label="Peta replikasi Sistem Antrean Daring: 4 instansi (1 selesai, 2 sedang berjalan, 1 berhenti); 1 tanpa lokasi di peta."'
		);
		expect(svg).toContain('<title>Pemerintah Kabupaten Ngada — Replikasi penuh — Selesai</title>');
		expect(svg).toContain('<title>Pemerintah Kota Surabaya — Implementasi</title>');
		expect(svg).toContain('<title>Pemerintah Kabupaten Sidoarjo — Dibatalkan</title>');
		expect(svg).not.toContain('<Uji>');
		expect(svg).toContain('Selesai (1)');
		expect(svg).not.toMatch(/<style|<script|\d\.\d{2,}/);
	});

	it('still draws the marks without outlines, apart from each other when they share a spot', () => {
		const svg = renderReplicationMapSvg(POINTS);
		expect(svg).not.toContain('<path');
		expect(svg.match(/<title>Pemerintah/g)).toHaveLength(3);
		const surabaya = /<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>Pemerintah Kota Surabaya/.exec(svg)!;
		const sidoarjo = /<rect x="([\d.]+)" y="([\d.]+)"[^>]*><title>Pemerintah Kabupaten Sidoarjo/.exec(svg)!;
		const distance = Math.hypot(Number(surabaya[1]) - (Number(sidoarjo[1]) + 5), Number(surabaya[2]) - (Number(sidoarjo[2]) + 5));
		expect(distance).toBeGreaterThanOrEqual(12);
	});

	it('says so when nobody replicates yet', () => {
		expect(describeReplicationMap([])).toBe('Peta replikasi: belum ada instansi yang mereplikasi.');
		expect(renderReplicationMapSvg([], { basemap: basemapSvg([]) })).toContain('role="img"');
	});

	it('groups states: completed, in progress, stopped', () => {
		expect(mapGroupOf('selesai')).toBe('selesai');
		expect(mapGroupOf('kesepakatan')).toBe('berjalan');
		expect(mapGroupOf('ditolak')).toBe('berhenti');
	});
});
