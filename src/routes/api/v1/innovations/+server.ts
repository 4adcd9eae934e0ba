import { defineEndpoint, methodsAllowed } from '$lib/server/api/define-endpoint';
import { createInnovationBody, innovationListQuery } from '$lib/server/api/parameters';
import { InnovationSearchPage, InnovationWriteResult } from '$lib/server/api/responses';
import { createInnovation, similarInnovationsError } from '$lib/server/services/create-innovation';
import { searchInnovationsAnswer } from '$lib/server/services/search-innovations';

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
	presented: true,
	// The catalogue search: answered before SvelteKit by `serve` (see direct-routes.ts).
	direct: true,
	headers: {
		'Server-Timing':
			'Rencana dan waktu mesin pencari saat jawaban dihitung, mis. search;dur=2.4;desc="semua-kata" (satu-klausa, semua-kata, sebagian, tanpa-kueri); jawaban dari cache mengulang nilainya.'
	},
	examples: {
		request: { query: { q: 'ktp keliling', provinsi: '53', limit: '5' } },
		invalid: { query: { tahap: 'xyz' } }
	},
	handler: async ({ db, event, query: { limit, offset, sort, urutan, q, ...filters } }) => {
		const { answer, timing } = await searchInnovationsAnswer(db, { q, filters, limit, offset, sort: urutan ?? sort });
		// The engine's plan and time (from when the answer was computed; cached answers repeat it),
		// shown by browsers' developer tools and read by the search benchmark.
		event.setHeaders({ 'server-timing': `search;dur=${timing.engineMs};desc="${timing.plan}"` });
		// presentSearchPage's answer, serialised once by the search service.
		return answer;
	}
});

export const POST = defineEndpoint({
	method: 'POST',
	path: '/api/v1/innovations',
	operationId: 'createInnovation',
	tag: 'Inovasi',
	auth: 'required',
	status: 201,
	summary: 'Tambah inovasi',
	description:
		'Operator instansi menambah inovasi instansinya sendiri (agencyId boleh dikosongkan; instansi lain ditolak 403); admin dan kurator menyebut instansinya. Wilayah inovasi mengikuti wilayah instansi, dan setiap nilai dicatat sebagai isian manual di asal data. ' +
		'Agar tidak tercatat dua kali, inovasi yang judulnya sama atau hampir sama dengan inovasi yang sudah ada ditolak dengan 409 SIMILAR_INNOVATIONS_FOUND (details: id dan judul inovasi itu); bila memang berbeda, kirim lagi dengan confirmSimilar: true.',
	body: createInnovationBody,
	response: InnovationWriteResult,
	errors: ['FORBIDDEN', 'AGENCY_NOT_FOUND', 'INNOVATION_AGENCY_REQUIRED', 'SIMILAR_INNOVATIONS_FOUND'],
	examples: {
		request: {
			body: {
				title: 'Antrean Puskesmas Daring',
				summary: 'Warga mengambil nomor antrean puskesmas dari rumah lewat SMS atau aplikasi, lalu datang saat gilirannya tiba.',
				yearStarted: 2023,
				mainAffair: 'kesehatan',
				sdgs: [3],
				isDigital: true
			}
		},
		invalid: { body: { title: 'AB', summary: 'Antrean.' } }
	},
	handler: async ({ db, actor, rawBody }) => {
		const { confirmSimilar, ...fields } = rawBody;
		const outcome = await createInnovation(db, actor, fields, { stopOn: confirmSimilar === true ? 'never' : 'strong' });
		if (!outcome.created) throw similarInnovationsError(outcome.similar);
		return { id: outcome.id, version: outcome.version, url: `/api/v1/innovations/${outcome.id}` };
	}
});

export const fallback = methodsAllowed('GET', 'POST');
