import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/policy';
import { upsertSynonyms } from '../../src/lib/server/repositories/search-synonym-repository';
import { actions, load } from '../../src/routes/admin/sinonim/+page.server';
import { outcome, requestEvent } from '../support/request-event';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const admin: Actor = { id: 'admin-sinonim', role: 'admin' };
const curator: Actor = { id: 'kurator-sinonim', role: 'kurator' };
const operator: Actor = { id: 'operator-sinonim', role: 'operator', agencyId: 'pemkab-53.09' };
const hubCoordinator: Actor = { id: 'hub-sinonim', role: 'koordinator_hub', hubId: 'hub-ntt' };

const tambah = actions.tambah!;
const hapus = actions.hapus!;

const FORBIDDEN = { kind: 'error', status: 403, body: { code: 'FORBIDDEN', message: 'Anda tidak berwenang melakukan tindakan ini.' } };

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase({ referenceData: false });
	// 60 pairs from the list: more than one page of 50.
	await upsertSynonyms(
		database.db,
		Array.from({ length: 59 }, (_, i) => ({ term: `S${String(i).padStart(2, '0')}`, expansion: `Singkatan Nomor ${i}`, source: 'csv' as const, note: 'uji' })).concat([
			{ term: 'KTP', expansion: 'Kartu Tanda Penduduk Elektronik', source: 'csv' as const, note: 'dokumen' }
		])
	);
});
afterAll(async () => database?.dispose());

function event(path: string, actor: Actor | null, form?: Record<string, string>) {
	const { event } = requestEvent({ db: database, path, form });
	event.locals.actor = actor;
	return event;
}

const history = (entityId: string) =>
	database.db
		.selectFrom('change_history')
		.select(['action', 'actor', 'snapshot'])
		.where('entity_type', '=', 'search_synonym')
		.where('entity_id', '=', entityId)
		.orderBy('id')
		.execute();

describe('/admin/sinonim: who may open it', () => {
	it('sends the public to sign in and back', async () => {
		expect(await outcome(() => load(event('/admin/sinonim?cari=ktp', null) as never))).toEqual({
			kind: 'redirect',
			status: 303,
			location: `/masuk?kembali=${encodeURIComponent('/admin/sinonim?cari=ktp')}`
		});
	});

	it('refuses operators and hub coordinators with 403', async () => {
		expect(await outcome(() => load(event('/admin/sinonim', operator) as never))).toEqual(FORBIDDEN);
		expect(await outcome(() => load(event('/admin/sinonim', hubCoordinator) as never))).toEqual(FORBIDDEN);
	});

	it('lists a page at a time for admins and curators, and searches term, expansion and note', async () => {
		const first = await outcome(() => load(event('/admin/sinonim', curator) as never));
		expect(first).toMatchObject({ kind: 'value', value: { total: 60, page: 1, pages: 2, query: '' } });
		expect(first.kind === 'value' && first.value.items).toHaveLength(50);
		const second = await outcome(() => load(event('/admin/sinonim?halaman=2', admin) as never));
		expect(second.kind === 'value' && second.value.items.map((s: { term: string }) => s.term)).toEqual(['S49', 'S50', 'S51', 'S52', 'S53', 'S54', 'S55', 'S56', 'S57', 'S58']);
		const found = await outcome(() => load(event('/admin/sinonim?cari=penduduk', admin) as never));
		expect(found).toMatchObject({
			kind: 'value',
			value: { total: 1, pages: 1, query: 'penduduk', items: [{ term: 'KTP', expansion: 'Kartu Tanda Penduduk Elektronik', note: 'dokumen', source: 'csv' }] }
		});
	});

	it('refuses a bad page number with the exact message', async () => {
		expect(await outcome(() => load(event('/admin/sinonim?halaman=0', admin) as never))).toEqual({
			kind: 'error',
			status: 400,
			body: { code: 'VALIDATION_FAILED', message: 'Nomor halaman minimal 1' }
		});
	});
});

describe('adding a synonym', () => {
	const path = '/admin/sinonim?/tambah';

	it('public: sign in; wrong role: 403; nothing added', async () => {
		const form = { istilah: 'Disdukcapil', padanan: 'dinas kependudukan' };
		expect(await outcome(() => tambah(event(path, null, form) as never))).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await outcome(() => tambah(event(path, operator, form) as never))).toEqual(FORBIDDEN);
		expect((await database.db.selectFrom('search_synonyms').select('id').where('term', '=', 'Disdukcapil').execute()).length).toBe(0);
	});

	it('refuses invalid input with the exact message, keeping what was typed', async () => {
		expect(await outcome(() => tambah(event(path, admin, { istilah: '  ', padanan: 'kartu keluarga' }) as never))).toEqual({
			kind: 'failure',
			status: 400,
			data: { ok: false, target: 'tambah', message: 'Istilah wajib diisi.', values: { istilah: '  ', padanan: 'kartu keluarga', keterangan: '' } }
		});
		expect(await outcome(() => tambah(event(path, admin, { istilah: 'KK', padanan: 'kk' }) as never))).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { message: 'Istilah dan padanan tidak boleh sama.' }
		});
		expect(await outcome(() => tambah(event(path, admin, { istilah: 'ktp', padanan: 'kartu tanda penduduk elektronik' }) as never))).toMatchObject({
			kind: 'failure',
			status: 409,
			data: { message: 'Pasangan istilah dan padanan ini sudah ada.' }
		});
	});

	it('adds the pair as the curator, with the change history', async () => {
		const result = await outcome(() =>
			tambah(event(path, curator, { istilah: ' Disdukcapil ', padanan: 'dinas kependudukan', keterangan: 'istilah daerah' }) as never)
		);
		expect(result).toEqual({
			kind: 'value',
			value: { ok: true, target: 'tambah', message: 'Sinonim "Disdukcapil" ~ "dinas kependudukan" ditambahkan.' }
		});
		const row = await database.db.selectFrom('search_synonyms').selectAll().where('term', '=', 'Disdukcapil').executeTakeFirstOrThrow();
		expect(row).toMatchObject({ expansion: 'dinas kependudukan', note: 'istilah daerah', source: 'admin', created_by: curator.id, deleted_at: null });
		expect(await history(String(row.id))).toEqual([
			{ action: 'create', actor: curator.id, snapshot: { id: row.id, term: 'Disdukcapil', expansion: 'dinas kependudukan', note: 'istilah daerah', source: 'admin' } }
		]);
	});
});

describe('removing a synonym', () => {
	const path = '/admin/sinonim?/hapus';
	const ktpId = async () =>
		String((await database.db.selectFrom('search_synonyms').select('id').where('term', '=', 'KTP').executeTakeFirstOrThrow()).id);

	it('public: sign in; wrong role: 403; nothing removed', async () => {
		const id = await ktpId();
		expect(await outcome(() => hapus(event(path, null, { sinonim: id }) as never))).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await outcome(() => hapus(event(path, hubCoordinator, { sinonim: id }) as never))).toEqual(FORBIDDEN);
		expect(await history(id)).toEqual([]);
	});

	it('refuses a bad or unknown id with the exact message', async () => {
		expect(await outcome(() => hapus(event(path, admin, { sinonim: 'abc' }) as never))).toEqual({
			kind: 'failure',
			status: 400,
			data: { ok: false, target: 'hapus', message: 'Sinonim yang akan dihapus tidak valid.' }
		});
		expect(await outcome(() => hapus(event(path, admin, { sinonim: '999999' }) as never))).toEqual({
			kind: 'failure',
			status: 404,
			data: { ok: false, target: 'hapus', message: 'Sinonim tidak ditemukan.' }
		});
	});

	it('removes softly: the row stays with who and when, the history records it, the list no longer shows it', async () => {
		const id = await ktpId();
		expect(await outcome(() => hapus(event(path, admin, { sinonim: id }) as never))).toEqual({
			kind: 'value',
			value: { ok: true, target: 'hapus', message: 'Sinonim "KTP" ~ "Kartu Tanda Penduduk Elektronik" dihapus.' }
		});
		const row = await database.db.selectFrom('search_synonyms').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow();
		expect(row.deleted_by).toBe(admin.id);
		expect(row.deleted_at).not.toBeNull();
		expect(await history(id)).toMatchObject([{ action: 'delete', actor: admin.id, snapshot: { term: 'KTP', source: 'csv' } }]);
		expect(await outcome(() => load(event('/admin/sinonim?cari=ktp', admin) as never))).toMatchObject({ kind: 'value', value: { total: 0 } });
		expect(await outcome(() => hapus(event(path, admin, { sinonim: id }) as never))).toMatchObject({
			kind: 'failure',
			status: 409,
			data: { message: 'Sinonim ini sudah dihapus.' }
		});
	});
});
