import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingCliEnvironment, missingCliNodeFlags, withServerNodeFlags } from './server-node-flags';

describe('withServerNodeFlags', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('adds the semi-space flag before the given arguments', () => {
		vi.stubEnv('NODE_OPTIONS', '');
		expect(withServerNodeFlags(['--import', 'tsx'])).toEqual(['--max-semi-space-size=32', '--import', 'tsx']);
	});

	it('keeps what the operator chose, on the command line or in NODE_OPTIONS', () => {
		vi.stubEnv('NODE_OPTIONS', '');
		expect(withServerNodeFlags(['--max-semi-space-size=64'])).toEqual(['--max-semi-space-size=64']);
		vi.stubEnv('NODE_OPTIONS', '--max-semi-space-size=8 --enable-source-maps');
		expect(withServerNodeFlags([])).toEqual([]);
	});
});

describe('missingCliNodeFlags', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('asks for the semi-space and heap-growing flags for imports and syncs only', () => {
		vi.stubEnv('NODE_OPTIONS', '');
		const both = ['--max-semi-space-size=32', '--heap-growing-percent=50'];
		expect(missingCliNodeFlags(['import', '--source', 'lan', '--file', 'x.jsonl'], [])).toEqual(both);
		expect(missingCliNodeFlags(['sync', 'lan', '--url', 'http://x'], ['--enable-source-maps'])).toEqual(both);
		expect(missingCliNodeFlags(['serve'], [])).toEqual([]);
		expect(missingCliNodeFlags([], [])).toEqual([]);
	});

	it('asks only for the flags the process lacks, on its command line or in NODE_OPTIONS', () => {
		vi.stubEnv('NODE_OPTIONS', '');
		expect(missingCliNodeFlags(['import'], ['--max-semi-space-size=32', '--heap-growing-percent=50'])).toEqual([]);
		expect(missingCliNodeFlags(['import'], ['--heap-growing-percent=25'])).toEqual(['--max-semi-space-size=32']);
		vi.stubEnv('NODE_OPTIONS', '--max-semi-space-size=16');
		expect(missingCliNodeFlags(['import'], [])).toEqual(['--heap-growing-percent=50']);
	});
});

describe('missingCliEnvironment', () => {
	it('asks for two malloc arenas for imports and syncs only', () => {
		expect(missingCliEnvironment(['import', '--source', 'lan', '--file', 'x.jsonl'], {})).toEqual({ MALLOC_ARENA_MAX: '2' });
		expect(missingCliEnvironment(['sync', 'lan', '--url', 'http://x'], { PATH: '/usr/bin' })).toEqual({ MALLOC_ARENA_MAX: '2' });
		expect(missingCliEnvironment(['serve'], {})).toEqual({});
		expect(missingCliEnvironment([], {})).toEqual({});
	});

	it('keeps what the operator set, even an empty value', () => {
		expect(missingCliEnvironment(['import'], { MALLOC_ARENA_MAX: '4' })).toEqual({});
		expect(missingCliEnvironment(['import'], { MALLOC_ARENA_MAX: '' })).toEqual({});
	});
});
