import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addSynonym,
	listSynonyms,
	removeSynonym,
	synonymsVersion,
	upsertSynonyms
} from '../../src/lib/server/repositories/search-synonym-repository';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase({ referenceData: false });
});
afterAll(async () => {
	await database?.dispose();
});

describe('search synonym repository', () => {
	it('upserts pairs once (case-insensitive), adds, lists and soft-removes', async () => {
		const db = database.db;
		const before = await synonymsVersion(db);
		const first = await upsertSynonyms(db, [
			{ term: 'KTP', expansion: 'kartu tanda penduduk', source: 'csv' },
			{ term: 'ktp', expansion: 'Kartu Tanda Penduduk', source: 'csv' },
			{ term: 'PTSP', expansion: 'pelayanan terpadu satu pintu', source: 'csv' }
		]);
		expect(first).toEqual({ inserted: 2, unchanged: 1 });
		expect(await upsertSynonyms(db, [{ term: 'KTP', expansion: 'kartu tanda penduduk', source: 'csv' }])).toEqual({
			inserted: 0,
			unchanged: 1
		});
		const added = await addSynonym(db, { term: 'ijin', expansion: 'izin', source: 'admin', createdBy: 'u1' });
		expect(added?.source).toBe('admin');
		expect(await addSynonym(db, { term: 'IJIN', expansion: 'izin', source: 'admin' })).toBeUndefined();
		expect((await listSynonyms(db)).map((r) => r.term)).toEqual(['ijin', 'KTP', 'PTSP']);
		expect(await synonymsVersion(db)).not.toBe(before);

		expect(await removeSynonym(db, added!.id, 'u1')).toBe(true);
		expect(await removeSynonym(db, added!.id, 'u1')).toBe(false);
		expect((await listSynonyms(db)).map((r) => r.term)).toEqual(['KTP', 'PTSP']);
		const all = await listSynonyms(db, { includeRemoved: true });
		expect(all.find((r) => r.id === added!.id)?.deleted_by).toBe('u1');
		// A removed pair can be added again (a new row; the old one stays as history).
		expect(await addSynonym(db, { term: 'ijin', expansion: 'izin', source: 'admin' })).toBeDefined();
	});
});
