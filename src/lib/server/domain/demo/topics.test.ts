import { describe, expect, it } from 'vitest';
import { CENTRAL_AGENCIES } from '../central-agencies';
import { AFFAIR_CODES, SDG_NUMBERS, THEMES } from '../vocabulary';
import { MECHANISM_BY_KEY, MECHANISMS } from './mechanisms';
import { CENTRAL_AGENCY_AFFAIRS, GENERIC_AFFAIRS, kippCategory, TOPICS } from './topics';

const affairs = new Set<string>(AFFAIR_CODES);

describe('topic banks', () => {
	it('use only known affairs, SDGs, themes and mechanisms', () => {
		const keys = new Set<string>();
		for (const topic of TOPICS) {
			expect(keys.has(topic.key), topic.key).toBe(false);
			keys.add(topic.key);
			expect(affairs.has(topic.affair), topic.key).toBe(true);
			for (const other of topic.otherAffairs) {
				expect(affairs.has(other), `${topic.key}: ${other}`).toBe(true);
				expect(other, topic.key).not.toBe(topic.affair);
			}
			expect(topic.sdgs.length, topic.key).toBeGreaterThan(0);
			for (const sdg of topic.sdgs) expect(SDG_NUMBERS, topic.key).toContain(sdg);
			if (topic.theme) expect(THEMES, topic.key).toContain(topic.theme);
			expect(topic.mechanisms.length, topic.key).toBeGreaterThan(0);
			for (const m of topic.mechanisms) expect(MECHANISM_BY_KEY.has(m), `${topic.key}: ${m}`).toBe(true);
			expect(topic.partners.length, topic.key).toBeGreaterThanOrEqual(2);
			const [low, high] = topic.indicator.from;
			expect(low, topic.key).toBeLessThan(high);
		}
	});

	it('cover every government affair', () => {
		expect(new Set(TOPICS.map((t) => t.affair))).toEqual(affairs);
	});

	it('have digital and non-digital mechanisms', () => {
		expect(MECHANISMS.some((m) => m.digital)).toBe(true);
		expect(MECHANISMS.some((m) => !m.digital)).toBe(true);
	});

	it('map central agencies that exist to affairs that have topics', () => {
		const central = new Set(CENTRAL_AGENCIES.map((a) => a.id));
		const withTopics = new Set(TOPICS.map((t) => t.affair));
		for (const [agency, list] of Object.entries(CENTRAL_AGENCY_AFFAIRS)) {
			expect(central.has(agency), agency).toBe(true);
			for (const affair of list) expect(withTopics.has(affair), `${agency}: ${affair}`).toBe(true);
		}
		for (const affair of GENERIC_AFFAIRS) expect(withTopics.has(affair), affair).toBe(true);
	});

	it('names KIPP categories by affair', () => {
		expect(kippCategory('kesehatan')).toBe('Kesehatan');
		expect(kippCategory('penanaman_modal')).toBe('Perizinan dan Investasi');
		expect(kippCategory('keuangan')).toBe('Tata Kelola Pemerintahan');
	});
});
