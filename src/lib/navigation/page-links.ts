export type PageLink = { kind: 'page'; page: number; current: boolean } | { kind: 'gap'; after: number };

/**
 * The page numbers a pager shows: the first and last page, the current one with `around`
 * neighbours on each side, and a gap wherever pages are skipped. 1 … 4 5 6 … 20
 */
export function pageLinks(current: number, pages: number, around = 1): PageLink[] {
	if (pages < 1) return [];
	const page = Math.min(Math.max(1, Math.floor(current)), pages);
	const shown = new Set<number>([1, pages]);
	for (let p = page - around; p <= page + around; p++) if (p >= 1 && p <= pages) shown.add(p);
	const sorted = [...shown].sort((a, b) => a - b);
	const links: PageLink[] = [];
	let previous = 0;
	for (const p of sorted) {
		// A gap of exactly one page shows that page instead of an ellipsis.
		if (p - previous === 2) links.push({ kind: 'page', page: p - 1, current: false });
		else if (p - previous > 2) links.push({ kind: 'gap', after: previous });
		links.push({ kind: 'page', page: p, current: p === page });
		previous = p;
	}
	return links;
}

/** The href of page `page` of a list whose other query parameters are `query`; page 1 has none. */
export function pageHref(path: string, query: string, page: number, param = 'halaman'): string {
	const params = new URLSearchParams(query);
	params.delete(param);
	if (page > 1) params.set(param, String(page));
	const search = params.toString();
	return search ? `${path}?${search}` : path;
}
