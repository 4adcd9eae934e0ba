import { redirect } from '@sveltejs/kit';
import { REPLICATION_KINDS } from '$lib/server/domain/replication/replication-input';
import { detectFileType } from '$lib/server/domain/uploads/file-type';
import { ERROR_TABLE } from '$lib/server/errors';
import { orPageError } from '$lib/server/http/page-errors';
import {
	attempt,
	chosenFile,
	fileBytes,
	formRefusal,
	readForm,
	replicationFileStore,
	requireSignedIn,
	siteBaseUrl,
	textFields,
	tooLargeMessage,
	uploadMaxMb
} from '$lib/server/http/replication-pages';
import { requestI18n } from '$lib/server/http/request-i18n';
import { fileReplicationInterest } from '$lib/server/services/file-replication-interest';
import { getReplicationFiling } from '$lib/server/services/get-replication-filing';
import { uploadReplicationDocument } from '$lib/server/services/upload-replication-document';
import type { Actions, PageServerLoad } from './$types';

/** `/replikasi/ajukan?inovasi=ID`: an agency files its interest in replicating an innovation. */
export const load: PageServerLoad = async (event) => {
	const actor = requireSignedIn(event);
	const innovationId = event.url.searchParams.get('inovasi')?.trim() ?? '';
	const filing = innovationId ? await orPageError(getReplicationFiling(event.locals.db.db, actor, innovationId)) : null;
	return { filing, kinds: REPLICATION_KINDS, maxMb: uploadMaxMb() };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireSignedIn(event);
		const form = await readForm(event.request);
		if (!form) return formRefusal(413, 'file', tooLargeMessage());
		const values = textFields(form);
		const store = replicationFileStore();
		const baseUrl = siteBaseUrl(event.url);

		// The letter is checked before anything is filed, so a wrong file leaves nothing behind.
		const letter = chosenFile(form, 'suratMinat');
		const bytes = letter ? await fileBytes(letter) : null;
		if (bytes && bytes.byteLength > store.maxBytes) return formRefusal(413, 'file', tooLargeMessage(), values);
		if (bytes && !detectFileType(bytes)) {
			return formRefusal(ERROR_TABLE.UPLOAD_TYPE_NOT_ALLOWED.status, 'file', ERROR_TABLE.UPLOAD_TYPE_NOT_ALLOWED.message, values);
		}

		const filed = await attempt('file', values, () => fileReplicationInterest(event.locals.db.db, actor, values, { baseUrl }));
		if (filed.failure) return filed.failure;
		const id = filed.value.id;
		if (letter && bytes) {
			const uploaded = await attempt('file', {}, () =>
				uploadReplicationDocument(event.locals.db.db, actor, { replicationId: id, kind: 'surat_minat', fileName: letter.name, bytes }, { store, baseUrl })
			);
			if (uploaded.failure) {
				const { t } = requestI18n(event.cookies);
				const message = t('replication.file.letterFailed', { message: uploaded.failure.data.message });
				return formRefusal(uploaded.failure.status, 'file', message, { replicationId: id });
			}
		}
		redirect(303, `/replikasi/${encodeURIComponent(id)}?diajukan=1`);
	}
};
