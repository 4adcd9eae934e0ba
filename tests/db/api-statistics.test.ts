import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import { Statistics } from '../../src/lib/server/api/responses';
import type { DB } from '../../src/lib/server/db/schema';
import { ERROR_TABLE } from '../../src/lib/server/errors';
import { GET as getStatistics } from '../../src/routes/api/v1/statistics/+server';
import { callEndpoint } from '../support/call-endpoint';
import { createHub, createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
	await createInnovation(database.db, { stage: 'pelembagaan', year_started: 2021, awards: [{ programme: 'KIPP', year: 2023, level: 'Top 45' }] });
	await createInnovation(database.db, { agency_id: 'kemenkes', year_started: 2021, sources: [{ source: 'panrb' }] });
	await createInnovation(database.db, { agency_id: 'pemkot-35.78', deleted_at: new Date() });
	await createHub(database.db, { members: ['pemkab-53.09'] });
});
afterAll(async () => database?.dispose());

describe('GET /api/v1/statistics', () => {
	it('answers the national figures computed from the data', async () => {
		const res = await callEndpoint(getStatistics, '/api/v1/statistics', { db: database });
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		const stats = Statistics.parse(res.body);
		expect(stats.innovations).toBe(2);
		expect(stats.central).toBe(1);
		expect(stats.hubs).toEqual({ total: 1, pusat: 0, daerah: 1 });
		expect(stats.byStage).toEqual([
			{ stage: 'penciptaan', count: 1 },
			{ stage: 'pengembangan', count: 0 },
			{ stage: 'pelembagaan', count: 1 }
		]);
		expect(stats.byProvince).toHaveLength(38);
		expect(stats.byProvince.filter((p) => p.count > 0)).toEqual([{ code: '53', name: 'Nusa Tenggara Timur', count: 1 }]);
		expect(stats.byYear).toEqual([{ year: 2021, count: 2 }]);
		expect(stats.awards).toEqual([{ programme: 'KIPP', count: 1 }]);
		expect(stats.bySource.find((s) => s.source === 'panrb')).toMatchObject({ records: 1, innovations: 1 });
	});

	it('ignores query parameters it does not know', async () => {
		const res = await callEndpoint(getStatistics, '/api/v1/statistics?tahun=abc', { db: database });
		expect(res.status).toBe(200);
	});

	it('answers 500 INTERNAL without the cause when the database fails, and logs the cause', async () => {
		// Builds queries as usual; every execution fails the way a lost server connection does.
		const failing = new Kysely<DB>({
			dialect: new PostgresDialect({
				pool: {
					connect: async () => {
						throw new Error('koneksi putus: password=rahasia');
					},
					end: async () => {}
				} as never
			})
		});
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const res = await callEndpoint(getStatistics, '/api/v1/statistics', { db: { ...database, db: failing } });
			expect(res.status).toBe(500);
			expect(res.headers.get('cache-control')).toBe('no-store');
			expect(res.body).toEqual({ error: { code: 'INTERNAL', message: ERROR_TABLE.INTERNAL.message } });
			expect(JSON.stringify(res.body)).not.toMatch(/rahasia|koneksi|Error|\.ts:\d/);
			expect(log).toHaveBeenCalledOnce();
			expect(String(log.mock.calls[0]?.[1])).toContain('koneksi putus');
			await failing.destroy();
		} finally {
			log.mockRestore();
		}
	});
});
