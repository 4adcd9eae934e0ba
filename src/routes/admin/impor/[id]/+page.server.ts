import { z } from 'zod';
import { pageCount, pageWindow } from '$lib/server/domain/pagination';
import { SOURCE_LABELS } from '$lib/server/domain/vocabulary';
import { AppError } from '$lib/server/errors';
import { badQuery, describeProblems, orPageError, throwPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { parsePathId } from '$lib/server/http/route-ids';
import { getImportRun } from '$lib/server/services/get-import-run';
import type { PageServerLoad } from './$types';

const PER_PAGE = 50;

const querySchema = z.object({
	halaman: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z.coerce
			.number({ error: 'Nomor halaman harus berupa angka' })
			.int('Nomor halaman harus bilangan bulat')
			.min(1, 'Nomor halaman minimal 1')
			.max(10000, 'Nomor halaman maksimal 10000')
			.default(1)
	)
});

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'import.run');
	let id: number;
	try {
		id = parsePathId(event.params.id, () => new AppError('IMPORT_RUN_NOT_FOUND', `Impor #${event.params.id} tidak ditemukan.`));
	} catch (error) {
		throwPageError(error);
	}
	const parsed = querySchema.safeParse({ halaman: event.url.searchParams.get('halaman') });
	if (!parsed.success) badQuery(describeProblems(parsed.error));
	const { page, limit, offset } = pageWindow(parsed.data.halaman, PER_PAGE);
	const run = await orPageError(getImportRun(event.locals.db.db, actor, { id, limit, offset }));
	return {
		run,
		sourceLabel: SOURCE_LABELS[run.source],
		page,
		pages: pageCount(run.quarantine.total, PER_PAGE)
	};
};
