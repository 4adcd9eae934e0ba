import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from '../domain/search/search-index';
import { TextStore } from '../domain/search/text-store';
import { storeSearchCard } from '../presenters/search-hit-presenter';
import { warmUpRequests, warmUpSearch } from './warm-up-search';

const TOPICS = ['posyandu keliling', 'perekaman kependudukan', 'perizinan usaha daring', 'pengelolaan sampah desa', 'sekolah ibu hamil'];
const PLACES = [
	{ provinceCode: '53', provinceName: 'Nusa Tenggara Timur', regionCode: '53.09', regionName: 'Kabupaten Ngada' },
	{ provinceCode: '35', provinceName: 'Jawa Timur', regionCode: '35.15', regionName: 'Kabupaten Sidoarjo' }
];

function document(i: number): SearchDocument {
	return {
		id: `d${i}`,
		title: `${TOPICS[i % TOPICS.length]} ${i % 3 === 0 ? 'terpadu' : 'mandiri'}`,
		acronym: null,
		summary: 'Layanan jemput bola untuk warga.',
		rest: [],
		...PLACES[i % PLACES.length]!,
		agencyId: `a${i % 4}`,
		agencyKind: 'pemerintah_kabupaten',
		affair: i % 2 === 0 ? 'kesehatan' : 'administrasi_kependudukan',
		sdgs: [3],
		stage: i % 2 === 0 ? 'penciptaan' : 'pelembagaan',
		sources: ['panrb'],
		year: 2020 + (i % 4),
		awards: [],
		digital: i % 2 === 0,
		replicationCount: 0,
		sustained: false,
		createdAt: i
	};
}

function build(count: number): { index: SearchIndex; cards: TextStore } {
	const index = new SearchIndex();
	const cards = new TextStore();
	for (let i = 0; i < count; i++) {
		const doc = document(i);
		index.upsert(doc);
		cards.set(
			doc.id,
			storeSearchCard({
				id: doc.id,
				title: doc.title,
				acronym: null,
				summary: doc.summary,
				year_started: doc.year,
				stage: doc.stage as 'penciptaan',
				main_affair: doc.affair,
				sdgs: doc.sdgs,
				is_digital: doc.digital,
				agency_id: doc.agencyId,
				agency_name: 'Dinas',
				agency_kind: 'pemerintah_kabupaten',
				region_code: doc.regionCode,
				region_name: doc.regionName ?? null,
				award_summary: null,
				created_at: new Date(0),
				updated_at: new Date(0),
				replication_count: 0
			})
		);
	}
	index.seal();
	return { index, cards };
}

describe('warm-up of the search engine', () => {
	it('asks for every kind of search: several words, a typo, a place, each kind of filter, another order', () => {
		const { index } = build(400);
		const requests = warmUpRequests(index, 200);
		expect(requests.length).toBe(200);
		expect(requests.some((r) => r.q!.split(' ').length >= 3)).toBe(true);
		expect(requests.some((r) => index.parse(r.q!).corrected !== null)).toBe(true);
		expect(requests.some((r) => index.parse(r.q!).places.length > 0)).toBe(true);
		for (const filter of ['provinsi', 'tahap', 'digital', 'sdg', 'urusan', 'jenisInstansi']) {
			expect(requests.some((r) => filter in r.filters!)).toBe(true);
		}
		expect(requests.some((r) => r.sort === 'terbaru')).toBe(true);
		// The same requests every time: a start is reproducible.
		expect(warmUpRequests(index, 200)).toEqual(requests);
	});

	it('runs its searches on a large index and leaves a small one alone', async () => {
		const { index, cards } = build(5_000);
		const searched: number[] = [];
		const search = index.search.bind(index);
		index.search = (request) => {
			searched.push(1);
			return search(request);
		};
		expect(await warmUpSearch(index, cards, 60)).toBe(true);
		// One browse for the facet values, then the warm-up's searches.
		expect(searched.length).toBe(61);
		const small = build(100);
		let smallSearches = 0;
		small.index.search = () => {
			smallSearches++;
			throw new Error('not expected');
		};
		expect(await warmUpSearch(small.index, small.cards, 60)).toBe(false);
		expect(smallSearches).toBe(0);
	});
});
