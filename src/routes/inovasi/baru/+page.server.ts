import { redirect } from '@sveltejs/kit';
import { attemptInnovationForm, innovationFormOptions, readInnovationForm } from '$lib/server/http/innovation-form';
import { orPageError } from '$lib/server/http/page-errors';
import { requireSignedIn } from '$lib/server/http/replication-pages';
import { createInnovation, type SimilarStop } from '$lib/server/services/create-innovation';
import { getInnovationCreation } from '$lib/server/services/get-innovation-creation';
import type { Actions, PageServerLoad } from './$types';

/**
 * `/inovasi/baru`: an operator enters an innovation of their agency (staff: of the agency they
 * name). Two steps without JavaScript: "Periksa inovasi serupa" shows up to five similar
 * innovations from the search index; saving then takes a second press, "Tetap simpan" when one
 * has the same or nearly the same title.
 */
export const load: PageServerLoad = async (event) => {
	const actor = requireSignedIn(event);
	const creation = await orPageError(getInnovationCreation(event.locals.db.db, actor));
	return { creation, options: innovationFormOptions() };
};

/** The button pressed: check first; save (stops again only on a strong match); save anyway. */
const STOP_ON: Record<string, SimilarStop> = { periksa: 'any', simpan: 'strong', 'tetap-simpan': 'never' };

export const actions: Actions = {
	default: async (event) => {
		const actor = requireSignedIn(event);
		const form = await event.request.formData();
		const { values, input } = readInnovationForm(form, { withAgency: true });
		const step = String(form.get('langkah') ?? 'periksa');
		const done = await attemptInnovationForm('simpan', values, () =>
			createInnovation(event.locals.db.db, actor, input, { stopOn: STOP_ON[step] ?? 'any' })
		);
		if (done.failure) return done.failure;
		const outcome = done.value;
		if (!outcome.created) return { review: true as const, similar: outcome.similar, strong: outcome.strong, values };
		redirect(303, `/inovasi/${encodeURIComponent(outcome.id)}?dibuat=1`);
	}
};
