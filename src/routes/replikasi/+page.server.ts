import { z } from 'zod';
import { INBOX_BOX_BY_WORD, INBOX_WORD_BY_BOX, INBOX_WORDS } from '$lib/server/domain/replication/inboxes';
import { INBOX_STATE_FILTERS } from '$lib/server/domain/replication/replication-input';
import { pageCount, pageWindow } from '$lib/server/domain/pagination';
import { badQuery, describeProblems, orPageError } from '$lib/server/http/page-errors';
import { requireSignedIn } from '$lib/server/http/replication-pages';
import { listReplicationInbox } from '$lib/server/services/list-replication-inbox';
import type { PageServerLoad } from './$types';

const PER_PAGE = 20;


const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const querySchema = z.object({
	kotak: z.preprocess(emptyToUndefined, z.enum(INBOX_WORDS, { error: 'Kotak harus masuk, keluar, hub atau semua' }).optional()),
	tahap: z.preprocess(emptyToUndefined, z.enum(INBOX_STATE_FILTERS, { error: 'Tahap replikasi tidak dikenal.' }).optional()),
	halaman: z.preprocess(
		emptyToUndefined,
		z.coerce
			.number({ error: 'Nomor halaman harus berupa angka' })
			.int('Nomor halaman harus bilangan bulat')
			.min(1, 'Nomor halaman minimal 1')
			.max(5000, 'Nomor halaman maksimal 5000')
			.default(1)
	)
});

export const load: PageServerLoad = async (event) => {
	const actor = requireSignedIn(event);
	const params = event.url.searchParams;
	const parsed = querySchema.safeParse({ kotak: params.get('kotak'), tahap: params.get('tahap'), halaman: params.get('halaman') });
	if (!parsed.success) badQuery(describeProblems(parsed.error));
	const { kotak, tahap, halaman } = parsed.data;
	const { page, limit, offset } = pageWindow(halaman, PER_PAGE);
	const inbox = await orPageError(
		listReplicationInbox(event.locals.db.db, actor, { box: kotak ? INBOX_BOX_BY_WORD[kotak] : undefined, state: tahap, limit, offset })
	);
	return {
		box: inbox.box,
		boxWord: INBOX_WORD_BY_BOX[inbox.box],
		boxes: inbox.boxes.map((b) => ({ ...b, word: INBOX_WORD_BY_BOX[b.box] })),
		state: tahap ?? '',
		states: INBOX_STATE_FILTERS,
		items: inbox.items,
		total: inbox.total,
		page,
		pages: pageCount(inbox.total, PER_PAGE)
	};
};
