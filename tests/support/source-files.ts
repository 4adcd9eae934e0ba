import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { importSourceFile } from '../../src/lib/server/services/import-source-file';

/**
 * Small source exports written by tests, imported through importSourceFile like a real file, so
 * that links, review pairs, quarantined rows and provenance come out as production makes them.
 */

export interface PanrbRow {
	id: string;
	title: string;
	agency?: string;
	agencyKind?: string;
	province?: string;
	year?: number;
	level?: string;
	startedOn?: string;
	summary?: string;
	problem?: string;
}

export interface LanRow {
	id: number | string;
	title: string;
	year?: number | null;
	agency?: string | null;
	regionCode?: string | null;
	regionName?: string | null;
	province?: string | null;
	stage?: string | null;
	description?: string;
	innovator?: string | null;
}

const PANRB_HEADERS = [
	'ID Inovasi',
	'Judul Inovasi',
	'Instansi',
	'Jenis Instansi',
	'Provinsi',
	'Tahun Kompetisi',
	'Kelompok',
	'Predikat',
	'Tanggal Mulai Implementasi',
	'Ringkasan',
	'Latar Belakang dan Tujuan'
];

const csvCell = (value: unknown) => {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function panrbCsv(rows: PanrbRow[]): Uint8Array {
	const lines = [PANRB_HEADERS.join(',')];
	for (const r of rows) {
		lines.push(
			[
				r.id,
				r.title,
				r.agency ?? 'Pemerintah Kabupaten Ngada',
				r.agencyKind ?? 'Pemerintah Kabupaten',
				r.province ?? 'Nusa Tenggara Timur',
				r.year ?? 2022,
				'Umum',
				r.level ?? '',
				r.startedOn ?? '2021-03-01',
				r.summary ?? '',
				r.problem ?? ''
			]
				.map(csvCell)
				.join(',')
		);
	}
	return new TextEncoder().encode(lines.join('\n') + '\n');
}

export function lanJson(rows: LanRow[]): Uint8Array {
	return new TextEncoder().encode(
		JSON.stringify(
			rows.map((r) => ({
				id: r.id,
				judul_inovasi: r.title,
				tahun: r.year === undefined ? 2022 : r.year,
				inovator: r.innovator === undefined ? 'Maria Goreti' : r.innovator,
				unit_kerja: 'Dinas Kesehatan',
				instansi_nama: r.agency === undefined ? 'Pemerintah Kabupaten Ngada' : r.agency,
				agency_id_panrb: null,
				id_kabkot: r.regionCode === undefined ? '53.09' : r.regionCode,
				kabkot_nama: r.regionName === undefined ? null : r.regionName,
				provinsi_nama: r.province === undefined ? 'Nusa Tenggara Timur' : r.province,
				tahap_5d: r.stage === undefined ? 'deliver' : r.stage,
				deskripsi: r.description ?? '',
				id_sdgs: 3,
				sdgs_nama: 'Kehidupan Sehat dan Sejahtera',
				updated_at: '2023-01-10T00:00:00+07:00'
			}))
		)
	);
}

let stopWords: Set<string> | undefined;
export function sharedStopWords(): Set<string> {
	stopWords ??= new Set(
		readFileSync(path.resolve(import.meta.dirname, '../../../shared/data/bahasa/stopwords-id.txt'), 'utf8')
			.split(/\r?\n/)
			.map((word) => word.trim().toLowerCase())
			.filter(Boolean)
	);
	return stopWords;
}

export function importPanrb(db: Kysely<DB>, rows: PanrbRow[], fileName = 'panrb-uji.csv') {
	return importSourceFile(db, { source: 'panrb', fileName, bytes: panrbCsv(rows), actor: 'test', stopWords: sharedStopWords() });
}

export function importLan(db: Kysely<DB>, rows: LanRow[], fileName = 'lan-uji.json') {
	return importSourceFile(db, { source: 'lan', fileName, bytes: lanJson(rows), actor: 'test', stopWords: sharedStopWords() });
}
