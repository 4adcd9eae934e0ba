import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from './search-index';
import { SynonymTable } from './synonyms';

const base: Omit<SearchDocument, 'id' | 'title'> = {
	acronym: null,
	summary: '',
	rest: [],
	provinceCode: '53',
	regionCode: '53.09',
	agencyId: 'pemkab-53.09',
	agencyKind: 'pemerintah_kabupaten',
	affair: 'kesehatan',
	sdgs: [3],
	stage: 'penciptaan',
	sources: ['panrb'],
	year: 2022,
	awards: [],
	digital: true,
	replicationCount: 0,
	sustained: false,
	createdAt: 0
};
const doc = (id: string, title: string, extra: Partial<SearchDocument> = {}): SearchDocument => ({ ...base, id, title, ...extra });

function build(): SearchIndex {
	const index = new SearchIndex();
	index.upsert(doc('a', 'Pelayanan Kartu Tanda Penduduk Keliling', { summary: 'Perekaman KTP di desa.', createdAt: 3 }));
	index.upsert(doc('b', 'Posyandu Keliling', { summary: 'Layanan kesehatan keliling.', provinceCode: '35', regionCode: '35.15', createdAt: 2 }));
	index.upsert(doc('c', 'Sekolah Ibu', { summary: 'Kelas ibu.', affair: 'pendidikan', digital: false, createdAt: 1, awards: ['KIPP'] }));
	index.upsert(doc('d', 'SI PERUT LAPER', { acronym: 'SI PERUT LAPER', summary: 'Perlindungan pekerja.', createdAt: 4, replicationCount: 2 }));
	index.seal();
	index.synonyms = new SynonymTable([{ term: 'KTP', expansion: 'kartu tanda penduduk' }]);
	return index;
}

describe('SearchIndex', () => {
	it('ranks title matches first and requires every word', () => {
		const index = build();
		expect(index.search({ q: 'keliling' }).hits.map((h) => h.id).sort()).toEqual(['a', 'b']);
		expect(index.search({ q: 'ktp keliling' }).hits.map((h) => h.id)).toEqual(['a']);
		expect(index.search({ q: 'si perut laper' }).hits[0]!.id).toBe('d');
	});

	it('filters and counts facets with the other filters applied', () => {
		const index = build();
		const result = index.search({ q: 'keliling', filters: { provinsi: '53' } });
		expect(result.hits.map((h) => h.id)).toEqual(['a']);
		expect(result.total).toBe(1);
		expect(result.facets!.provinsi).toEqual([
			{ value: '35', count: 1 },
			{ value: '53', count: 1 }
		]);
		expect(result.facets!.digital).toEqual([{ value: 'ya', count: 1 }]);
		const all = index.search({});
		expect(all.total).toBe(4);
		expect(all.facets!.penghargaan).toEqual([
			{ value: 'ada', count: 1 },
			{ value: 'KIPP', count: 1 }
		]);
		expect(index.search({ filters: { provinsi: '99' } }).total).toBe(0);
	});

	it('sorts by newest and most replicated, pages with offset', () => {
		const index = build();
		expect(index.search({ sort: 'terbaru' }).hits.map((h) => h.id)).toEqual(['d', 'a', 'b', 'c']);
		expect(index.search({ sort: 'replikasi', limit: 1 }).hits.map((h) => h.id)).toEqual(['d']);
		expect(index.search({ sort: 'terbaru', limit: 2, offset: 2 }).hits.map((h) => h.id)).toEqual(['b', 'c']);
		expect(index.search({ sort: 'judul', limit: 1 }).hits.map((h) => h.id)).toEqual(['a']);
	});

	it('re-indexes updated documents and drops removed ones (delta after sealing)', () => {
		const index = build();
		index.upsert(doc('b', 'Posyandu Remaja', { createdAt: 2 }));
		index.upsert(doc('e', 'Ambulans Keliling Desa', { createdAt: 5 }));
		expect(index.search({ q: 'keliling' }).hits.map((h) => h.id).sort()).toEqual(['a', 'e']);
		expect(index.remove('a')).toBe(true);
		expect(index.remove('a')).toBe(false);
		expect(index.search({ q: 'keliling' }).hits.map((h) => h.id)).toEqual(['e']);
		expect(index.size).toBe(4);
		expect(index.stats().deltaDocuments).toBe(2);
	});

	it('suggests similar documents, not itself', () => {
		const index = build();
		const similar = index.similar('b', { title: 'Posyandu Keliling', summary: 'Layanan kesehatan keliling.' }, 3);
		expect(similar.map((h) => h.id)).not.toContain('b');
		expect(similar[0]!.id).toBe('a');
	});
});
