import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Three suites: pure unit tests, database tests (PGlite by default, PostgreSQL when
// DATABASE_URL is set), and browser tests against a built server in Chromium.
export default defineConfig({
	resolve: { alias: { $lib: new URL('./src/lib', import.meta.url).pathname } },
	test: {
		// One worker per core, not vitest's default of one fewer: on CI's two cores the default is a
		// single worker, and the database tests spend much of their time waiting on PostgreSQL or on
		// the CLI processes they start (the database tests on PostgreSQL: 111 s with one, 82 s with two).
		maxWorkers: os.availableParallelism(),
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'] }
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});
