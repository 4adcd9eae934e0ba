import { z } from 'zod';
import { AGENCY_KIND_FILTERS } from '$lib/server/domain/innovation-filters';
import { pageCount, pageWindow } from '$lib/server/domain/pagination';
import { AGENCY_KIND_LABELS } from '$lib/server/domain/vocabulary';
import { badQuery, describeProblems } from '$lib/server/http/page-errors';
import { requestI18n } from '$lib/server/http/request-i18n';
import { listAgencies } from '$lib/server/services/list-agencies';
import type { PageServerLoad } from './$types';

const PER_PAGE = 30;
const empty = (v: unknown) => (v === '' || v === null ? undefined : v);

const querySchema = z.object({
	q: z.preprocess(empty, z.string().trim().max(100, 'Kata kunci maksimal 100 karakter').optional()),
	jenis: z.preprocess(empty, z.enum(AGENCY_KIND_FILTERS, { error: 'Jenis instansi tidak dikenal' }).optional()),
	halaman: z.preprocess(
		empty,
		z.coerce
			.number({ error: 'Nomor halaman harus berupa angka' })
			.int('Nomor halaman harus bilangan bulat')
			.min(1, 'Nomor halaman minimal 1')
			.max(1000, 'Nomor halaman maksimal 1000')
			.default(1)
	)
});

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const parsed = querySchema.safeParse({
		q: url.searchParams.get('q'),
		jenis: url.searchParams.get('jenis'),
		halaman: url.searchParams.get('halaman')
	});
	if (!parsed.success) {
		badQuery(requestI18n(cookies).t('filter.invalid', { problems: describeProblems(parsed.error) }));
	}
	const { q, jenis, halaman } = parsed.data;
	const { page, limit, offset } = pageWindow(halaman, PER_PAGE);
	const result = await listAgencies(locals.db.db, { q: q || undefined, kind: jenis, limit, offset });

	const query = new URLSearchParams();
	if (q) query.set('q', q);
	if (jenis) query.set('jenis', jenis);
	return {
		form: { q: q ?? '', jenis: jenis ?? '' },
		kinds: AGENCY_KIND_FILTERS.map((value) => ({ value, label: AGENCY_KIND_LABELS[value] })),
		items: result.items.map((a) => ({
			id: a.id,
			name: a.name,
			abbreviation: a.abbreviation,
			kindLabel: AGENCY_KIND_LABELS[a.kind]
		})),
		total: result.total,
		page,
		pages: pageCount(result.total, PER_PAGE),
		query: query.toString(),
		filtered: Boolean(q || jenis)
	};
};
