import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { isSecureContext } from '../auth/cookies';
import { localReturnPath } from './account-settings';
import { hasPersonalCookies, withSecurityHeaders } from './auth';

const jar = (...names: string[]) => ({ getAll: () => names.map((name) => ({ name, value: 'x' })) }) as unknown as Cookies;

describe('hasPersonalCookies', () => {
	it('lets the language and anonymous CSRF cookies keep public pages cacheable, nothing else', () => {
		expect(hasPersonalCookies(jar())).toBe(false);
		expect(hasPersonalCookies(jar('lang', 'jippnas_csrf'))).toBe(false);
		expect(hasPersonalCookies(jar('lang', 'jippnas_sesi'))).toBe(true);
		expect(hasPersonalCookies(jar('lain'))).toBe(true);
	});
});

describe('localReturnPath', () => {
	const origin = 'http://localhost';
	it('follows only paths on this site', () => {
		expect(localReturnPath('/kurasi?x=1', origin)).toBe('/kurasi?x=1');
		expect(localReturnPath('//jahat.example/x', origin)).toBeNull();
		expect(localReturnPath('/\t/jahat.example', origin)).toBeNull();
		expect(localReturnPath('/\\jahat.example', origin)).toBeNull();
		expect(localReturnPath('https://jahat.example', origin)).toBeNull();
		expect(localReturnPath('', origin)).toBeNull();
	});
});

describe('security context', () => {
	it('is secure over https or behind an https BASE_URL', () => {
		expect(isSecureContext({ url: new URL('http://localhost/') })).toBe(false);
		expect(isSecureContext({ url: new URL('https://x.go.id/') })).toBe(true);
		expect(isSecureContext({ url: new URL('http://10.0.0.1/'), baseUrl: 'https://x.go.id' })).toBe(true);
	});

	it('gives answers without a page policy the strictest one, and keeps a page policy', () => {
		const json = withSecurityHeaders(new Response('{}'), { url: new URL('http://localhost/') });
		expect(json.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
		const page = withSecurityHeaders(new Response('<p>', { headers: { 'content-security-policy': "default-src 'self'" } }), { url: new URL('http://localhost/') });
		expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
	});
});
