import { z } from 'zod';
import type { MatchReviewStatus } from '$lib/server/db/schema';
import { pageCount, pageWindow } from '$lib/server/domain/pagination';
import { SOURCE_LABELS } from '$lib/server/domain/vocabulary';
import { parseForm, runAction } from '$lib/server/http/curation-actions';
import { describeMatchReason } from '$lib/server/http/match-reasons';
import { badQuery, describeProblems, orPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { confirmMatchReview } from '$lib/server/services/confirm-match-review';
import { listMatchReviews } from '$lib/server/services/list-match-reviews';
import { rejectMatchReview } from '$lib/server/services/reject-match-review';
import type { Actions, PageServerLoad } from './$types';

const PER_PAGE = 20;
const STATUS_BY_WORD: Record<string, MatchReviewStatus | undefined> = { terbuka: 'open', dikonfirmasi: 'confirmed', ditolak: 'rejected', semua: undefined };

const querySchema = z.object({
	status: z.enum(['terbuka', 'dikonfirmasi', 'ditolak', 'semua'], { error: 'Status harus terbuka, dikonfirmasi, ditolak atau semua' }).default('terbuka'),
	halaman: z.coerce
		.number({ error: 'Nomor halaman harus berupa angka' })
		.int('Nomor halaman harus bilangan bulat')
		.min(1, 'Nomor halaman minimal 1')
		.max(10_000, 'Nomor halaman maksimal 10000')
		.default(1)
});

const decisionSchema = z.object({
	tinjauan: z.coerce.number({ error: 'Nomor tinjauan harus berupa angka.' }).int('Nomor tinjauan tidak valid.').positive('Nomor tinjauan tidak valid.'),
	catatan: z.string().max(1000, 'Catatan paling panjang 1000 karakter.').optional()
});

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'import.review');
	const params = event.url.searchParams;
	const parsed = querySchema.safeParse({ status: params.get('status') || undefined, halaman: params.get('halaman') || undefined });
	if (!parsed.success) badQuery(describeProblems(parsed.error));
	const { page, limit, offset } = pageWindow(parsed.data.halaman, PER_PAGE);
	const list = await orPageError(listMatchReviews(event.locals.db.db, actor, { status: STATUS_BY_WORD[parsed.data.status], limit, offset }));
	return {
		status: parsed.data.status,
		page,
		pages: pageCount(list.total, PER_PAGE),
		total: list.total,
		items: list.items.map((item) => ({
			...item,
			reasons: item.reasons.map(describeMatchReason),
			sides: [item.a, item.b].map((side) => (side ? { ...side, sourceLabel: SOURCE_LABELS[side.source] ?? side.source } : null))
		}))
	};
};

export const actions: Actions = {
	konfirmasi: async (event) => {
		const actor = requirePermission(event, 'import.review');
		const form = parseForm(decisionSchema, await event.request.formData());
		if (form.failure) return form.failure;
		const { tinjauan, catatan } = form.data;
		const done = await runAction(() => confirmMatchReview(event.locals.db.db, actor, { reviewId: tinjauan, note: catatan }), String(tinjauan));
		if (done.failure) return done.failure;
		return {
			ok: true,
			target: String(tinjauan),
			decisionId: done.value.decisionId,
			message: `Pasangan #${tinjauan} dikonfirmasi sebagai satu inovasi (keputusan #${done.value.decisionId}). Keputusan ini dapat dibatalkan di log keputusan.`
		};
	},
	tolak: async (event) => {
		const actor = requirePermission(event, 'import.review');
		const form = parseForm(decisionSchema, await event.request.formData());
		if (form.failure) return form.failure;
		const { tinjauan, catatan } = form.data;
		const done = await runAction(() => rejectMatchReview(event.locals.db.db, actor, { reviewId: tinjauan, note: catatan }), String(tinjauan));
		if (done.failure) return done.failure;
		return {
			ok: true,
			target: String(tinjauan),
			decisionId: done.value.decisionId,
			message: `Pasangan #${tinjauan} ditolak: kedua rekaman tetap menjadi inovasi terpisah (keputusan #${done.value.decisionId}).`
		};
	}
};
