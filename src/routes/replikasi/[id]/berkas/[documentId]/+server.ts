import { redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { throwPageError } from '$lib/server/http/page-errors';
import { fileDownload, replicationFileStore, signInPath } from '$lib/server/http/replication-pages';
import { getReplicationDocument } from '$lib/server/services/get-replication-document';
import type { RequestHandler } from './$types';

/** One replication document, for those who may read the replication's private details. */
export const GET: RequestHandler = async (event) => {
	const actor = event.locals.actor ?? null;
	if (!actor) redirect(303, signInPath(event.url));
	const document = await getReplicationDocument(event.locals.db.db, actor, event.params.documentId, { store: replicationFileStore() }).catch(
		throwPageError
	);
	// A document is only found under its own replication's address.
	if (document.replicationId !== event.params.id) throwPageError(new AppError('DOCUMENT_NOT_FOUND'));
	return fileDownload(document);
};
