import { defineEndpoint, methodsAllowed } from '$lib/server/api/define-endpoint';
import { fileReplicationBody, replicationListQuery } from '$lib/server/api/parameters';
import { ReplicationPage, ReplicationStepResult } from '$lib/server/api/responses';
import { loadConfig } from '$lib/server/config/env';
import { presentReplicationList, replicationLinks } from '$lib/server/presenters/replication-presenter';
import { fileReplicationInterest } from '$lib/server/services/file-replication-interest';
import { listReplications } from '$lib/server/services/list-replications';

export const GET = defineEndpoint({
	method: 'GET',
	path: '/api/v1/replications',
	operationId: 'listReplications',
	tag: 'Replikasi',
	auth: 'optional',
	summary: 'Daftar replikasi',
	description:
		'Publik: replikasi yang sudah selesai, sebagai ringkasan. Dengan cookie sesi juga replikasi yang boleh Anda lihat rinciannya (instansi Anda sebagai asal inovasi atau replikator, hub Anda, atau semuanya untuk admin dan kurator), ' +
		'atau salah satu kotak Anda dengan parameter kotak. Setiap item menyebut access: public (ringkasan) atau private (dengan kolom tambahan). Yang terakhir berubah lebih dulu.',
	query: replicationListQuery,
	response: ReplicationPage,
	errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
	examples: {
		request: { query: { instansi: 'pemkab-53.10', jenis: 'sebagian', limit: '10' } },
		invalid: { query: { jenis: 'semua' } }
	},
	handler: async ({ db, actor, query }) =>
		presentReplicationList(
			await listReplications(db, actor, {
				box: query.kotak,
				innovationId: query.inovasi,
				agencyId: query.instansi,
				kind: query.jenis,
				state: query.tahap,
				limit: query.limit,
				offset: query.offset
			})
		)
});

export const POST = defineEndpoint({
	method: 'POST',
	path: '/api/v1/replications',
	operationId: 'fileReplicationInterest',
	tag: 'Replikasi',
	auth: 'required',
	status: 201,
	summary: 'Ajukan minat replikasi',
	description:
		'Operator mengajukan minat instansinya untuk mereplikasi inovasi instansi lain; admin mengajukan atas nama instansi yang disebut (replicatorAgencyId). Replikasi baru berada pada tahap minat. ' +
		'Ditolak untuk inovasi instansi sendiri, inovasi yang dihapus, atau bila instansi itu masih punya replikasi inovasi yang sama yang belum ditutup. Surat minat diunggah di halaman replikasi.',
	body: fileReplicationBody,
	response: ReplicationStepResult,
	errors: [
		'FORBIDDEN',
		'INNOVATION_NOT_FOUND',
		'AGENCY_NOT_FOUND',
		'REPLICATION_OWN_INNOVATION',
		'REPLICATION_ALREADY_OPEN',
		'REPLICATION_AGENCY_REQUIRED'
	],
	examples: {
		request: {
			body: {
				innovationId: 'inv-7k2m9q4x1b',
				kind: 'sebagian',
				interestScope: 'Alur layanan jemput bola dan aplikasi antreannya, tanpa modul pembayaran.',
				interestReason: 'Desa-desa kami jauh dari kantor pelayanan, seperti masalah yang diselesaikan inovasi ini.'
			}
		},
		invalid: { body: { innovationId: 'inv-7k2m9q4x1b', kind: 'penuh', interestScope: 'Semua.', interestReason: 'Kami butuh.' } }
	},
	handler: async ({ db, actor, rawBody, event }) => {
		const done = await fileReplicationInterest(db, actor, rawBody, { baseUrl: loadConfig().BASE_URL ?? event.url.origin });
		return { ...done, url: replicationLinks.api(done.id) };
	}
});

export const fallback = methodsAllowed('GET', 'POST');
