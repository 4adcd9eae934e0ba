import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { createI18n, parseLang, translate } from './index';

describe('translate', () => {
	it('fills in parameters', () => {
		expect(translate('id', 'pagination.status', { page: 2, pages: 7 })).toBe('Halaman 2 dari 7');
	});

	it('falls back to Indonesian for a key English lacks', () => {
		const missing = (Object.keys(id) as Array<keyof typeof id>).find((key) => !(key in en));
		expect(missing).toBeDefined();
		expect(translate('en', missing!)).toBe(id[missing!]);
	});

	it('uses English where it exists', () => {
		expect(translate('en', 'nav.home')).toBe('Home');
	});

	it('leaves unknown placeholders visible rather than empty', () => {
		expect(translate('id', 'pagination.status', { page: 1 })).toBe('Halaman 1 dari {pages}');
	});
});

describe('parseLang', () => {
	it('accepts supported languages and defaults to Indonesian', () => {
		expect(parseLang('en')).toBe('en');
		expect(parseLang('fr')).toBe('id');
		expect(parseLang(undefined)).toBe('id');
	});
});

describe('createI18n', () => {
	it('reads the current language on every call', () => {
		let lang: 'id' | 'en' = 'id';
		const i18n = createI18n(() => lang);
		expect(i18n.n(1500)).toBe('1.500');
		lang = 'en';
		expect(i18n.n(1500)).toBe('1,500');
		expect(i18n.t('nav.home')).toBe('Home');
	});
});

describe('catalogues', () => {
	it('English has no key that Indonesian lacks', () => {
		expect(Object.keys(en).filter((key) => !(key in id))).toEqual([]);
	});

	it('English keeps the same parameters as Indonesian', () => {
		const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const [key, text] of Object.entries(en)) {
			expect(params(text!), key).toEqual(params(id[key as keyof typeof id]));
		}
	});
});
