import { AGENCY_KIND_LABELS } from '$lib/server/domain/vocabulary';
import { AppError } from '$lib/server/errors';
import { orPageError, throwPageError } from '$lib/server/http/page-errors';
import { getHubProfile } from '$lib/server/services/get-hub-profile';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (params.id.length > 100) throwPageError(new AppError('HUB_NOT_FOUND'));
	const profile = await orPageError(getHubProfile(locals.db.db, params.id));
	return {
		hub: profile.hub,
		members: profile.members.map((m) => ({ ...m, kindLabel: AGENCY_KIND_LABELS[m.kind] })),
		innovationCount: profile.innovationCount
	};
};
