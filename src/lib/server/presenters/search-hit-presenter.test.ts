import { describe, expect, it } from 'vitest';
import { buildSnippet, highlightAll, snippetText } from '../domain/search/snippet';
import { presentInnovationSummary } from './innovation-presenter';
import { presentSearchHitJson, readSearchCard, storeSearchCard, type SearchCardRow } from './search-hit-presenter';

function cardRow(overrides: Partial<SearchCardRow> = {}): SearchCardRow {
	return {
		id: '01HZX3K9Q2B7V4M8N6P5R3T1W0',
		title: 'Perekaman  KTP "Keliling"\tDesa',
		acronym: null,
		summary: 'Petugas   Dukcapil datang ke desa\n\nuntuk perekaman KTP elektronik warga lansia. ' + 'Warga tidak perlu ke kantor kecamatan. '.repeat(8),
		year_started: 2021,
		stage: 'pelembagaan',
		main_affair: 'administrasi_kependudukan',
		sdgs: [10, 16],
		is_digital: false,
		agency_id: 'ag-1',
		agency_name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ngada',
		agency_kind: 'pemerintah_kabupaten',
		region_code: '53.09',
		region_name: 'Kabupaten Ngada',
		award_summary: 'KIPP 2022 (Top 45)',
		created_at: new Date('2024-01-02T03:04:05.678Z'),
		updated_at: new Date('2025-06-07T08:09:10.111Z'),
		replication_count: 3,
		...overrides
	};
}

/** The hit as objects, field by field: what the prepared JSON must equal byte for byte. */
function hitObject(row: SearchCardRow, score: number, stems: ReadonlySet<string> | null) {
	const summary = presentInnovationSummary(row);
	const parts = buildSnippet(row.summary, stems ?? new Set());
	return {
		...summary,
		score,
		snippet: snippetText(parts),
		snippetParts: parts,
		titleParts: stems ? highlightAll(row.title, stems) : [{ text: row.title, mark: false }],
		replicationCount: row.replication_count
	};
}

describe('presentSearchHitJson', () => {
	it('is JSON.stringify of the hit, with the query words marked in the snippet and the title', () => {
		const row = cardRow();
		const stems = new Set(['ktp', 'rekam']);
		const json = presentSearchHitJson(readSearchCard(storeSearchCard(row)), 12.3456, stems);
		expect(json).toBe(JSON.stringify(hitObject(row, 12.3456, stems)));
		const hit = JSON.parse(json) as ReturnType<typeof hitObject>;
		expect(hit.titleParts.filter((part) => part.mark).map((part) => part.text)).toEqual(['Perekaman', 'KTP']);
		expect(hit.summary.endsWith('…')).toBe(true);
		expect(hit.summary).not.toMatch(/\s{2}/);
	});

	it('marks nothing without a query, and keeps nulls, an acronym and text that needs escaping', () => {
		const row = cardRow({
			acronym: 'SI "PERUT" LAPER',
			summary: 'Pendek \\ dengan "kutip" dan\u2028pemisah baris.',
			year_started: null,
			main_affair: null,
			is_digital: null,
			region_code: null,
			region_name: null,
			award_summary: null,
			replication_count: 0
		});
		const json = presentSearchHitJson(readSearchCard(storeSearchCard(row)), 0, null);
		expect(json).toBe(JSON.stringify(hitObject(row, 0, null)));
		expect(JSON.parse(json)).toMatchObject({ acronym: 'SI "PERUT" LAPER', region: null, titleParts: [{ text: row.title, mark: false }] });
	});
});
