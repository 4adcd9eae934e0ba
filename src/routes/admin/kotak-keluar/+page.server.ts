import { z } from 'zod';
import { badQuery, describeProblems, orPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { listOutbox } from '$lib/server/services/list-outbox';
import type { PageServerLoad } from './$types';

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
	const actor = requirePermission(event, 'outbox.read');
	const parsed = querySchema.safeParse({ halaman: event.url.searchParams.get('halaman') });
	if (!parsed.success) badQuery(describeProblems(parsed.error));
	return orPageError(listOutbox(event.locals.db.db, actor, parsed.data.halaman));
};
