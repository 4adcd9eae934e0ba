import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { candidatePairs } from '../../src/lib/server/domain/matching/blocking';
import { clusterRecords, type ScoredPair } from '../../src/lib/server/domain/matching/cluster';
import { evaluateClusters } from '../../src/lib/server/domain/matching/evaluate';
import { DEFAULT_MATCH_CONFIG, prepareRecord, scorePair, type MatchConfig } from '../../src/lib/server/domain/matching/score';
import type { MatchRecord, MatchSource } from '../../src/lib/server/domain/matching/types';

// Runs entity resolution end to end on the shared samples with a deliberately crude stand-in for the
// real normaliser, so the scorer is shown to cope with agency keys that differ between sources.
const SHARED = path.resolve(process.cwd(), '../shared');
const SAMPLES = path.join(SHARED, 'samples');

interface TruthEntry {
	source: MatchSource;
	externalId: string;
}
interface Truth {
	clusters: TruthEntry[][];
	rejected: TruthEntry[];
}

type Row = Record<string, string>;

interface RegionIndex {
	byName: Map<string, string>;
	byBareName: Map<string, string[]>;
}

function fold(value: string): string {
	return value.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Kemendagri code and name list (centroids file), keyed `kabupaten x` / `kota x` / `provinsi x`. */
function loadRegions(): RegionIndex {
	const rows = parse(readFileSync(path.join(SHARED, 'data/batas-wilayah/centroid_wilayah.csv'), 'utf8'), { columns: true }) as Row[];
	const byName = new Map<string, string>();
	const byBareName = new Map<string, string[]>();
	for (const row of rows) {
		const code = row.kode!;
		const name = fold(row.nama!);
		const bare = name.replace(/^(kabupaten|kota) /, '');
		byName.set(code.includes('.') ? name : `provinsi ${name}`, code);
		if (code.includes('.')) byBareName.set(bare, [...(byBareName.get(bare) ?? []), code]);
	}
	return { byName, byBareName };
}

function dotted(code: string): string {
	const digits = code.replace(/\D/g, '');
	return digits.length > 2 ? `${digits.slice(0, 2)}.${digits.slice(2)}` : digits;
}

/** `Pemkab Ngada`, `Kab. Ngada`, `KABUPATEN NGADA`, `Ngada` -> `53.09`; null when not a region name. */
function regionFromName(regions: RegionIndex, name: string | null | undefined): string | null {
	if (!name) return null;
	let folded = fold(name).replace(/^pemerintah /, '');
	folded = folded
		.replace(/^(pemkab|kab) /, 'kabupaten ')
		.replace(/^pemkot /, 'kota ')
		.replace(/^(pemprov|prov) /, 'provinsi ');
	const exact = regions.byName.get(folded);
	if (exact) return exact;
	if (/^(kabupaten|kota|provinsi) /.test(folded)) return null;
	const bare = regions.byBareName.get(folded);
	return bare?.length === 1 ? bare[0]! : null;
}

function plain(html: string): string {
	return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

function agencyKey(id: string | null | undefined, name: string | null | undefined): string | null {
	if (id && id.trim()) return id.trim();
	const cleaned = fold(name ?? '');
	return cleaned || null;
}

function year(value: unknown): number | null {
	const parsed = Number(value);
	return Number.isInteger(parsed) && parsed > 0 ? parsed : null;
}

function loadRecords(regions: RegionIndex): MatchRecord[] {
	const panrb = parse(readFileSync(path.join(SAMPLES, 'panrb.csv'), 'utf8'), { columns: true, bom: true }) as Row[];
	const kemendagri = parse(readFileSync(path.join(SAMPLES, 'kemendagri.csv'), 'utf8'), {
		columns: true,
		bom: true,
		delimiter: ';'
	}) as Row[];
	const lan = JSON.parse(readFileSync(path.join(SAMPLES, 'lan.json'), 'utf8')) as Array<Record<string, string | number | null>>;
	const records: MatchRecord[] = [];
	for (const row of panrb) {
		records.push({
			key: `panrb:${row['ID Inovasi']}`,
			source: 'panrb',
			title: row['Judul Inovasi'] ?? '',
			agencyId: agencyKey(row['ID Instansi PANRB'], row['Instansi']),
			regionCode: regionFromName(regions, row['Instansi']),
			year: year(row['Tahun Kompetisi']),
			text: plain(
				['Ringkasan', 'Latar Belakang dan Tujuan', 'Kebaruan', 'Implementasi', 'Signifikansi', 'Adaptabilitas', 'Sumber Daya', 'Strategi Keberlanjutan']
					.map((column) => row[column] ?? '')
					.join(' ')
			)
		});
	}
	for (const row of kemendagri) {
		const code = (row['Kode Pemda'] ?? '').trim();
		records.push({
			key: `kemendagri:${row['ID']}`,
			source: 'kemendagri',
			title: row['Nama Inovasi'] ?? '',
			agencyId: agencyKey(null, row['Nama Pemda']),
			regionCode: code ? dotted(code) : regionFromName(regions, row['Nama Pemda']),
			year: year(row['Tahun Pelaporan']),
			text: plain(['Rancang Bangun', 'Tujuan', 'Manfaat', 'Hasil Inovasi'].map((column) => row[column] ?? '').join(' '))
		});
	}
	for (const item of lan) {
		const code = item.id_kabkot === null ? '' : String(item.id_kabkot);
		records.push({
			key: `lan:${item.id}`,
			source: 'lan',
			title: String(item.judul_inovasi ?? ''),
			agencyId: agencyKey(item.agency_id_panrb as string | null, item.instansi_nama as string | null),
			regionCode: code
				? dotted(code)
				: (regionFromName(regions, item.kabkot_nama as string | null) ?? regionFromName(regions, item.instansi_nama as string | null)),
			year: year(item.tahun),
			text: plain(String(item.deskripsi ?? ''))
		});
	}
	return records;
}

describe('matching on the shared samples', () => {
	let records: MatchRecord[];
	let truthClusters: string[][];
	let config: MatchConfig;

	beforeAll(() => {
		const truth = JSON.parse(readFileSync(path.join(SAMPLES, 'truth.json'), 'utf8')) as Truth;
		const rejected = new Set(truth.rejected.map((entry) => `${entry.source}:${entry.externalId}`));
		records = loadRecords(loadRegions()).filter((record) => !rejected.has(record.key));
		truthClusters = truth.clusters.map((cluster) => cluster.map((entry) => `${entry.source}:${entry.externalId}`));
		const stopWords = new Set(
			readFileSync(path.join(SHARED, 'data/bahasa/stopwords-id.txt'), 'utf8')
				.split(/\r?\n/)
				.map((word) => word.trim().toLowerCase())
				.filter(Boolean)
		);
		config = { ...DEFAULT_MATCH_CONFIG, stopWords };
	});

	it('loads every non-rejected record the truth clusters', () => {
		expect(records).toHaveLength(93);
		expect(new Set(records.map((r) => r.key))).toEqual(new Set(truthClusters.flat()));
	});

	it('links duplicates across sources with pairwise precision >= 0.97 and F1 >= 0.95', () => {
		const pairs = candidatePairs(records);
		const allPairs = (records.length * (records.length - 1)) / 2;
		const prepared = new Map(records.map((record) => [record.key, prepareRecord(record, config)]));
		const scored: ScoredPair[] = pairs.map(([a, b]) => {
			const result = scorePair(prepared.get(a)!, prepared.get(b)!, config);
			return { a, b, score: result.score, decision: result.decision };
		});
		const { clusters, review } = clusterRecords(
			records.map((r) => r.key),
			scored
		);
		const evaluation = evaluateClusters(clusters, truthClusters);
		const truthOf = new Map(truthClusters.flatMap((cluster, index) => cluster.map((key) => [key, index] as const)));
		const mistakes = scored
			.filter((p) => (p.decision === 'link') !== (truthOf.get(p.a) === truthOf.get(p.b)))
			.map((p) => `${p.decision} ${p.score} ${p.a} ${p.b} same=${truthOf.get(p.a) === truthOf.get(p.b)}`);
		const sameScores = scored.filter((p) => truthOf.get(p.a) === truthOf.get(p.b)).map((p) => p.score);
		const otherScores = scored.filter((p) => truthOf.get(p.a) !== truthOf.get(p.b)).map((p) => p.score);
		console.log(
			`matching samples: ${pairs.length} candidate pairs of ${allPairs}; review ${review.length}; ` +
				`lowest duplicate score ${Math.min(...sameScores)}, highest non-duplicate score ${Math.max(...otherScores)}; ` +
				`precision ${evaluation.precision.toFixed(3)} recall ${evaluation.recall.toFixed(3)} F1 ${evaluation.f1.toFixed(3)} ` +
				`(TP ${evaluation.truePositives}, FP ${evaluation.falsePositives}, FN ${evaluation.falseNegatives})` +
				(mistakes.length ? `\n${mistakes.join('\n')}` : '')
		);
		expect(pairs.length).toBeLessThan(allPairs / 4);
		expect(evaluation.precision).toBeGreaterThanOrEqual(0.97);
		expect(evaluation.f1).toBeGreaterThanOrEqual(0.95);
	});
});
