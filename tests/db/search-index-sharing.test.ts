import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
	await createInnovation(database.db, { title: 'KTP Keliling' });
}, 120_000);

afterAll(async () => {
	await database?.dispose();
});

// `jippnas serve` warms the index from the source modules while requests run in the built server
// bundle: two copies of the lifecycle module must share one index per database.
it('two copies of the index lifecycle module share one index per database', async () => {
	const cli = await import('../../src/lib/server/search/search-index-lifecycle');
	vi.resetModules();
	const server = await import('../../src/lib/server/search/search-index-lifecycle');
	expect(server).not.toBe(cli);

	await cli.warmSearchIndex(database.db);
	const fromCli = await cli.getSearchIndex(database.db);
	const fromServer = await server.getSearchIndex(database.db);
	expect(fromServer.index).toBe(fromCli.index);
	cli.dropSearchIndex(database.db);
});
