import { z } from 'zod';
import { DECISION_KIND_LABELS } from '$lib/server/domain/curation/match-decisions';
import { pageCount, pageWindow } from '$lib/server/domain/pagination';
import { parseForm, runAction } from '$lib/server/http/curation-actions';
import { badQuery, describeProblems, orPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { listMatchDecisions } from '$lib/server/services/list-match-decisions';
import { undoMatchDecision } from '$lib/server/services/undo-match-decision';
import type { Actions, PageServerLoad } from './$types';

const PER_PAGE = 25;

const querySchema = z.object({
	halaman: z.coerce
		.number({ error: 'Nomor halaman harus berupa angka' })
		.int('Nomor halaman harus bilangan bulat')
		.min(1, 'Nomor halaman minimal 1')
		.max(10_000, 'Nomor halaman maksimal 10000')
		.default(1)
});

const undoSchema = z.object({
	keputusan: z.coerce.number({ error: 'Nomor keputusan harus berupa angka.' }).int('Nomor keputusan tidak valid.').positive('Nomor keputusan tidak valid.'),
	catatan: z.string().max(1000, 'Catatan paling panjang 1000 karakter.').optional()
});

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'import.review');
	const parsed = querySchema.safeParse({ halaman: event.url.searchParams.get('halaman') || undefined });
	if (!parsed.success) badQuery(describeProblems(parsed.error));
	const { page, limit, offset } = pageWindow(parsed.data.halaman, PER_PAGE);
	const list = await orPageError(listMatchDecisions(event.locals.db.db, actor, { limit, offset }));
	return {
		page,
		pages: pageCount(list.total, PER_PAGE),
		total: list.total,
		items: list.items.map((item) => ({ ...item, kindLabel: DECISION_KIND_LABELS[item.kind] }))
	};
};

export const actions: Actions = {
	batalkan: async (event) => {
		const actor = requirePermission(event, 'import.review');
		const form = parseForm(undoSchema, await event.request.formData());
		if (form.failure) return form.failure;
		const { keputusan, catatan } = form.data;
		const done = await runAction(() => undoMatchDecision(event.locals.db.db, actor, { decisionId: keputusan, note: catatan }), String(keputusan));
		if (done.failure) return done.failure;
		return { ok: true, target: String(keputusan), message: `Keputusan #${keputusan} dibatalkan: rekaman sumber dan isian inovasi kembali seperti sebelumnya.` };
	}
};
