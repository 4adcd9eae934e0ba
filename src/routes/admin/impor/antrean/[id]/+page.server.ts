import { redirect } from '@sveltejs/kit';
import { SOURCE_LABELS } from '$lib/server/domain/vocabulary';
import { AppError } from '$lib/server/errors';
import { orPageError, throwPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { parsePathId } from '$lib/server/http/route-ids';
import { getImportJob } from '$lib/server/services/get-import-job';
import type { PageServerLoad } from './$types';

/** Where an upload lands: it waits here until the worker has started its run, then moves to the run's page. */
export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'import.run');
	let id: number;
	try {
		id = parsePathId(event.params.id, () => new AppError('IMPORT_JOB_NOT_FOUND', `Antrean impor #${event.params.id} tidak ditemukan.`));
	} catch (error) {
		throwPageError(error);
	}
	const job = await orPageError(getImportJob(event.locals.db.db, actor, id));
	if (job.runId !== null) redirect(303, `/admin/impor/${job.runId}`);
	return { job, sourceLabel: job.source ? SOURCE_LABELS[job.source] : '' };
};
