import { describe, expect, it } from 'vitest';
import { MECHANISMS } from './mechanisms';
import { Random } from './random';
import { generateTitle, titleVariant } from './titles';
import { TOPICS } from './topics';

describe('generateTitle', () => {
	const random = new Random('titles');
	const titles = Array.from({ length: 3000 }, () => generateTitle(random, random.pick(TOPICS), random.pick(MECHANISMS)));

	it('writes clean, non-empty titles', () => {
		for (const t of titles) {
			expect(t.title.trim()).toBe(t.title);
			expect(t.title.length).toBeGreaterThan(3);
			expect(t.title).not.toMatch(/\s{2,}/);
			if (t.acronym) expect(t.title).toContain(t.acronym);
			if (t.expansion) expect(t.title).toContain(t.expansion);
		}
	});

	it('mixes the real styles: acronym with expansion, bare names and descriptive titles', () => {
		const withExpansion = titles.filter((t) => t.expansion && t.title.endsWith(`(${t.expansion})`)).length;
		const descriptive = titles.filter((t) => !t.acronym).length;
		const upper = titles.filter((t) => !t.acronym && t.title === t.title.toUpperCase()).length;
		expect(withExpansion / titles.length).toBeGreaterThan(0.3);
		expect(descriptive / titles.length).toBeGreaterThan(0.3);
		expect(upper).toBeGreaterThan(100);
		expect(new Set(titles.map((t) => t.title)).size).toBeGreaterThan(2500);
	});

	it('is deterministic', () => {
		const again = new Random('titles');
		const first = generateTitle(again, TOPICS[0]!, MECHANISMS[0]!);
		const other = new Random('titles');
		expect(generateTitle(other, TOPICS[0]!, MECHANISMS[0]!)).toEqual(first);
	});

	it('varies a title the way other sources write it', () => {
		const title = { title: 'BU TAAT (Bersama Untuk PBB Lunas)', acronym: 'BU TAAT', expansion: 'Bersama Untuk PBB Lunas' };
		const variants = new Set(Array.from({ length: 200 }, () => titleVariant(random, title)));
		expect(variants).toEqual(
			new Set([title.title, title.acronym, title.expansion, title.title.toUpperCase(), `Inovasi ${title.title}`])
		);
	});
});
