import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { runMigrations, readMigrations } from '../../src/lib/server/db/migrate';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

describe('migrations and reference data', () => {
	it('loads 38 provinces, 514 kabupaten/kota and their governments', async () => {
		const levels = await database.db
			.selectFrom('regions')
			.select(['level', (eb) => eb.fn.countAll<number>().as('n')])
			.groupBy('level')
			.execute();
		const byLevel = Object.fromEntries(levels.map((l) => [l.level, Number(l.n)]));
		expect(byLevel.provinsi).toBe(38);
		expect((byLevel.kabupaten ?? 0) + (byLevel.kota ?? 0)).toBe(514);
		const governments = await database.db
			.selectFrom('agencies')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('kind', 'in', ['pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota'])
			.executeTakeFirstOrThrow();
		expect(Number(governments.n)).toBe(552);
		const ngada = await database.db.selectFrom('agencies').selectAll().where('id', '=', 'pemkab-53.09').executeTakeFirstOrThrow();
		expect(ngada.name).toBe('Pemerintah Kabupaten Ngada');
	});

	it('supports the indonesian text search config, pg_trgm and unaccent', async () => {
		const { rows } = await sql<{ v: string; s: number; u: string }>`
			select to_tsvector('indonesian', 'pelayanan')::text as v,
				similarity('perijinan', 'perizinan') as s, unaccent('café') as u`.execute(database.db);
		expect(rows[0]?.v).toContain('layan');
		expect(rows[0]?.s).toBeGreaterThan(0.3);
		expect(rows[0]?.u).toBe('cafe');
	});

	it('running migrations again applies nothing', async () => {
		const outcome = await runMigrations(database);
		expect(outcome.applied).toEqual([]);
		expect(outcome.alreadyApplied).toBe(readMigrations().length);
	});

	it('a failing migration leaves the database as it was', async () => {
		const broken = [
			...readMigrations(),
			{ name: '9999_broken', checksum: 'x', sql: 'create table half_done (id int); select * from no_such_table;' }
		];
		await expect(runMigrations(database, broken)).rejects.toThrow(/9999_broken gagal/);
		const { rows } = await sql<{ t: string | null }>`select to_regclass('half_done')::text as t`.execute(database.db);
		expect(rows[0]?.t).toBeNull();
		const recorded = await database.db.selectFrom('schema_migrations').select('name').where('name', '=', '9999_broken').execute();
		expect(recorded).toEqual([]);
	});

	it('change history is append-only', async () => {
		await database.db
			.insertInto('change_history')
			.values({ entity_type: 'innovation', entity_id: 'x', action: 'create', actor: 'test' })
			.execute();
		await expect(sql`update change_history set actor = 'someone else'`.execute(database.db)).rejects.toThrow(
			/hanya boleh ditambah/
		);
		await expect(sql`delete from change_history`.execute(database.db)).rejects.toThrow(/hanya boleh ditambah/);
	});
});
