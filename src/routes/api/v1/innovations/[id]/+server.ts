import { defineEndpoint, methodsAllowed } from '$lib/server/api/define-endpoint';
import { deleteInnovationQuery, innovationIdParams, updateInnovationBody } from '$lib/server/api/parameters';
import { InnovationProfile, InnovationWriteResult } from '$lib/server/api/responses';
import { deleteInnovation } from '$lib/server/services/delete-innovation';
import { getInnovationDetails } from '$lib/server/services/get-innovation-details';
import { updateInnovation } from '$lib/server/services/update-innovation';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/innovations/{id}',
	operationId: 'getInnovation',
	tag: 'Inovasi',
	summary: 'Detail satu inovasi',
	description:
		'Satu inovasi selengkapnya beserta penghargaan, rekaman sumber dan inovasi serupa. Data narahubung tidak disertakan (contact selalu null).',
	params: innovationIdParams,
	response: InnovationProfile,
	errors: ['INNOVATION_NOT_FOUND'],
	examples: { request: { params: { id: 'inv-7k2m9q4x1b' } }, invalid: { params: { id: 'abc' } } },
	handler: ({ db, params }) => getInnovationDetails(db, params.id, { includeContact: false })
});

export const PATCH = defineEndpoint({
	method: 'PATCH',
	path: '/api/v1/innovations/{id}',
	operationId: 'updateInnovation',
	tag: 'Inovasi',
	auth: 'required',
	summary: 'Ubah inovasi',
	description:
		'Mengubah kolom yang dikirim saja (kolom lain tetap), oleh operator instansi pemilik inovasi, admin atau kurator; instansi lain ditolak 403. ' +
		'Kirim version yang terakhir Anda lihat: bila orang lain sudah mengubahnya, jawabannya 409 STALE_VERSION dan tidak ada yang berubah. ' +
		'Setiap perubahan masuk riwayat inovasi (nilai lama dan baru, alasan) dan kolom yang diubah dicatat sebagai isian manual.',
	params: innovationIdParams,
	body: updateInnovationBody,
	response: InnovationWriteResult,
	errors: ['FORBIDDEN', 'INNOVATION_NOT_FOUND', 'STALE_VERSION'],
	examples: {
		request: {
			params: { id: 'inv-7k2m9q4x1b' },
			body: { version: 3, stage: 'pelembagaan', regulationRef: 'Perbup Ngada 12/2024', reason: 'Perbup terbit Maret 2024.' }
		},
		invalid: { params: { id: 'inv-7k2m9q4x1b' }, body: { version: 'tiga', title: 'Antrean Puskesmas Daring' } }
	},
	handler: async ({ db, actor, params, body, rawBody }) => {
		// The service parses the changes itself (same schema and messages as the edit form).
		const { version: _version, reason: _reason, ...changes } = rawBody;
		const done = await updateInnovation(db, actor, { id: params.id, expectedVersion: body.version, changes, reason: body.reason });
		return { id: params.id, version: done.version, changed: done.changed, url: `/api/v1/innovations/${params.id}` };
	}
});

export const DELETE = defineEndpoint({
	method: 'DELETE',
	path: '/api/v1/innovations/{id}',
	operationId: 'deleteInnovation',
	tag: 'Inovasi',
	auth: 'required',
	summary: 'Hapus inovasi',
	description:
		'Menghapus inovasi dari katalog dan API, oleh operator instansi pemiliknya, admin atau kurator; instansi lain ditolak 403. Tidak ada data yang hilang: ' +
		'penghapusan dan alasannya masuk riwayat, dan admin nasional dapat memulihkannya di halaman inovasi. Kirim version yang terakhir Anda lihat (STALE_VERSION bila sudah berubah).',
	params: innovationIdParams,
	query: deleteInnovationQuery,
	response: InnovationWriteResult,
	errors: ['FORBIDDEN', 'INNOVATION_NOT_FOUND', 'STALE_VERSION', 'ALREADY_DELETED'],
	examples: {
		request: { params: { id: 'inv-7k2m9q4x1b' }, query: { version: '4', reason: 'Tercatat dua kali; data ada di inovasi inv-3m8d2k7p9q.' } },
		invalid: { params: { id: 'inv-7k2m9q4x1b' }, query: { version: '4', reason: 'dup' } }
	},
	handler: async ({ db, actor, params, query }) => {
		const done = await deleteInnovation(db, actor, { id: params.id, expectedVersion: query.version, reason: query.reason });
		return { id: params.id, version: done.version, url: `/api/v1/innovations/${params.id}` };
	}
});

export const fallback = methodsAllowed('GET', 'PATCH', 'DELETE');
