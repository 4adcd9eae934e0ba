import { describe, expect, it } from 'vitest';
import { clearReadCaches, readCache, TtlCache } from './read-cache';

describe('TtlCache', () => {
	it('computes once within the time to live and again after it', async () => {
		let now = 1000;
		let calls = 0;
		const cache = new TtlCache<number>(50, 10, () => now);
		const compute = async () => ++calls;
		expect(await cache.get('k', compute)).toBe(1);
		expect(await cache.get('k', compute)).toBe(1);
		now += 51;
		expect(await cache.get('k', compute)).toBe(2);
	});

	it('keeps at most maxEntries, dropping the oldest', async () => {
		const cache = new TtlCache<string>(1000, 2);
		await cache.get('a', async () => 'a');
		await cache.get('b', async () => 'b');
		await cache.get('c', async () => 'c');
		expect(cache.size).toBe(2);
		expect(await cache.get('a', async () => 'a2')).toBe('a2');
	});

	it('does not keep a failed computation', async () => {
		const cache = new TtlCache<string>(1000, 2);
		await expect(cache.get('k', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
		expect(await cache.get('k', async () => 'ok')).toBe('ok');
	});
});

describe('readCache', () => {
	it('keeps caches apart per database and clears them together', async () => {
		const dbA = {};
		const dbB = {};
		await readCache<string>(dbA, 'stats', 1000).get('all', async () => 'A');
		expect(await readCache<string>(dbB, 'stats', 1000).get('all', async () => 'B')).toBe('B');
		expect(await readCache<string>(dbA, 'stats', 1000).get('all', async () => 'A2')).toBe('A');
		clearReadCaches(dbA);
		expect(await readCache<string>(dbA, 'stats', 1000).get('all', async () => 'A3')).toBe('A3');
	});
});
