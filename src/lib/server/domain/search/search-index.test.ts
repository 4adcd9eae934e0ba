import { describe, expect, it, vi } from 'vitest';
import { SearchIndex, type SearchDocument } from './search-index';
import { SynonymTable } from './synonyms';
import { REGION_FACET_LIMIT, sortFacetCounts } from './facets';

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
	it('gives queries typed differently that search the same one key, and others their own', () => {
		const index = build();
		const key = (q: string) => index.queryKey(index.parse(q));
		expect(key('Posyandu KELILING')).toBe(key('posyandu keliling'));
		expect(key('posyandu kelilinf')).toBe(key('posyandu keliling'));
		expect(key('posyandu')).not.toBe(key('posyandu keliling'));
		expect(key('si perut laper')).not.toBe(key('perut laper'));
		const typed = index.search({ q: 'posyandu kelilinf' });
		expect(index.search({ q: 'posyandu keliling' }).hits).toEqual(typed.hits);
		expect(typed.corrected).toBe('posyandu keliling');
	});

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

	it('counts every facet value as many documents as filtering by that value finds', () => {
		// The facet pass reads packed columns; the filters read the plain ones: they must agree.
		const index = new SearchIndex();
		const kinds = ['kementerian', 'pemerintah_kabupaten', 'pemerintah_kota', 'bumd'];
		const stages = ['penciptaan', 'pengembangan', 'pelembagaan'];
		let seed = 7;
		const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
		for (let i = 0; i < 300; i++) {
			const province = ['53', '35', '11'][next(3)]!;
			index.upsert(
				doc(`d${i}`, `Layanan Keliling ${i}`, {
					provinceCode: province,
					regionCode: `${province}.0${1 + next(3)}`,
					agencyKind: kinds[next(kinds.length)]!,
					affair: ['kesehatan', 'pendidikan', null][next(3)]!,
					sdgs: [1 + next(17), 1 + next(17)],
					stage: stages[next(3)]!,
					sources: [['panrb'], ['lan', 'kemendagri'], ['panrb', 'kemendagri', 'lan']][next(3)]!,
					year: 2010 + next(15),
					awards: [[], ['KIPP'], ['IGA', 'LAINNYA'], ['PKRI']][next(4)]!,
					digital: [true, false, null][next(3)]!,
					replicationCount: next(3)
				})
			);
		}
		index.seal();
		const facets = index.search({ q: 'keliling', limit: 0 }).facets!;
		let checked = 0;
		for (const [name, values] of Object.entries(facets)) {
			for (const { value, count } of values) {
				const filter = name === 'sdg' || name === 'tahun' ? Number(value) : value;
				expect([name, value, index.search({ q: 'keliling', filters: { [name]: filter }, limit: 0 }).total]).toEqual([name, value, count]);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(50);
	});

	it('counts facets alike over small, mid-sized and large match sets, regions in display order', () => {
		// Large sets are counted per combination of values, mid-sized ones per (province, region)
		// pair, small ones per document: each count must equal the total filtering by that value.
		const index = new SearchIndex();
		const affairs = Array.from({ length: 40 }, (_, i) => `urusan-${i}`);
		let seed = 11;
		const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
		const regions = new Set<string>();
		for (let i = 0; i < 1500; i++) {
			const province = String(11 + next(30));
			const region = `${province}.${10 + next(6)}`;
			regions.add(region);
			const words = ['semua', i % 5 === 0 ? 'separuh' : '', i % 12 === 0 ? 'sedikit' : ''].join(' ');
			index.upsert(
				doc(`d${i}`, words, {
					provinceCode: province,
					regionCode: next(20) === 0 ? null : region,
					affair: next(10) === 0 ? null : affairs[next(affairs.length)]!,
					sdgs: [1 + next(17), 1 + next(17)],
					year: 2000 + next(25),
					awards: [[], ['KIPP'], ['IGA', 'LAINNYA']][next(3)]!,
					digital: [true, false, null][next(3)]!,
					replicationCount: next(2)
				})
			);
		}
		index.seal();
		for (const q of ['semua', 'separuh', 'sedikit']) {
			const facets = index.search({ q, limit: 0 }).facets!;
			for (const [name, values] of Object.entries(facets)) {
				for (const { value, count } of values) {
					const filter = name === 'sdg' || name === 'tahun' ? Number(value) : value;
					expect([q, name, value, index.search({ q, filters: { [name]: filter }, limit: 0 }).total]).toEqual([q, name, value, count]);
				}
			}
			const everyRegion = [...regions]
				.map((value) => ({ value, count: index.search({ q, filters: { wilayah: value }, limit: 0 }).total }))
				.filter((f) => f.count > 0);
			expect(facets.wilayah).toEqual(sortFacetCounts('wilayah', everyRegion));
			expect(facets.wilayah.length).toBe(Math.min(REGION_FACET_LIMIT, everyRegion.length));
		}
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

	it('reads a place name as a region intent: that region first, then its province, never required', () => {
		const index = new SearchIndex();
		const place = (regionCode: string, regionName: string, provinceCode: string, provinceName: string) => ({ regionCode, regionName, provinceCode, provinceName });
		index.upsert(doc('ngada', 'Posyandu Ngada', place('53.09', 'Kabupaten Ngada', '53', 'Nusa Tenggara Timur')));
		index.upsert(doc('ntt', 'Cegah Stunting Desa', { ...place('53.10', 'Kabupaten Manggarai', '53', 'Nusa Tenggara Timur'), createdAt: 1 }));
		index.upsert(doc('jatim', 'Cegah Stunting Keliling Terpadu', { ...place('35.15', 'Kabupaten Sidoarjo', '35', 'Jawa Timur'), createdAt: 2 }));
		index.upsert(doc('magelang', 'Cegah Stunting', { ...place('33.71', 'Kota Magelang', '33', 'Jawa Tengah'), createdAt: 3 }));
		index.seal();
		// No stunting innovation in Ngada: the one elsewhere in its province first, Ngada's posyandu not at all.
		expect(index.search({ q: 'stunting ngada' }).hits[0]!.id).toBe('ntt');
		expect(index.search({ q: 'stunting ngada' }).hits.map((h) => h.id)).not.toContain('ngada');
		expect(index.search({ q: 'cegah stunting jawa timur' }).hits[0]!.id).toBe('jatim');
		expect(index.search({ q: 'pencegahan stunting kota magelang' }).hits[0]!.id).toBe('magelang');
		// A place alone is still searched as words.
		expect(index.search({ q: 'ngada' }).hits.map((h) => h.id)).toEqual(['ngada']);
	});

	it('fills the page with documents that have most of the words, after those that have all', () => {
		const index = new SearchIndex();
		index.upsert(doc('all', 'Pengaduan Warga Berbasis WhatsApp', { createdAt: 1 }));
		index.upsert(doc('two', 'Pengaduan Jalan Rusak', { summary: 'Laporan lewat WhatsApp.', createdAt: 2 }));
		index.upsert(doc('one', 'Pengaduan Pajak', { createdAt: 3 }));
		index.seal();
		const result = index.search({ q: 'pengaduan warga whatsapp' });
		expect(result.hits.map((h) => h.id)).toEqual(['all', 'two']);
		expect(result.partial).toBe(false);
		expect(result.total).toBe(2);
	});

	it('counts an innovation\'s name once, in the acronym field', () => {
		const index = new SearchIndex();
		index.upsert(doc('name', 'SAMPAH BERDAYA (Bank Sampah Desa)', { acronym: 'SAMPAH BERDAYA', summary: 'SAMPAH BERDAYA mengelola sampah desa.' }));
		index.upsert(doc('topic', 'Pemberdayaan Masyarakat Desa', { summary: 'Pemberdayaan BUMDes di desa.' }));
		index.seal();
		expect(index.search({ q: 'pemberdayaan desa' }).hits[0]!.id).toBe('topic');
		expect(index.search({ q: 'sampah berdaya' }).hits[0]!.id).toBe('name');
	});
});

describe('SearchIndex at size (rarest word first, dense columns for common words, place fill)', () => {
	// 6,000 documents: every one says "pelayanan" (dense column), every 7th "keliling", every
	// 50th "sampah"; every 10th lies in 35.15 (Sidoarjo), the rest in 53.09.
	function large(): SearchIndex {
		const index = new SearchIndex();
		for (let i = 0; i < 6000; i++) {
			const words = ['pelayanan', i % 7 === 0 ? 'keliling' : 'tetap', i % 50 === 0 ? 'sampah' : 'warga'];
			const inSidoarjo = i % 10 === 0;
			index.upsert(
				doc(`d${i}`, words.join(' '), {
					createdAt: i,
					provinceCode: inSidoarjo ? '35' : '53',
					regionCode: inSidoarjo ? '35.15' : '53.09',
					regionName: inSidoarjo ? 'Kabupaten Sidoarjo' : 'Kabupaten Ngada',
					provinceName: inSidoarjo ? 'Jawa Timur' : 'Nusa Tenggara Timur'
				})
			);
		}
		index.seal();
		return index;
	}
	const expected = (test: (i: number) => boolean) => Array.from({ length: 6000 }, (_, i) => i).filter(test).map((i) => `d${i}`).sort();

	it('finds exactly the documents with every word, whichever path evaluates them', () => {
		const index = large();
		const both = expected((i) => i % 7 === 0 && i % 50 === 0);
		const result = index.search({ q: 'pelayanan keliling sampah', limit: 10 });
		expect(index.lastPlan).toBe('semua-kata');
		expect(result.total).toBe(both.length);
		for (const hit of result.hits) expect(both).toContain(hit.id);
		// Fewer than a page with every word: partial matches are ranked too.
		expect(index.search({ q: 'pelayanan keliling sampah', limit: 100 }).total).toBeGreaterThan(both.length);
		expect(index.lastPlan).toBe('sebagian');
		expect(index.search({ q: 'keliling pelayanan', limit: 0 }).total).toBe(expected((i) => i % 7 === 0).length);
		expect(index.search({ q: 'keliling pelayanan', limit: 0 }).facets!.wilayah).toEqual([
			{ value: '53.09', count: expected((i) => i % 7 === 0 && i % 10 !== 0).length },
			{ value: '35.15', count: expected((i) => i % 7 === 0 && i % 10 === 0).length }
		]);
	});

	it('a word nothing has leaves the others, marked partial', () => {
		const index = large();
		const result = index.search({ q: 'sampah qqqzzz', limit: 0 });
		expect(result.total).toBe(expected((i) => i % 50 === 0).length);
		expect(result.partial).toBe(true);
	});

	it('partial matches found from the rarer words and the place equal those found from every posting', () => {
		// Equal creation times: ties are ordered by how the matches were met, which must not change.
		const index = new SearchIndex();
		for (let i = 0; i < 6000; i++) {
			const words = ['pelayanan', i % 7 === 0 ? 'keliling' : 'tetap', i % 50 === 0 ? 'sampah' : 'warga', i % 3 === 0 ? 'desa' : 'kota'];
			const inSidoarjo = i % 10 === 0;
			index.upsert(
				doc(`d${i}`, words.join(' '), {
					summary: i % 11 === 0 ? 'sampah desa keliling' : '',
					provinceCode: inSidoarjo ? '35' : '53',
					regionCode: inSidoarjo ? '35.15' : '53.09',
					regionName: inSidoarjo ? 'Kabupaten Sidoarjo' : 'Kabupaten Ngada',
					provinceName: inSidoarjo ? 'Jawa Timur' : 'Nusa Tenggara Timur'
				})
			);
		}
		index.seal();
		// Changed after sealing: their words come from the delta, after the main postings.
		for (let i = 0; i < 6000; i += 97) index.upsert(doc(`d${i}`, 'pelayanan keliling sampah desa', { regionCode: '35.15', provinceCode: '35', regionName: 'Kabupaten Sidoarjo' }));
		index.remove('d1');
		const queries = [
			'pelayanan keliling sampah sidoarjo',
			'pelayanan tetap warga sampah ngada',
			'keliling sampah desa kota sidoarjo',
			'pelayanan keliling sampah desa',
			'tetap warga desa kota',
			'keliling sampah desa jawa timur'
		];
		const gatherAll = vi.spyOn(index as unknown as { gatherAllMatches(): void }, 'gatherAllMatches');
		let pruned = 0;
		for (const q of queries) {
			for (const filters of [{}, { provinsi: '35' }]) {
				const request = { q, filters, limit: 1000, facets: true };
				index.pruneMatches = false;
				const long = index.search(request);
				index.pruneMatches = true;
				gatherAll.mockClear();
				const short = index.search(request);
				expect(short, q).toEqual(long);
				if (index.lastPlan === 'sebagian' && gatherAll.mock.calls.length === 0) pruned++;
			}
		}
		// The pruned way ran, and gave the same answers.
		expect(pruned).toBeGreaterThanOrEqual(6);
	});

	it('with a place named, its documents missing a word rank level with full matches elsewhere', () => {
		const index = large();
		const result = index.search({ q: 'keliling sampah sidoarjo', limit: 1000 });
		const ids = new Set(result.hits.map((h) => h.id));
		// Every document with both words, and Sidoarjo's with one of them.
		for (const id of expected((i) => i % 7 === 0 && i % 50 === 0)) expect(ids.has(id)).toBe(true);
		for (const id of expected((i) => i % 10 === 0 && (i % 7 === 0 || i % 50 === 0))) expect(ids.has(id)).toBe(true);
		expect(ids.has('d7')).toBe(false);
		// Both words in Sidoarjo first.
		expect(expected((i) => i % 350 === 0 && i % 10 === 0)).toContain(result.hits[0]!.id);
	});
});
