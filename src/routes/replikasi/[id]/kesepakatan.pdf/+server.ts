import { redirect } from '@sveltejs/kit';
import { throwPageError } from '$lib/server/http/page-errors';
import { fileDownload, signInPath } from '$lib/server/http/replication-pages';
import { renderReplicationAgreement } from '$lib/server/services/render-replication-agreement';
import type { RequestHandler } from './$types';

/** The agreement as a PDF (a draft until both sides confirm), for the parties and staff. */
export const GET: RequestHandler = async (event) => {
	const actor = event.locals.actor ?? null;
	if (!actor) redirect(303, signInPath(event.url));
	const pdf = await renderReplicationAgreement(event.locals.db.db, actor, event.params.id).catch(throwPageError);
	return fileDownload(pdf);
};
