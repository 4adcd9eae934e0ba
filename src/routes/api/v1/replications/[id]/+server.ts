import { defineEndpoint, methodNotAllowed } from '$lib/server/api/define-endpoint';
import { replicationIdParams } from '$lib/server/api/parameters';
import { Replication } from '$lib/server/api/responses';
import { presentReplication } from '$lib/server/presenters/replication-presenter';
import { getReplication } from '$lib/server/services/get-replication';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/replications/{id}',
	operationId: 'getReplication',
	tag: 'Replikasi',
	auth: 'optional',
	summary: 'Satu replikasi',
	description:
		'Publik: ringkasan replikasi yang sudah selesai, dengan alamat sertifikatnya. Pihak replikasi, fasilitator, admin dan kurator (cookie sesi) menerima rinciannya: kesepakatan, rencana adaptasi, laporan pemantauan, dokumen (dengan alamat unduhan), percakapan, linimasa, dan langkah yang boleh diambil sekarang. ' +
		'Replikasi yang belum selesai dijawab 404 bagi yang lain, sama seperti id yang tidak ada.',
	params: replicationIdParams,
	response: Replication,
	errors: ['REPLICATION_NOT_FOUND'],
	examples: { request: { params: { id: 'rep-7k2m9q4x1b' } }, invalid: { params: { id: '123' } } },
	handler: async ({ db, actor, params }) => presentReplication(await getReplication(db, actor, params.id))
});

export const fallback = methodNotAllowed;
