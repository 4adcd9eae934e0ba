import { createHash } from 'node:crypto';
import { getProvinces, getRegencies } from 'idn-area-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_AGENCIES } from '../central-agencies';
import { INNOVATION_ID_PATTERN } from '../ids';
import { bareRegionName, displayRegionName, regencyLevel } from '../region-names';
import { AFFAIR_CODES, KIPP_LEVELS, SDG_NUMBERS, THEMES } from '../vocabulary';
import { generateDemoCorpus, type DemoCorpusOptions } from './corpus';
import type { DemoAward, DemoInnovation, DemoSourceRecord } from './corpus-types';
import type { DemoRegion } from './hubs';

let regions: DemoRegion[];

beforeAll(async () => {
	// The real Kemendagri list, as syncReferenceData loads it.
	const provinces = await getProvinces();
	const regencies = await getRegencies();
	regions = [
		...provinces.map((p) => ({ code: p.code, name: displayRegionName(p.name), level: 'provinsi' as const })),
		...regencies.map((r) => ({ code: r.code, name: displayRegionName(r.name), level: regencyLevel(r.name) }))
	];
});

function collect(options: DemoCorpusOptions) {
	const innovations: DemoInnovation[] = [];
	const awards: DemoAward[] = [];
	const sourceRecords: DemoSourceRecord[] = [];
	const batchSizes: number[] = [];
	for (const batch of generateDemoCorpus(regions, options)) {
		batchSizes.push(batch.innovations.length);
		innovations.push(...batch.innovations);
		awards.push(...batch.awards);
		sourceRecords.push(...batch.sourceRecords);
	}
	return { innovations, awards, sourceRecords, batchSizes };
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const share = (part: number, whole: number) => part / whole;

describe('generateDemoCorpus', () => {
	let corpus: ReturnType<typeof collect>;
	beforeAll(() => {
		corpus = collect({ seed: 'jippnas-demo', count: 6000, batchSize: 1000 });
	});

	it('gives a byte-identical corpus for the same seed and count, another for another seed', () => {
		const a = collect({ seed: 'uji', count: 400 });
		const b = collect({ seed: 'uji', count: 400 });
		expect(digest(a)).toBe(digest(b));
		expect(digest(collect({ seed: 'uji-lain', count: 400 }))).not.toBe(digest(a));
	});

	it('makes a smaller corpus the start of a larger one, and continues from startIndex', () => {
		const whole = collect({ seed: 'uji', count: 500, batchSize: 128 });
		const start = collect({ seed: 'uji', count: 200, batchSize: 64 });
		const rest = collect({ seed: 'uji', count: 300, startIndex: 200, batchSize: 100 });
		expect(digest(start.innovations)).toBe(digest(whole.innovations.slice(0, 200)));
		expect(digest([...start.innovations, ...rest.innovations])).toBe(digest(whole.innovations));
		expect(whole.batchSizes).toEqual([128, 128, 128, 116]);
	});

	it('gives unique, well-formed ids and unique external ids per source', () => {
		const ids = corpus.innovations.map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(INNOVATION_ID_PATTERN);
		const keys = corpus.sourceRecords.map((s) => `${s.source}:${s.externalId}`);
		expect(new Set(keys).size).toBe(keys.length);
		for (const record of corpus.sourceRecords) {
			if (record.source === 'panrb') expect(record.externalId).toMatch(/^SNV-20(1[4-9]|2[0-35])-\d{6}$/);
			else expect(record.externalId).toMatch(/^\d{5,7}$/);
		}
	});

	it('uses valid vocabulary, agencies and regions', () => {
		const central = new Set(CENTRAL_AGENCIES.map((a) => a.id));
		const regionCodes = new Set(regions.map((r) => r.code));
		const affairs = new Set<string>(AFFAIR_CODES);
		for (const i of corpus.innovations) {
			expect(i.title.trim().length).toBeGreaterThan(3);
			expect(affairs.has(i.mainAffair)).toBe(true);
			for (const a of i.otherAffairs) expect(affairs.has(a) && a !== i.mainAffair).toBe(true);
			expect(i.sdgs.length).toBeGreaterThan(0);
			for (const sdg of i.sdgs) expect(SDG_NUMBERS).toContain(sdg);
			expect(THEMES).toContain(i.theme);
			expect(i.yearStarted).toBeGreaterThanOrEqual(2014);
			expect(i.yearStarted).toBeLessThanOrEqual(2025);
			expect(i.startedOn.slice(0, 4)).toBe(String(i.yearStarted));
			expect(i.createdAt > i.startedOn).toBe(true);
			expect(i.createdAt < '2025-12-16').toBe(true);
			if (central.has(i.agencyId)) {
				expect(i.regionCode).toBeNull();
			} else {
				expect(regionCodes.has(i.regionCode!)).toBe(true);
				expect(i.agencyId).toMatch(/^pem(prov|kab|kot)-/);
				expect(i.agencyId.endsWith(`-${i.regionCode}`)).toBe(true);
			}
			expect(i.serviceUnit.agencyId).toBe(i.agencyId);
			expect(i.contactEmail).toMatch(/^[a-z]+\.[a-z]+@[a-z0-9.-]+\.example$/);
			expect(i.contactPhone).toMatch(/^\+62 812-0000-\d{4}$/);
			if (i.videoUrl) expect(i.videoUrl.startsWith('https://video.example/')).toBe(true);
			if (i.sustainabilityStatus) expect(i.statusVerifiedOn! > i.startedOn).toBe(true);
			else expect(i.statusVerifiedOn).toBeNull();
		}
	});

	it('writes narratives that name the region and report a before/after figure', () => {
		const regionNames = new Map(regions.map((r) => [r.code, r.name]));
		for (const i of corpus.innovations) {
			for (const field of [i.summary, i.problem, i.aims, i.novelty, i.implementation, i.results, i.transferability, i.resources, i.sustainabilityStrategy]) {
				expect(field.length).toBeGreaterThan(40);
				expect(field).not.toMatch(/undefined|null|NaN|\s{2,}/);
			}
			if (i.regionCode) expect(i.summary).toContain(bareRegionName(regionNames.get(i.regionCode)!));
			expect(i.results).toMatch(/berubah dari \d[\d.,]*(%| \S+).* menjadi \d[\d.,]*(%| \S+)/);
		}
	});

	it('keeps institutionalisation evidence, maturity scores and awards consistent', () => {
		const bySource = new Map<string, Set<string>>();
		for (const s of corpus.sourceRecords) {
			if (!bySource.has(s.innovationId)) bySource.set(s.innovationId, new Set());
			bySource.get(s.innovationId)!.add(s.source);
		}
		const innovations = new Map(corpus.innovations.map((i) => [i.id, i]));
		for (const i of corpus.innovations) {
			const sources = bySource.get(i.id)!;
			expect(sources.size).toBeGreaterThanOrEqual(1);
			if (i.stage === 'pelembagaan') {
				expect(i.regulationRef).toMatch(/^(Peraturan|Keputusan) .+ Nomor \d+ Tahun 20\d\d$/);
				expect(i.budgetLine).toBeTruthy();
				expect(i.sopRef).toBeTruthy();
			}
			expect(i.maturityScore !== null).toBe(sources.has('kemendagri'));
			if (i.regionCode === null) expect(sources.has('kemendagri')).toBe(false);
			expect(Object.values(i.provenance).every((p) => p.externalId && sources.has(p.source as string))).toBe(true);
		}
		for (const award of corpus.awards) {
			const innovation = innovations.get(award.innovationId)!;
			expect(award.year).toBeGreaterThan(innovation.yearStarted);
			if (award.programme === 'KIPP') {
				expect(award.year).not.toBe(2024);
				expect(KIPP_LEVELS).toContain(award.level);
				expect(bySource.get(award.innovationId)!.has('panrb')).toBe(true);
			}
			if (award.programme === 'IGA') expect(innovation.regionCode).not.toBeNull();
		}
	});

	it('puts the source columns of source-formats.md in raw payloads', () => {
		const columns = {
			panrb: ['ID Inovasi', 'Judul Inovasi', 'ID Instansi PANRB', 'Instansi', 'Jenis Instansi', 'Unit Penyelenggara Pelayanan', 'Provinsi', 'Tahun Kompetisi', 'Kelompok', 'Kategori', 'Predikat', 'SDGs', 'Tanggal Mulai Implementasi', 'Ringkasan', 'Latar Belakang dan Tujuan', 'Kebaruan', 'Implementasi', 'Signifikansi', 'Adaptabilitas', 'Sumber Daya', 'Strategi Keberlanjutan', 'Status Keberlanjutan', 'Tautan Video', 'Email Kontak', 'Telepon Kontak'],
			kemendagri: ['ID', 'Tahun Pelaporan', 'Kode Pemda', 'Nama Pemda', 'Perangkat Daerah', 'Nama Inovasi', 'Tahapan Inovasi', 'Inisiator Inovasi', 'Nama Inisiator', 'Jenis Inovasi', 'Bentuk Inovasi', 'Tematik', 'Urusan Utama', 'Urusan Lain', 'Waktu Uji Coba', 'Waktu Penerapan', 'Rancang Bangun', 'Tujuan', 'Manfaat', 'Hasil Inovasi', 'Skor Kematangan'],
			lan: ['id', 'judul_inovasi', 'tahun', 'inovator', 'unit_kerja', 'instansi_nama', 'agency_id_panrb', 'id_kabkot', 'kabkot_nama', 'provinsi_nama', 'tahap_5d', 'deskripsi', 'id_sdgs', 'sdgs_nama', 'updated_at']
		};
		for (const record of corpus.sourceRecords) {
			expect(Object.keys(record.raw)).toEqual(columns[record.source]);
			const id = record.source === 'panrb' ? record.raw['ID Inovasi'] : record.source === 'kemendagri' ? record.raw.ID : String(record.raw.id);
			expect(id).toBe(record.externalId);
		}
	});

	it('follows the intended distributions', () => {
		const n = corpus.innovations.length;
		const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;
		const stage = (s: string) => share(count(corpus.innovations, (i) => i.stage === s), n);
		expect(stage('pengembangan')).toBeCloseTo(0.45, 1);
		expect(stage('penciptaan')).toBeCloseTo(0.35, 1);
		expect(stage('pelembagaan')).toBeCloseTo(0.2, 1);

		const records = corpus.sourceRecords.length;
		const source = (s: string) => share(count(corpus.sourceRecords, (r) => r.source === s), records);
		expect(Math.abs(source('panrb') - 0.36)).toBeLessThan(0.03);
		expect(Math.abs(source('kemendagri') - 0.34)).toBeLessThan(0.03);
		expect(Math.abs(source('lan') - 0.3)).toBeLessThan(0.03);
		expect(records / n).toBeGreaterThan(1.25);
		expect(records / n).toBeLessThan(1.5);

		const awarded = (programme: string) =>
			share(new Set(corpus.awards.filter((a) => a.programme === programme).map((a) => a.innovationId)).size, n);
		expect(Math.abs(awarded('KIPP') - 0.12)).toBeLessThan(0.025);
		expect(Math.abs(awarded('IGA') - 0.08)).toBeLessThan(0.025);
		expect(awarded('PKRI')).toBeGreaterThan(0.005);
		expect(awarded('PKRI')).toBeLessThan(0.03);

		const centralShare = share(count(corpus.innovations, (i) => i.regionCode === null), n);
		expect(Math.abs(centralShare - 0.12)).toBeLessThan(0.02);
		const digital = share(count(corpus.innovations, (i) => i.isDigital), n);
		expect(digital).toBeGreaterThan(0.4);
		expect(digital).toBeLessThan(0.65);
		expect(new Set(corpus.innovations.map((i) => i.agencyId)).size).toBeGreaterThan(450);
		expect(new Set(corpus.innovations.map((i) => i.mainAffair)).size).toBeGreaterThan(30);
	});
});
