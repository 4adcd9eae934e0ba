import { getContext, setContext } from 'svelte';
import { en } from './en';
import { id, type MessageKey } from './id';
import { formatDate, formatDateTime, formatDecimal, formatNumber } from './format';

export type { MessageKey } from './id';

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';
/** The cookie that remembers the visitor's language choice. */
export const LANG_COOKIE = 'lang';

const catalogues: Record<Lang, Partial<Record<MessageKey, string>>> = { id, en };

/** Any value (cookie, query parameter) as a supported language; Indonesian otherwise. */
export function parseLang(value: string | null | undefined): Lang {
	return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : DEFAULT_LANG;
}

export type MessageParams = Record<string, string | number>;

/** The message in `lang`, falling back to Indonesian, with `{name}` parameters filled in. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
	// An unknown key (e.g. a field name built at run time) shows as itself rather than breaking the page.
	const template: string = catalogues[lang][key] ?? id[key] ?? key;
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

export interface I18n {
	readonly lang: Lang;
	t(key: MessageKey, params?: MessageParams): string;
	/** A whole number or measure in the language's notation (1.234.567 in Indonesian). */
	n(value: number | null | undefined, fractionDigits?: number): string;
	/** A value with exactly `digits` decimals (IPM 72,39). */
	decimal(value: number | null | undefined, digits?: number): string;
	date(value: string | null | undefined): string;
	dateTime(value: string | null | undefined): string;
}

/** Translation and formatting for one language; `getLang` is read on every call so it stays current. */
export function createI18n(getLang: () => Lang): I18n {
	return {
		get lang() {
			return getLang();
		},
		t: (key, params) => translate(getLang(), key, params),
		n: (value, fractionDigits) => formatNumber(value, getLang(), fractionDigits),
		decimal: (value, digits) => formatDecimal(value, getLang(), digits),
		date: (value) => formatDate(value, getLang()),
		dateTime: (value) => formatDateTime(value, getLang())
	};
}

const CONTEXT = Symbol('i18n');

/** Called once by the root layout; components below read it with useI18n(). */
export function provideI18n(getLang: () => Lang): I18n {
	return setContext(CONTEXT, createI18n(getLang));
}

export function useI18n(): I18n {
	return getContext<I18n | undefined>(CONTEXT) ?? createI18n(() => DEFAULT_LANG);
}
