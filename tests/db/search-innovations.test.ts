import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/database';
import { upsertSynonyms } from '../../src/lib/server/repositories/search-synonym-repository';
import { syncSearchIndex } from '../../src/lib/server/search/search-index-lifecycle';
import { searchInnovations } from '../../src/lib/server/services/search-innovations';
import { createInnovation } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
const ids: Record<string, string> = {};

const NOISE = [
	['Layanan Air Bersih Desa', 'Penyediaan air bersih bagi warga desa melalui jaringan perpipaan.'],
	['Sistem Informasi Pertanian Terpadu', 'Data petani dan lahan pertanian dalam satu dasbor.'],
	['Sekolah Lapang Petani', 'Pelatihan petani di lahan sendiri tentang teknik budidaya.'],
	['Bank Sampah Digital', 'Pengelolaan sampah rumah tangga dengan tabungan sampah daring.'],
	['Perpustakaan Keliling Desa', 'Mobil perpustakaan mendatangi sekolah di desa terpencil.'],
	['Posyandu Remaja', 'Pemeriksaan kesehatan remaja di posyandu setiap bulan.']
];

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	await upsertSynonyms(db, [
		{ term: 'KTP', expansion: 'Kartu Tanda Penduduk', source: 'csv' },
		{ term: 'UMKM', expansion: 'Usaha Mikro Kecil dan Menengah', source: 'csv' },
		{ term: 'Dukcapil', expansion: 'Kependudukan dan Pencatatan Sipil', source: 'csv' }
	]);
	const make = async (key: string, overrides: Parameters<typeof createInnovation>[1]) => {
		ids[key] = (await createInnovation(db, overrides)).id;
	};
	await make('ktp', {
		title: 'Pelayanan Kartu Tanda Penduduk Keliling',
		summary: 'Petugas Dukcapil mendatangi desa untuk perekaman KTP elektronik bagi warga lanjut usia.',
		main_affair: 'administrasi_kependudukan',
		stage: 'pelembagaan',
		sustainability_status: 'berlanjut',
		awards: [{ programme: 'KIPP', year: 2023, level: 'Top 45' }],
		sources: [{ source: 'panrb' }]
	});
	await make('izin', {
		title: 'Perizinan Berusaha Secara Online',
		summary: 'Pelaku usaha mengurus izin usaha secara daring tanpa datang ke kantor PTSP.',
		main_affair: 'penanaman_modal',
		sources: [{ source: 'kemendagri' }]
	});
	await make('stunting', {
		title: 'Gerakan Cegah Stunting',
		summary: 'Pendampingan ibu hamil dan balita untuk mencegah stunting di Kabupaten Ngada.',
		agency_id: 'pemkab-53.09',
		is_digital: false
	});
	await make('akta', {
		title: 'Akta Kelahiran Langsung Jadi',
		summary: 'Akta kelahiran diterbitkan di rumah sakit saat bayi lahir.',
		main_affair: 'administrasi_kependudukan',
		agency_id: 'pemkab-35.15'
	});
	await make('umkm', {
		title: 'Pemberdayaan Usaha Mikro Kecil dan Menengah',
		summary: 'Pendampingan pelaku usaha mikro agar berdaya saing dan naik kelas.',
		main_affair: 'koperasi_ukm'
	});
	await make('laper', {
		title: 'Sistem Informasi Perlindungan Usia Tua Lansia Pekerja',
		acronym: 'SI PERUT LAPER',
		summary: 'Pendataan pekerja lanjut usia agar mendapat jaminan sosial.',
		main_affair: 'sosial'
	});
	await make('sekolahIbu', {
		title: 'Sekolah Ibu',
		summary: 'Kelas pengasuhan bagi para ibu di setiap kelurahan.',
		main_affair: 'pemberdayaan_perempuan'
	});
	for (const [title, summary] of NOISE) await createInnovation(db, { title, summary, agency_id: 'pemkab-35.15' });
	await make('deleted', { title: 'Kartu Tanda Penduduk Terhapus', deleted_at: new Date(), deleted_by: 'uji' });
}, 120_000);

afterAll(async () => {
	await database?.dispose();
});

const first = async (q: string) => (await searchInnovations(database.db, { q, limit: 5 })).ids[0];

describe('searchInnovations', () => {
	it('finds the issue example queries first', async () => {
		expect(await first('ktp keliling')).toBe(ids.ktp);
		expect(await first('perijinan usaha online')).toBe(ids.izin);
		expect(await first('stunting ngada')).toBe(ids.stunting);
		expect(await first('akte kelahiran')).toBe(ids.akta);
		expect(await first('pemberdayaan umkm')).toBe(ids.umkm);
	});

	it('corrects typos and says "did you mean"', async () => {
		const result = await searchInnovations(database.db, { q: 'pelayanam kependudukan' });
		expect(result.ids[0]).toBe(ids.ktp);
		expect(result.didYouMean).toBe('pelayanan kependudukan');
	});

	it('searches once for queries typed differently, each with its own "did you mean"', async () => {
		const typo = await searchInnovations(database.db, { q: 'Pelayanam Kependudukan', limit: 7 });
		const plain = await searchInnovations(database.db, { q: 'pelayanan kependudukan', limit: 7 });
		expect(typo.didYouMean).toBe('pelayanan kependudukan');
		expect(plain.didYouMean).toBeNull();
		// One computed answer: the second query gets the first's items and engine timing.
		expect(plain.items).toEqual(typo.items);
		expect(plain.timing).toBe(typo.timing);
	});

	it('matches morphology: kependudukan ~ penduduk, perizinan ~ izin, pemberdayaan ~ berdaya', async () => {
		expect((await searchInnovations(database.db, { q: 'penduduk' })).ids).toContain(ids.ktp);
		expect(await first('izin')).toBe(ids.izin);
		expect((await searchInnovations(database.db, { q: 'berdaya' })).ids).toContain(ids.umkm);
	});

	it('finds an innovation by its acronym spelled as words', async () => {
		expect(await first('si perut laper')).toBe(ids.laper);
		expect(await first('SIPERUTLAPER')).toBe(ids.laper);
	});

	it('keeps both words of "Sekolah Ibu"', async () => {
		const result = await searchInnovations(database.db, { q: 'Sekolah Ibu' });
		expect(result.ids[0]).toBe(ids.sekolahIbu);
		expect(result.ids).not.toContain(undefined);
		// "Sekolah Lapang Petani" has only one of the two words.
		expect(result.partial).toBe(false);
		expect(result.total).toBe(1);
	});

	it('highlights the words found as safe segments', async () => {
		const result = await searchInnovations(database.db, { q: 'akte kelahiran' });
		const hit = result.items[0]!;
		expect(hit.snippetParts.filter((p) => p.mark).map((p) => p.text.toLowerCase())).toContain('kelahiran');
		expect(hit.titleParts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Akta', 'Kelahiran']);
		expect(hit.snippet).toBe(hit.snippetParts.map((p) => p.text).join(''));
		expect(hit.score).toBeGreaterThan(0);
	});

	it('never returns deleted innovations', async () => {
		const result = await searchInnovations(database.db, { q: 'kartu tanda penduduk' });
		expect(result.ids).not.toContain(ids.deleted);
	});

	it('counts facets exactly as SQL does, with the query and the other filters', async () => {
		const db = database.db;
		const all = await searchInnovations(db, {});
		const live = await db.selectFrom('innovations').select(sql<number>`count(*)::int`.as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
		expect(all.total).toBe(live.n);
		const byProvince = await db
			.selectFrom('innovations')
			.select(['province_code', sql<number>`count(*)::int`.as('n')])
			.where('deleted_at', 'is', null)
			.groupBy('province_code')
			.execute();
		for (const row of byProvince) {
			expect(all.facets!.provinsi.find((f) => f.value === row.province_code)?.count).toBe(row.n);
		}
		const digital = await db
			.selectFrom('innovations')
			.select(sql<number>`count(*)::int`.as('n'))
			.where('deleted_at', 'is', null)
			.where('is_digital', '=', false)
			.executeTakeFirstOrThrow();
		expect(all.facets!.digital.find((f) => f.value === 'tidak')?.count).toBe(digital.n);
		expect(all.facets!.penghargaan.find((f) => f.value === 'KIPP')?.count).toBe(1);
		expect(all.facets!.sumber.find((f) => f.value === 'panrb')?.count).toBe(1);

		// With a filter: the filter's own facet still shows the other values (to switch to).
		const filtered = await searchInnovations(db, { filters: { provinsi: '53' } });
		const in53 = byProvince.find((r) => r.province_code === '53')!.n;
		expect(filtered.total).toBe(in53);
		expect(filtered.facets!.provinsi.find((f) => f.value === '35')?.count).toBe(byProvince.find((r) => r.province_code === '35')!.n);
		expect(filtered.facets!.tahap.reduce((sum, f) => sum + f.count, 0)).toBe(in53);

		// Query and filter combined.
		const combined = await searchInnovations(db, { q: 'kelahiran', filters: { provinsi: '35' } });
		expect(combined.ids).toEqual([ids.akta]);
		expect(combined.facets!.provinsi.find((f) => f.value === '35')?.count).toBe(1);
	});

	it('sorts by newest and by most replicated', async () => {
		const db = database.db;
		await db.updateTable('innovations').set({ replication_count: 7 }).where('id', '=', ids.umkm!).execute();
		await syncSearchIndex(db);
		const replicated = await searchInnovations(db, { sort: 'replikasi', limit: 1 });
		expect(replicated.ids).toEqual([ids.umkm]);
		expect(replicated.items[0]!.replicationCount).toBe(7);
		const newest = await searchInnovations(db, { sort: 'terbaru', limit: 3 });
		const rows = await db
			.selectFrom('innovations')
			.select('id')
			.where('deleted_at', 'is', null)
			.orderBy('created_at', 'desc')
			.orderBy('id')
			.limit(3)
			.execute();
		expect(newest.ids).toEqual(rows.map((r) => r.id));
		const facets = (await searchInnovations(db, { filters: { direplikasi: 'ya' } })).facets!;
		expect(facets.direplikasi.find((f) => f.value === 'ya')?.count).toBe(1);
	});

	it('picks up updates and soft deletes made through another handle', async () => {
		const db = database.db;
		await searchInnovations(db, { q: 'gotong royong' });
		// Another process (a CLI import) writes through its own connection.
		let other: AppDatabase | undefined;
		const otherDb = database.url ? (other = await openDatabase({ databaseUrl: database.url, poolSize: 1 })).db : db;
		try {
			await otherDb.updateTable('innovations').set({ title: 'Gotong Royong Air Bersih' }).where('title', '=', 'Layanan Air Bersih Desa').execute();
			await otherDb.updateTable('innovations').set({ deleted_at: new Date(), deleted_by: 'uji' }).where('id', '=', ids.sekolahIbu!).execute();
		} finally {
			await other?.close();
		}
		await syncSearchIndex(db);
		expect((await searchInnovations(db, { q: 'gotong royong' })).total).toBe(1);
		expect((await searchInnovations(db, { q: 'sekolah ibu' })).ids).not.toContain(ids.sekolahIbu);
	});

	it('uses synonyms added later (both ways)', async () => {
		const db = database.db;
		await upsertSynonyms(db, [{ term: 'SIPANDU', expansion: 'air bersih', source: 'admin' }]);
		await syncSearchIndex(db);
		expect((await searchInnovations(db, { q: 'sipandu' })).total).toBeGreaterThan(0);
		expect((await searchInnovations(db, { q: 'ktp' })).ids[0]).toBe(ids.ktp);
	});
});
