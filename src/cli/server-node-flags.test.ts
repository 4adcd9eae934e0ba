import { afterEach, describe, expect, it, vi } from 'vitest';
import { withServerNodeFlags } from './server-node-flags';

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
