import { safeExternalUrl } from '$lib/external-url';
import { innovationFiltersSchema } from '$lib/server/domain/innovation-filters';
import { AGENCY_KIND_LABELS } from '$lib/server/domain/vocabulary';
import { AppError } from '$lib/server/errors';
import { toInnovationCard } from '$lib/server/http/innovation-cards';
import { orPageError, throwPageError } from '$lib/server/http/page-errors';
import { getAgencyProfile } from '$lib/server/services/get-agency-profile';
import { listInnovations } from '$lib/server/services/list-innovations';
import type { PageServerLoad } from './$types';

const SHOWN = 20;

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = locals.actor ?? null;
	if (params.id.length > 100) throwPageError(new AppError('AGENCY_NOT_FOUND'));
	const db = locals.db.db;
	// The profile's own list has no total; the catalogue query gives the newest ones and the count.
	const [profile, innovations] = await Promise.all([
		// Replications given and received: completed ones for all, the reader's own in progress too.
		orPageError(getAgencyProfile(db, params.id, { innovationLimit: 0, actor })),
		listInnovations(db, innovationFiltersSchema.parse({ instansi: params.id, urutan: 'tahun' }), {
			limit: SHOWN,
			offset: 0
		})
	]);
	const { agency } = profile;
	return {
		agency: {
			id: agency.id,
			name: agency.name,
			kindLabel: AGENCY_KIND_LABELS[agency.kind],
			abbreviation: agency.abbreviation,
			aliases: agency.aliases.filter((alias) => alias !== agency.name),
			panrbId: agency.panrbId,
			website: safeExternalUrl(agency.website),
			region: agency.region,
			hub: agency.hub
		},
		// The agency is the page itself; its name on every card would be noise.
		innovations: innovations.items.map((item) => ({ ...toInnovationCard(item), agencyName: null })),
		innovationTotal: innovations.total,
		replicationsGiven: profile.replicationsGiven,
		replicationsReceived: profile.replicationsReceived
	};
};
