import { defineEndpoint, methodsAllowed } from '$lib/server/api/define-endpoint';
import { replicationIdParams, replicationMessageBody } from '$lib/server/api/parameters';
import { ReplicationMessagePosted } from '$lib/server/api/responses';
import { loadConfig } from '$lib/server/config/env';
import { postReplicationMessage } from '$lib/server/services/post-replication-message';

export const POST = defineEndpoint({
	method: 'POST',
	path: '/api/v1/replications/{id}/messages',
	operationId: 'postReplicationMessage',
	tag: 'Replikasi',
	auth: 'required',
	status: 201,
	summary: 'Kirim pesan pada replikasi',
	description:
		'Pihak replikasi dan fasilitator menulis di percakapan replikasi, pada tahap apa pun; yang lain terlibat diberi tahu. Kurator hanya membaca. Yang tidak berhak melihat replikasi dijawab 404.',
	params: replicationIdParams,
	body: replicationMessageBody,
	response: ReplicationMessagePosted,
	errors: ['REPLICATION_NOT_FOUND', 'REPLICATION_PART_NOT_ALLOWED'],
	examples: {
		request: { params: { id: 'rep-7k2m9q4x1b' }, body: { body: 'Draf kesepakatan sudah kami unggah, mohon ditinjau.' } },
		invalid: { params: { id: 'rep-7k2m9q4x1b' }, body: { body: '   ' } }
	},
	handler: ({ db, actor, params, body, event }) =>
		postReplicationMessage(db, actor, params.id, { body: body.body }, { baseUrl: loadConfig().BASE_URL ?? event.url.origin })
});

export const fallback = methodsAllowed('POST');
