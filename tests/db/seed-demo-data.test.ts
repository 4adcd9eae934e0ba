import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCorpus } from '../../src/lib/server/domain/demo/corpus';
import { AppError } from '../../src/lib/server/errors';
import { listDemoRegions } from '../../src/lib/server/repositories/demo-seed-repository';
import { seedDemoData, type SeedDemoOutcome } from '../../src/lib/server/services/seed-demo-data';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let outcome: SeedDemoOutcome;
const progress: Array<[number, number]> = [];

const count = async (table: 'innovations' | 'awards' | 'source_records' | 'hubs' | 'hub_members' | 'change_history') => {
	const row = await database.db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
};

beforeAll(async () => {
	database = await createTestDatabase();
	outcome = await seedDemoData(database.db, {
		count: 300,
		seed: 'uji-seed',
		batchSize: 120,
		onProgress: (done, total) => progress.push([done, total])
	});
});

afterAll(async () => {
	await database?.dispose();
});

describe('seedDemoData', () => {
	it('writes the innovations, awards, source records and 54 hubs it reports', async () => {
		expect(outcome.innovations).toBe(300);
		expect(await count('innovations')).toBe(300);
		expect(await count('awards')).toBe(outcome.awards);
		expect(outcome.awards).toBeGreaterThan(0);
		expect(await count('source_records')).toBe(outcome.sourceRecords);
		expect(outcome.sourceRecords).toBeGreaterThan(300);
		expect(outcome.hubs).toBe(54);
		const kinds = await database.db
			.selectFrom('hubs')
			.select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
			.groupBy('kind')
			.orderBy('kind')
			.execute();
		expect(kinds.map((k) => [k.kind, Number(k.n)])).toEqual([
			['daerah', 36],
			['pusat', 18]
		]);
		expect(await count('hub_members')).toBeGreaterThan(450);
		// Batches of 120, 120 and 60, possibly finishing out of order.
		expect(progress).toHaveLength(4);
		expect(progress[0]).toEqual([0, 300]);
		expect(progress.at(-1)).toEqual([300, 300]);
		const done = progress.map(([d]) => d);
		expect(done).toEqual([...done].sort((a, b) => a - b));
	});

	it('stores exactly what the generator produces for that seed', async () => {
		const regions = await listDemoRegions(database.db);
		const [first] = generateDemoCorpus(regions, { seed: 'uji-seed', count: 1 });
		const expected = first!.innovations[0]!;
		const row = await database.db.selectFrom('innovations').selectAll().where('id', '=', expected.id).executeTakeFirstOrThrow();
		expect(row.title).toBe(expected.title);
		expect(row.summary).toBe(expected.summary);
		expect(row.sdgs).toEqual(expected.sdgs);
		expect(row.other_affairs).toEqual(expected.otherAffairs);
		expect(row.provenance).toEqual(expected.provenance);
		expect(row.started_on).toBe(expected.startedOn);
		expect(new Date(row.created_at).toISOString()).toBe(expected.createdAt);
	});

	it('gives every innovation an existing agency, its region and a unit of that agency', async () => {
		const rows = await database.db
			.selectFrom('innovations as i')
			.innerJoin('agencies as a', 'a.id', 'i.agency_id')
			.leftJoin('regions as r', 'r.code', 'i.region_code')
			.innerJoin('service_units as u', 'u.id', 'i.service_unit_id')
			.select(['i.id', 'i.region_code', 'a.region_code as agency_region', 'a.kind', 'r.code as region', 'u.agency_id as unit_agency', 'i.agency_id'])
			.execute();
		expect(rows).toHaveLength(300);
		for (const row of rows) {
			expect(row.region_code).toBe(row.agency_region);
			expect(row.unit_agency).toBe(row.agency_id);
			if (row.kind === 'kementerian' || row.kind === 'lembaga') expect(row.region_code).toBeNull();
			else expect(row.region).toBe(row.region_code);
		}
		const orphans = await database.db
			.selectFrom('source_records')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where((eb) => eb.not(eb.exists(eb.selectFrom('innovations as i').select(sql`1`.as('x')).whereRef('i.id', '=', 'source_records.innovation_id'))))
			.executeTakeFirstOrThrow();
		expect(Number(orphans.n)).toBe(0);
	});

	it('records one seed entry in the change history', async () => {
		const entries = await database.db.selectFrom('change_history').selectAll().where('action', '=', 'seed').execute();
		expect(entries).toHaveLength(1);
		expect(entries[0]!.entity_type).toBe('dataset');
		expect(entries[0]!.snapshot).toMatchObject({ count: 300, seed: 'uji-seed', innovations: 300 });
	});

	it('refuses a second seed into a registry that has innovations, changing nothing', async () => {
		const before = await count('change_history');
		const error = await seedDemoData(database.db, { count: 10 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).code).toBe('VALIDATION_FAILED');
		expect((error as AppError).message).toMatch(/sudah berisi 300 inovasi/);
		expect(await count('innovations')).toBe(300);
		expect(await count('change_history')).toBe(before);
	});

	it('rejects an invalid count with an Indonesian message', async () => {
		const error = await seedDemoData(database.db, { count: 0, append: true }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).message).toBe('Jumlah inovasi contoh minimal 1.');
	});

	it('appends after the existing innovations when asked, with new ids and no second set of hubs', async () => {
		const appended = await seedDemoData(database.db, { count: 50, seed: 'uji-seed', append: true });
		expect(appended.innovations).toBe(50);
		expect(appended.hubs).toBe(0);
		expect(await count('innovations')).toBe(350);
		expect(await count('hubs')).toBe(54);
		expect(await count('source_records')).toBe(outcome.sourceRecords + appended.sourceRecords);
	});
});
