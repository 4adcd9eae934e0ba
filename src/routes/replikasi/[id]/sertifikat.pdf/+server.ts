import { throwPageError } from '$lib/server/http/page-errors';
import { fileDownload, siteBaseUrl } from '$lib/server/http/replication-pages';
import { renderReplicationCertificate } from '$lib/server/services/render-replication-certificate';
import type { RequestHandler } from './$types';

/** The completion certificate as a PDF: public proof once the replication is completed. */
export const GET: RequestHandler = async (event) => {
	const pdf = await renderReplicationCertificate(event.locals.db.db, event.locals.actor ?? null, event.params.id, {
		baseUrl: siteBaseUrl(event.url)
	}).catch(throwPageError);
	return fileDownload(pdf, { public: true });
};
