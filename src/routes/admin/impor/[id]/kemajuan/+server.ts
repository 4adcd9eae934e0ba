import { json } from '@sveltejs/kit';
import { AppError, presentError } from '$lib/server/errors';
import { parsePathId } from '$lib/server/http/route-ids';
import { getImportProgress } from '$lib/server/services/get-import-progress';
import type { RequestHandler } from './$types';

/** The run's progress as JSON, polled by the run page's script; never cached. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		if (!locals.actor) throw new AppError('UNAUTHENTICATED');
		const id = parsePathId(params.id, () => new AppError('IMPORT_RUN_NOT_FOUND', `Impor #${params.id} tidak ditemukan.`));
		const progress = await getImportProgress(locals.db.db, locals.actor, id);
		return json(progress, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		const { status, body } = presentError(error);
		if (status === 500) console.error(error);
		return json(body, { status, headers: { 'cache-control': 'no-store' } });
	}
};
