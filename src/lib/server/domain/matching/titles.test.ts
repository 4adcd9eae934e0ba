import { describe, expect, it } from 'vitest';
import { analyseTitle, compareTitles } from './titles';

describe('analyseTitle', () => {
	it('splits ACRONYM (Expansion), ACRONYM: Expansion and ACRONYM - Expansion', () => {
		for (const title of ['BU TAAT (Bersama Untuk PBB Lunas)', 'BU TAAT: Bersama Untuk PBB Lunas', 'BU TAAT - Bersama Untuk PBB Lunas']) {
			const analysis = analyseTitle(title);
			expect(analysis.acronym).toBe('BU TAAT');
			expect(analysis.acronymKey).toBe('BUTAAT');
			expect(analysis.expansionTokens).toEqual(['bersama', 'untuk', 'pbb', 'lunas']);
			expect(analysis.hasBoth).toBe(true);
		}
	});

	it('gives one key for case, spacing, hyphen and dot variants', () => {
		const keys = ['SI-PINTAR', 'Si Pintar', 'SIPINTAR', 'si.pintar', 'Aplikasi Si Pintar.'].map((t) => analyseTitle(t).acronymKey);
		expect(new Set(keys)).toEqual(new Set(['SIPINTAR']));
		expect(analyseTitle('BuTaat (bersama untuk pbb lunas).').acronymKey).toBe(analyseTitle('BU TAAT').acronymKey);
		expect(analyseTitle('Program Jemput.Transaksi.Lincah').acronymKey).toBe('JEMPUTTRANSAKSILINCAH');
	});

	it('keeps a hyphenated name whole and strips the generic prefixes', () => {
		const analysis = analyseTitle('Inovasi GO-PEDULI (Gerakan Online Peduli Difabel Menyapa Desa)');
		expect(analysis.acronym).toBe('GO-PEDULI');
		expect(analysis.acronymKey).toBe('GOPEDULI');
		expect(analyseTitle('Aplikasi Pindai Tuntas').acronymKey).toBe('PINDAITUNTAS');
	});

	it('strips "Layanan" only before a name with its expansion', () => {
		expect(analyseTitle('Layanan RUMAH INFO (Rumah Layanan Keterbukaan Informasi Publik)').acronymKey).toBe('RUMAHINFO');
		expect(analyseTitle('LAYANAN PBB LUNAS DARING').expansionTokens).toEqual(['layanan', 'pbb', 'lunas', 'daring']);
		expect(analyseTitle('Layanan Cepat (Layanan Cepat Terpadu)').acronymKey).toBe('LAYANANCEPAT');
	});
});

describe('compareTitles', () => {
	const compare = (a: string, b: string) => compareTitles(analyseTitle(a), analyseTitle(b));

	it('matches an acronym alone against the full title', () => {
		const result = compare('rumah info', 'RUMAH INFO (Rumah Layanan Keterbukaan Informasi Publik Cepat dan Mudah)');
		expect(result.relation).toBe('same-acronym');
		expect(result.similarity).toBe(1);
	});

	it('matches an expansion alone, tolerating one-letter typos per word', () => {
		const result = compare('gerakan online layanan pencrai kerja', 'GO-LINCAH (Gerakan Online Layanan Penwari Kerja)');
		expect(result.relation).toBe('same-expansion');
		expect(compare('JEMPUT IZIN NYAMAN (Jemput Pendftaran Usaha)', 'JEMPUT IZIN NYAMAN (Jemput Pendaftaran Usaha)').similarity).toBe(1);
		expect(compare('MOBILEMAS (MOIBL PBB LUNAS)', 'MOBIL EMAS (Mobil PBB Lunas)').relation).toBe('same-acronym');
	});

	it('marks the same name with a different expansion as only partial', () => {
		const result = compare('GO-LINCAH (Gerakan Online Jelajah Wisata)', 'GO-LINCAH (Gerakan Online Layanan Pencari Kerja)');
		expect(result.relation).toBe('partial');
		expect(result.acronymMatch).toBe(true);
	});

	it('calls two complete, different titles different', () => {
		expect(compare('KARTU SIGAP (Kartu Kuning Online Smart Card)', 'Jempol Siap (Jemput Bola Pelayanan Pencari Kerja Online)').relation).toBe('different');
		expect(compare('Chat Informasi Wisata Terpadu', 'PESAN KALENDER WISATA TEPAT SASARAN').relation).toBe('different');
	});

	it('cannot decide between a short name alone and a long form alone', () => {
		expect(compare('SCAN EMAS', 'Scan Pembayoran PBB QR Code').relation).toBe('unknown');
		expect(compare('Aplikasi SIM TAAT MANIS', 'SISTEM INFORMASI MANAJEMEN PAJAK BUMI DAN BANGUNAN TANPA ANTRE').relation).toBe('unknown');
	});
});

describe('analyseTitle asked again', () => {
	it('gives the same analysis for a title asked twice in a row, and a fresh one after another title', () => {
		const titles = ['SIDAKEP (Sistem Data Kependudukan)', 'SIDAKEP (Sistem Data Kependudukan)', 'Inovasi GO-LINCAH', 'SIDAKEP (Sistem Data Kependudukan)', '', ''];
		const expected = titles.map((title) => structuredClone(analyseTitle(title)));
		for (const [i, title] of titles.entries()) expect(analyseTitle(title)).toEqual(expected[i]);
	});
});
