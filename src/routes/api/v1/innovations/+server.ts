import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { innovationListQuery } from '$lib/server/api/parameters';
import { InnovationSearchPage } from '$lib/server/api/responses';
import { searchInnovations } from '$lib/server/services/search-innovations';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/innovations',
	operationId: 'listInnovations',
	tag: 'Inovasi',
	summary: 'Daftar dan pencarian inovasi',
	description:
		'Katalog inovasi yang belum dihapus, dengan filter yang sama seperti halaman Katalog, satu halaman sekaligus. Filter digabung dengan DAN. ' +
		'Dengan q, hasil diurutkan menurut relevansi (judul dan akronim di atas ringkasan di atas narasi lain; penghargaan, replikasi dan status berlanjut memecah seri) ' +
		'dan kata dicocokkan dengan kata dasarnya (kependudukan ~ penduduk), ejaan lain (ijin ~ izin), singkatan dua arah (KTP ~ kartu tanda penduduk) dan salah ketik ringan. ' +
		'Jawaban memuat jumlah per nilai setiap filter (facets).',
	query: innovationListQuery,
	response: InnovationSearchPage,
	examples: {
		request: { query: { q: 'ktp keliling', provinsi: '53', limit: '5' } },
		invalid: { query: { tahap: 'xyz' } }
	},
	handler: async ({ db, query: { limit, offset, sort, urutan, q, ...filters } }) => {
		const result = await searchInnovations(db, { q, filters, limit, offset, sort: urutan ?? sort });
		return {
			items: result.items,
			total: result.total,
			limit: result.limit,
			offset: result.offset,
			facets: result.facets!,
			sort: result.sort,
			didYouMean: result.didYouMean,
			partial: result.partial
		};
	}
});

export const fallback = methodNotAllowed;
