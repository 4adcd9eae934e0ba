import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stem } from './stemmer';

/**
 * Word families that must share one stem, measured against PostgreSQL's built-in `indonesian`
 * Snowball configuration (the numbers go to docs/decisions/007-search-engine.md).
 */
const FAMILIES: string[][] = [
	['kependudukan', 'penduduk', 'kependudukannya'],
	['perizinan', 'izin', 'perijinan', 'ijin', 'diizinkan'],
	['pemberdayaan', 'berdaya', 'memberdayakan', 'daya'],
	['pelayanan', 'layanan', 'melayani', 'dilayani', 'pelayanannya'],
	['kelahiran', 'lahir', 'dilahirkan'],
	['kesehatan', 'sehat', 'menyehatkan'],
	['pendidikan', 'didik', 'pendidik', 'mendidik'],
	['pengaduan', 'aduan', 'mengadu'],
	['pendaftaran', 'daftar', 'terdaftar', 'mendaftar'],
	['pengelolaan', 'kelola', 'dikelola', 'pengelola'],
	['perpajakan', 'pajak'],
	['pencegahan', 'cegah', 'mencegah'],
	['perlindungan', 'lindung', 'melindungi'],
	['pembayaran', 'bayar', 'membayar'],
	['kemiskinan', 'miskin'],
	['pertanian', 'tani', 'petani'],
	['permukiman', 'pemukiman', 'mukim'],
	['persampahan', 'sampah'],
	['pelaporan', 'laporan', 'lapor', 'melapor'],
	['penanganan', 'menangani', 'ditangani'],
	['akta', 'akte'],
	['praktik', 'praktek'],
	['provinsi', 'propinsi']
];

/** Share of families whose words all get one stem. */
function familiesUnited(stemOf: (word: string) => string): number {
	return FAMILIES.filter((family) => new Set(family.map(stemOf)).size === 1).length / FAMILIES.length;
}

describe('Indonesian stemming', () => {
	it('gives the issue examples one stem', () => {
		expect(stem('kependudukan')).toBe(stem('penduduk'));
		expect(stem('perizinan')).toBe(stem('izin'));
		expect(stem('pemberdayaan')).toBe(stem('berdaya'));
		expect(new Set([stem('pelayanan'), stem('layanan'), stem('melayani')]).size).toBe(1);
		expect(stem('ktp')).toBe('ktp');
		expect(stem('umkm')).toBe('umkm');
	});

	describe('against the Snowball indonesian configuration', () => {
		let pg: PGlite;
		const snowball = new Map<string, string>();
		beforeAll(async () => {
			pg = new PGlite();
			const words = [...new Set(FAMILIES.flat())];
			const result = await pg.query<{ w: string; s: string }>(
				`select w, coalesce((ts_lexize('indonesian_stem', w))[1], w) as s from unnest($1::text[]) as w`,
				[words]
			);
			for (const row of result.rows) snowball.set(row.w, row.s);
		}, 60_000);
		afterAll(async () => {
			await pg?.close();
		});

		it('unites more word families than Snowball', () => {
			const ours = familiesUnited(stem);
			const theirs = familiesUnited((w) => snowball.get(w) ?? w);
			console.log(`Keluarga kata disatukan (${FAMILIES.length}): JIPPNas ${(ours * 100).toFixed(0)}%, Snowball indonesian ${(theirs * 100).toFixed(0)}%`);
			console.log(`Snowball: kependudukan -> ${snowball.get('kependudukan')}, penduduk -> ${snowball.get('penduduk')}`);
			expect(ours).toBeGreaterThanOrEqual(0.95);
			expect(ours).toBeGreaterThan(theirs);
		});
	});
});
