import { describe, expect, it } from 'vitest';
import { fromCachedResponse, isCacheableRequest, toCachedResponse } from './public-response-cache';

describe('public response cache rules', () => {
	it('caches only anonymous GETs', () => {
		expect(isCacheableRequest(new Request('http://x/katalog'), false)).toBe(true);
		expect(isCacheableRequest(new Request('http://x/katalog'), true)).toBe(false);
		expect(isCacheableRequest(new Request('http://x/katalog', { method: 'POST' }), false)).toBe(false);
		expect(isCacheableRequest(new Request('http://x/api/v1/innovations', { headers: { authorization: 'Bearer t' } }), false)).toBe(false);
	});

	it('keeps a plain 200 and serves it back marked as a hit', async () => {
		const cached = await toCachedResponse(new Response('<h1>Katalog</h1>', { headers: { 'content-type': 'text/html' } }));
		expect(cached).not.toBeNull();
		const served = fromCachedResponse(cached!);
		expect(served.headers.get('x-cache')).toBe('hit');
		expect(served.headers.get('content-type')).toBe('text/html');
		expect(await served.text()).toBe('<h1>Katalog</h1>');
		// Each hit gets its own body.
		expect(await fromCachedResponse(cached!).text()).toBe('<h1>Katalog</h1>');
	});

	it('never keeps errors, private or no-store answers, answers that set cookies, or encoded answers', async () => {
		expect(await toCachedResponse(new Response('x', { status: 404 }))).toBeNull();
		expect(await toCachedResponse(new Response('x', { headers: { 'cache-control': 'no-store' } }))).toBeNull();
		expect(await toCachedResponse(new Response('x', { headers: { 'cache-control': 'private, max-age=0' } }))).toBeNull();
		expect(await toCachedResponse(new Response('x', { headers: { 'set-cookie': 'lang=en' } }))).toBeNull();
		expect(await toCachedResponse(new Response('x'.repeat(300 * 1024)))).toBeNull();
		// Its key names no encoding: a compressed answer would reach clients that cannot read it.
		expect(await toCachedResponse(new Response('x', { headers: { 'content-encoding': 'br' } }))).toBeNull();
	});
});
