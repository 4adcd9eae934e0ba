import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db/schema';
import { REPLICATION_KINDS, uploadDocumentSchema } from '$lib/server/domain/replication/replication-input';
import { REPLICATION_STATES, type ReplicationStepAction } from '$lib/server/domain/replication/state-machine';
import { detectFileType } from '$lib/server/domain/uploads/file-type';
import { AppError, ERROR_TABLE } from '$lib/server/errors';
import { throwPageError } from '$lib/server/http/page-errors';
import {
	attempt,
	chosenFile,
	fileBytes,
	formRefusal,
	readForm,
	replicationFileStore,
	requireSignedIn,
	signInPath,
	siteBaseUrl,
	textFields,
	tooLargeMessage,
	uploadMaxMb
} from '$lib/server/http/replication-pages';
import { requestI18n } from '$lib/server/http/request-i18n';
import type { Actor } from '$lib/server/policy';
import { acceptReplication } from '$lib/server/services/accept-replication';
import { cancelReplication } from '$lib/server/services/cancel-replication';
import { completeReplication } from '$lib/server/services/complete-replication';
import { confirmReplicationAgreement } from '$lib/server/services/confirm-replication-agreement';
import { declineReplication } from '$lib/server/services/decline-replication';
import { draftReplicationAgreement } from '$lib/server/services/draft-replication-agreement';
import { fileMonitoringReport } from '$lib/server/services/file-monitoring-report';
import { getReplication } from '$lib/server/services/get-replication';
import { postReplicationMessage } from '$lib/server/services/post-replication-message';
import { removeReplicationDocument } from '$lib/server/services/remove-replication-document';
import { startReplicationImplementation } from '$lib/server/services/start-replication-implementation';
import { stopReplication } from '$lib/server/services/stop-replication';
import { submitAdaptationPlan } from '$lib/server/services/submit-adaptation-plan';
import { uploadReplicationDocument } from '$lib/server/services/upload-replication-document';
import { verifyReplication } from '$lib/server/services/verify-replication';
import type { I18n } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

/** The main path of a replication, drawn as the stepper; the closing states are shown apart. */
const MAIN_PATH = ['minat', 'diverifikasi', 'kesepakatan', 'persiapan', 'implementasi', 'pemantauan', 'selesai'] as const;

export const load: PageServerLoad = async (event) => {
	const actor = event.locals.actor ?? null;
	const view = await getReplication(event.locals.db.db, actor, event.params.id).catch((error: unknown) => {
		// The public is asked to sign in (a link from a notification e-mail); ids leak nothing
		// because every id that is not a completed replication gets the same answer.
		if (!actor && error instanceof AppError && error.status === 404) redirect(303, signInPath(event.url));
		return throwPageError(error);
	});
	if (view.access === 'public') return { access: 'public' as const, summary: view.replication, mainPath: MAIN_PATH };

	const r = view.replication;
	const parts = new Set(r.viewer.parts);
	const facilitates = parts.has('fasilitator') || parts.has('admin');
	const mayRemove = r.viewer.allowedActions.includes('removeDocument');
	return {
		access: 'private' as const,
		replication: {
			...r,
			documents: r.documents.map((d) => ({ ...d, removable: mayRemove && (facilitates || d.uploadedBy.id === actor?.id) }))
		},
		// An admin stepping in names the side it confirms; the parties confirm their own.
		confirmNeedsSide: parts.has('admin') && !parts.has('inovator') && !parts.has('replikator'),
		mainPath: MAIN_PATH,
		states: REPLICATION_STATES,
		kinds: REPLICATION_KINDS,
		maxMb: uploadMaxMb(),
		justFiled: event.url.searchParams.has('diajukan')
	};
};

interface StepContext {
	db: Kysely<DB>;
	actor: Actor;
	form: FormData;
	/** The form's text fields, with the replication id from the path. */
	values: Record<string, string> & { id: string };
	baseUrl: string;
	i18n: I18n;
	t: I18n['t'];
}

type Refusal = ReturnType<typeof formRefusal>;

/**
 * One form action: signed in (else to /masuk), the form read (an oversized body refused), the
 * work done, and the answer: `{ ok, action, message }`, or the refusal with what was typed.
 */
function step(action: ReplicationStepAction, work: (context: StepContext) => Promise<string | Refusal>) {
	return async (event: RequestEvent<{ id: string }>) => {
		const actor = requireSignedIn(event);
		const form = await readForm(event.request);
		if (!form) return formRefusal(413, action, tooLargeMessage());
		const values = { ...textFields(form), id: event.params.id };
		const i18n = requestI18n(event.cookies);
		const context: StepContext = { db: event.locals.db.db, actor, form, values, baseUrl: siteBaseUrl(event.url), i18n, t: i18n.t };
		const done = await attempt(action, values, () => work(context));
		if (done.failure) return done.failure;
		if (typeof done.value !== 'string') return done.value;
		return { ok: true as const, action, message: done.value };
	};
}

/** A chosen file, checked before the step that goes with it is taken (nothing half done). */
async function checkedFile(context: StepContext, name: string, action: ReplicationStepAction) {
	const file = chosenFile(context.form, name);
	if (!file) return { file: null, bytes: null };
	const bytes = await fileBytes(file);
	if (bytes.byteLength > replicationFileStore().maxBytes) return { refusal: formRefusal(413, action, tooLargeMessage(), context.values) };
	if (!detectFileType(bytes)) {
		const { status, message } = ERROR_TABLE.UPLOAD_TYPE_NOT_ALLOWED;
		return { refusal: formRefusal(status, action, message, context.values) };
	}
	return { file, bytes };
}

export const actions: Actions = {
	verifikasi: step('verify', async ({ db, actor, values, baseUrl, t }) => {
		await verifyReplication(db, actor, values, { baseUrl });
		return t('replication.done.verify');
	}),
	terima: step('accept', async ({ db, actor, values, baseUrl, t }) => {
		await acceptReplication(db, actor, values, { baseUrl });
		return t('replication.done.accept');
	}),
	tolak: step('decline', async ({ db, actor, values, baseUrl, t }) => {
		await declineReplication(db, actor, values, { baseUrl });
		return t('replication.done.decline');
	}),
	kesepakatan: step('draftAgreement', async ({ db, actor, values, baseUrl, t }) => {
		const done = await draftReplicationAgreement(db, actor, values, { baseUrl });
		return t('replication.done.draftAgreement', { number: done.agreementNumber });
	}),
	konfirmasi: step('confirmAgreement', async ({ db, actor, values, baseUrl, t }) => {
		await confirmReplicationAgreement(db, actor, values, { baseUrl });
		return t('replication.done.confirmAgreement');
	}),
	rencana: step('submitPlan', async ({ db, actor, values, baseUrl, t }) => {
		await submitAdaptationPlan(db, actor, values, { baseUrl });
		return t('replication.done.submitPlan');
	}),
	mulai: step('startImplementation', async ({ db, actor, values, baseUrl, t }) => {
		await startReplicationImplementation(db, actor, values, { baseUrl });
		return t('replication.done.startImplementation');
	}),
	laporan: step('fileReport', async (context) => {
		const { db, actor, values, baseUrl, t, i18n } = context;
		const checked = await checkedFile(context, 'berkas', 'fileReport');
		if (checked.refusal) return checked.refusal;
		const done = await fileMonitoringReport(db, actor, values, { baseUrl });
		if (checked.file && checked.bytes) {
			const { file, bytes } = checked;
			const uploaded = await attempt('fileReport', {}, () =>
				uploadReplicationDocument(
					db,
					actor,
					{ replicationId: values.id, kind: 'laporan_pemantauan', fileName: file.name, bytes, reportId: done.reportId },
					{ store: replicationFileStore(), baseUrl }
				)
			);
			if (uploaded.failure) {
				return formRefusal(uploaded.failure.status, 'fileReport', t('replication.reportFileFailed', { message: uploaded.failure.data.message }));
			}
		}
		return t('replication.done.fileReport', { date: i18n.date(done.nextReportDueOn) });
	}),
	selesaikan: step('complete', async ({ db, actor, values, baseUrl, t }) => {
		await completeReplication(db, actor, values, { baseUrl });
		return t('replication.done.complete');
	}),
	hentikan: step('stop', async ({ db, actor, values, baseUrl, t }) => {
		await stopReplication(db, actor, values, { baseUrl });
		return t('replication.done.stop');
	}),
	batalkan: step('cancel', async ({ db, actor, values, baseUrl, t }) => {
		await cancelReplication(db, actor, values, { baseUrl });
		return t('replication.done.cancel');
	}),
	unggah: step('uploadDocument', async ({ db, actor, form, values, baseUrl, t }) => {
		const parsed = uploadDocumentSchema.safeParse(values);
		if (!parsed.success) return formRefusal(400, 'uploadDocument', parsed.error.issues[0]!.message, values);
		const file = chosenFile(form, 'berkas');
		const document = await uploadReplicationDocument(
			db,
			actor,
			{
				replicationId: values.id,
				kind: parsed.data.kind,
				fileName: file?.name ?? '',
				// No file chosen: the service answers that the file is empty.
				bytes: file ? await fileBytes(file) : new Uint8Array(),
				reportId: parsed.data.reportId ?? null
			},
			{ store: replicationFileStore(), baseUrl }
		);
		return t('replication.done.uploadDocument', { file: document.file_name });
	}),
	hapusDokumen: step('removeDocument', async ({ db, actor, values, baseUrl, t }) => {
		await removeReplicationDocument(db, actor, { documentId: values.documentId ?? '', reason: values.reason }, { baseUrl });
		return t('replication.done.removeDocument');
	}),
	pesan: step('postMessage', async ({ db, actor, values, baseUrl, t }) => {
		await postReplicationMessage(db, actor, values.id, { body: values.body ?? '' }, { baseUrl });
		return t('replication.done.postMessage');
	})
};
