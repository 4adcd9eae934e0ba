import { orPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { getCurationOverview } from '$lib/server/services/get-curation-overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'import.review');
	return { overview: await orPageError(getCurationOverview(event.locals.db.db, actor)) };
};
