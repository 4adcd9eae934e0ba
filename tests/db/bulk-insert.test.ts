import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { innovationId } from '../../src/lib/server/domain/ids';
import { insertRows } from '../../src/lib/server/repositories/bulk-insert';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

describe('insertRows', () => {
	it('writes what insertInto(...).values(...) writes: a column a row lacks takes its default, arrays, nulls and text with quotes as given', async () => {
		const [a, b] = [innovationId(), innovationId()];
		await insertRows(database.db, 'innovations', [
			{ id: a, title: "Layanan 'Jemput Bola' $1", agency_id: 'pemkab-53.09', region_code: '53.09', sdgs: [3, 16], other_affairs: ['kesehatan'] },
			{ id: b, title: 'Kedua', agency_id: 'pemkab-53.09', region_code: null, stage: 'pelembagaan', summary: undefined }
		]);
		const rows = await database.db
			.selectFrom('innovations')
			.select(['id', 'title', 'region_code', 'sdgs', 'other_affairs', 'stage', 'summary', 'version'])
			.where('id', 'in', [a, b])
			.orderBy('title')
			.execute();
		expect(rows).toEqual([
			{ id: b, title: 'Kedua', region_code: null, sdgs: [], other_affairs: [], stage: 'pelembagaan', summary: '', version: 1 },
			{ id: a, title: "Layanan 'Jemput Bola' $1", region_code: '53.09', sdgs: [3, 16], other_affairs: ['kesehatan'], stage: 'penciptaan', summary: '', version: 1 }
		]);
	});

	it('does nothing for no rows and refuses a column name that would need quoting, writing nothing', async () => {
		await insertRows(database.db, 'innovations', []);
		const id = innovationId();
		const unsafe = { id, title: 'X', agency_id: 'pemkab-53.09', ['title"; drop table innovations; --']: 'x' };
		await expect(insertRows(database.db, 'innovations', [unsafe])).rejects.toThrow('Nama kolom tidak sah');
		expect(await database.db.selectFrom('innovations').select('id').where('id', '=', id).execute()).toEqual([]);
	});
});
