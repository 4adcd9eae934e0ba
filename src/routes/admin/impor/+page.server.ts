import path from 'node:path';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { loadConfig } from '$lib/server/config/env';
import { UPLOAD_MESSAGES } from '$lib/server/domain/import/import-job';
import { pageCount, pageWindow } from '$lib/server/domain/pagination';
import { SOURCE_LABELS, SOURCES } from '$lib/server/domain/vocabulary';
import { AppError } from '$lib/server/errors';
import { badQuery, describeProblems, orPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { listImportRuns } from '$lib/server/services/list-import-runs';
import { queueImportJob, type UploadedFile } from '$lib/server/services/queue-import-job';
import type { Actions, PageServerLoad } from './$types';

const PER_PAGE = 25;
/** Room for the form fields and multipart boundaries around the file. */
const FORM_OVERHEAD = 1024 * 1024;

const querySchema = z.object({
	halaman: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z.coerce
			.number({ error: 'Nomor halaman harus berupa angka' })
			.int('Nomor halaman harus bilangan bulat')
			.min(1, 'Nomor halaman minimal 1')
			.max(1000, 'Nomor halaman maksimal 1000')
			.default(1)
	)
});

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'import.run');
	const parsed = querySchema.safeParse({ halaman: event.url.searchParams.get('halaman') });
	if (!parsed.success) badQuery(describeProblems(parsed.error));
	const { page, limit, offset } = pageWindow(parsed.data.halaman, PER_PAGE);
	const list = await orPageError(listImportRuns(event.locals.db.db, actor, { limit, offset }));
	return {
		...list,
		page,
		pages: pageCount(list.total, PER_PAGE),
		sources: SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] })),
		maxMb: loadConfig().IMPORT_MAX_UPLOAD_MB
	};
};

const isFile = (value: FormDataEntryValue | null): value is File => typeof value === 'object' && value !== null;

export const actions: Actions = {
	default: async (event) => {
		const actor = requirePermission(event, 'import.run');
		const config = loadConfig();
		const maxBytes = config.IMPORT_MAX_UPLOAD_MB * 1024 * 1024;
		const tooLarge = () => fail(413, { message: UPLOAD_MESSAGES.tooLarge(config.IMPORT_MAX_UPLOAD_MB), source: '' });
		// Refused before the body is read.
		if (Number(event.request.headers.get('content-length') ?? 0) > maxBytes + FORM_OVERHEAD) return tooLarge();
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			// A body over the server's limit (BODY_SIZE_LIMIT), or one that is not a form.
			return tooLarge();
		}
		const source = form.get('sumber');
		const file = form.get('berkas');
		const profile = form.get('profil');
		let jobId: number;
		try {
			({ jobId } = await queueImportJob(event.locals.db.db, actor, {
				source: typeof source === 'string' ? source : undefined,
				file: isFile(file) ? (file as UploadedFile) : null,
				mapping: isFile(profile) ? (profile as UploadedFile) : null,
				uploadDir: path.join(config.DATA_DIR, 'uploads'),
				maxBytes
			}));
		} catch (error) {
			if (error instanceof AppError) return fail(error.status, { message: error.message, source: typeof source === 'string' ? source : '' });
			throw error;
		}
		redirect(303, `/admin/impor/antrean/${jobId}`);
	}
};
