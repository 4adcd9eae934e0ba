import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

/** limit/offset as the API takes them. */
export const limitOffsetSchema = z.object({
	limit: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z.coerce
			.number({ error: 'limit harus berupa angka' })
			.int('limit harus bilangan bulat')
			.min(1, 'limit minimal 1')
			.max(MAX_PAGE_SIZE, `limit maksimal ${MAX_PAGE_SIZE}`)
			.default(20)
	),
	offset: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z.coerce
			.number({ error: 'offset harus berupa angka' })
			.int('offset harus bilangan bulat')
			.min(0, 'offset minimal 0')
			.max(100_000, 'offset maksimal 100000')
			.default(0)
	)
});

/** A page number as the web pages take it, turned into limit/offset. */
export function pageWindow(page: number, perPage: number) {
	const safePage = Number.isFinite(page) && page >= 1 ? Math.floor(page) : 1;
	return { page: safePage, limit: perPage, offset: (safePage - 1) * perPage };
}

export function pageCount(total: number, perPage: number): number {
	return Math.max(1, Math.ceil(total / perPage));
}
