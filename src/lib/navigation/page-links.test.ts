import { describe, expect, it } from 'vitest';
import { pageHref, pageLinks, type PageLink } from './page-links';

const compact = (links: PageLink[]) =>
	links.map((l) => (l.kind === 'gap' ? '…' : l.current ? `[${l.page}]` : String(l.page))).join(' ');

describe('pageLinks', () => {
	it('shows every page of a short list', () => {
		expect(compact(pageLinks(2, 3))).toBe('1 [2] 3');
	});

	it('shows first, last and the neighbours of the current page with gaps between', () => {
		expect(compact(pageLinks(10, 20))).toBe('1 … 9 [10] 11 … 20');
	});

	it('shows a single skipped page instead of a gap', () => {
		expect(compact(pageLinks(4, 20))).toBe('1 2 3 [4] 5 … 20');
	});

	it('clamps a page past the end to the last page', () => {
		expect(compact(pageLinks(99, 5))).toBe('1 … 4 [5]');
	});

	it('has a single current page for a one-page list', () => {
		expect(compact(pageLinks(1, 1))).toBe('[1]');
	});
});

describe('pageHref', () => {
	it('keeps the other parameters and leaves page 1 without a page parameter', () => {
		expect(pageHref('/katalog', 'q=air&halaman=3', 1)).toBe('/katalog?q=air');
		expect(pageHref('/katalog', 'q=air', 4)).toBe('/katalog?q=air&halaman=4');
		expect(pageHref('/katalog', '', 1)).toBe('/katalog');
	});
});
