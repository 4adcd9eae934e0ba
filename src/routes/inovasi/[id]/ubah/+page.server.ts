import { redirect } from '@sveltejs/kit';
import { changeReasonSchema, innovationVersionSchema } from '$lib/server/domain/innovation-create';
import { INNOVATION_ID_PATTERN } from '$lib/server/domain/ids';
import { AppError } from '$lib/server/errors';
import {
	attemptInnovationForm,
	formValuesOf,
	innovationFormOptions,
	innovationFormRefusal,
	readInnovationForm,
	staleDifferences
} from '$lib/server/http/innovation-form';
import { orPageError, throwPageError } from '$lib/server/http/page-errors';
import { requireSignedIn } from '$lib/server/http/replication-pages';
import { getInnovationForEdit } from '$lib/server/services/get-innovation-for-edit';
import { updateInnovation } from '$lib/server/services/update-innovation';
import type { Actions, PageServerLoad } from './$types';

/**
 * `/inovasi/[id]/ubah`: the edit form, for an operator of the innovation's agency, admins and
 * curators. The hidden `version` is the one the form was opened at; when someone else saved in
 * the meantime the edit is refused (STALE_VERSION) and the form comes back with what was typed,
 * the values saved now, and the new version, so that nothing typed is lost.
 */
export const load: PageServerLoad = async (event) => {
	const actor = requireSignedIn(event);
	if (!INNOVATION_ID_PATTERN.test(event.params.id)) throwPageError(new AppError('INNOVATION_NOT_FOUND'));
	const edit = await orPageError(getInnovationForEdit(event.locals.db.db, actor, event.params.id));
	return {
		innovation: { id: edit.id, version: edit.version, agency: edit.agency, title: edit.values.title },
		values: formValuesOf(edit.values),
		options: innovationFormOptions()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireSignedIn(event);
		const id = event.params.id;
		const form = await event.request.formData();
		const { values, input } = readInnovationForm(form);
		const reasonText = typeof form.get('alasan') === 'string' ? String(form.get('alasan')) : '';
		const typed = { ...values, alasan: reasonText };
		const version = innovationVersionSchema.safeParse(form.get('version') ?? undefined);
		if (!version.success) return innovationFormRefusal(400, 'simpan', version.error.issues[0]!.message, typed);
		const reason = changeReasonSchema.safeParse(reasonText);
		if (!reason.success) return innovationFormRefusal(400, 'simpan', reason.error.issues[0]!.message, typed);

		const done = await attemptInnovationForm('simpan', typed, () =>
			updateInnovation(event.locals.db.db, actor, { id, expectedVersion: version.data, changes: input, reason: reason.data })
		);
		if (done.failure) {
			if (done.error.code !== 'STALE_VERSION') return done.failure;
			// Someone saved first: what is stored now, beside what was typed (which stays in the form).
			const current = await orPageError(getInnovationForEdit(event.locals.db.db, actor, id));
			const stale = { version: current.version, differences: staleDifferences(values, formValuesOf(current.values)) };
			return innovationFormRefusal(409, 'simpan', done.failure.data.message, typed, stale);
		}
		redirect(303, `/inovasi/${encodeURIComponent(id)}?diubah=${done.value.changed.length > 0 ? 1 : 0}`);
	}
};

