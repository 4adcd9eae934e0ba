import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_CONFIG, scorePair } from './score';
import type { MatchRecord } from './types';

const TEXT_A =
	'Melalui BU TAAT warga membayar PBB di balai desa. Realisasi PBB naik dari 55,1% menjadi 69,9%, menjangkau 2.340 wajib pajak, anggaran Rp 120 juta.';
const TEXT_B = 'Inovasi ini melayani 2.340 wajib pajak; realisasi penerimaan berubah dari 55,1% ke 69,9% dengan biaya Rp 120 juta per tahun.';
const TEXT_OTHER = 'Warga mencari kerja lewat kartu pintar. Penempatan naik dari 222 menjadi 1.717 orang per tahun di 63 desa.';

function record(overrides: Partial<MatchRecord> & Pick<MatchRecord, 'key' | 'title'>): MatchRecord {
	return { source: 'panrb', agencyId: null, regionCode: null, year: 2022, text: '', ...overrides };
}

function reason(result: ReturnType<typeof scorePair>, feature: string) {
	return result.reasons.find((r) => r.feature === feature)!;
}

describe('scorePair', () => {
	it('links two reports of one innovation and explains why in Indonesian', () => {
		const result = scorePair(
			record({ key: 'panrb:1', title: 'BU TAAT (BERSAMA UNTUK PBB LUNAS)', agencyId: 'A-0157', regionCode: '32.78', year: 2023, text: TEXT_A }),
			record({ key: 'kemendagri:2', source: 'kemendagri', title: 'BuTaat (bersama untuk pbb lunas).', regionCode: '32.78', year: 2021, text: TEXT_B })
		);
		expect(result.decision).toBe('link');
		expect(result.rule).toBeNull();
		expect(result.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_CONFIG.linkThreshold);
		expect(reason(result, 'acronym').note).toBe('Akronim sama: BUTAAT');
		expect(reason(result, 'region').note).toBe('Wilayah sama: 32.78');
		expect(reason(result, 'year').note).toBe('Selisih tahun 2 (2023 dan 2021)');
		expect(reason(result, 'text').note).toContain('55.1');
		// The agency is unknown on one side, so it is left out of the score rather than counted against.
		expect(reason(result, 'agency').weight).toBe(0);
	});

	it('keeps the same name in two regions apart, however alike the titles', () => {
		const result = scorePair(
			record({ key: 'panrb:1', title: 'RUMAH INFO (Rumah Layanan Keterbukaan Informasi Publik)', regionCode: '34.71', text: TEXT_A }),
			record({ key: 'lan:2', source: 'lan', title: 'Rumah Info (Rumah Layanan Keterbukaan Informasi Publik)', regionCode: '33.75', text: TEXT_A })
		);
		expect(result.decision).toBe('distinct');
		expect(result.rule).toContain('Wilayah berbeda');
	});

	it('keeps two innovations of one agency on one topic apart', () => {
		const result = scorePair(
			record({ key: 'panrb:1', title: 'Jempol Siap (Jemput Bola Pelayanan Pencari Kerja Online)', agencyId: 'A-0521', regionCode: '74.14', text: TEXT_OTHER }),
			record({ key: 'lan:2', source: 'lan', title: 'KARTU SIGAP: Kartu Kuning Online Smart Card', agencyId: 'A-0521', regionCode: '74.14', text: TEXT_OTHER })
		);
		expect(result.decision).toBe('distinct');
		expect(result.rule).toContain('Nama inovasi berbeda');
	});

	it('lets the narrative decide when one title is only the acronym and the other only the expansion', () => {
		const same = scorePair(
			record({ key: 'kemendagri:1', source: 'kemendagri', title: 'SCAN EMAS', regionCode: '72.01', text: TEXT_A }),
			record({ key: 'panrb:2', title: 'Scan Pembayaran PBB QR Code', agencyId: 'A-0361', regionCode: '72.01', text: TEXT_B })
		);
		const other = scorePair(
			record({ key: 'kemendagri:1', source: 'kemendagri', title: 'SCAN EMAS', regionCode: '72.01', text: TEXT_OTHER }),
			record({ key: 'panrb:2', title: 'Scan Pembayaran PBB QR Code', agencyId: 'A-0361', regionCode: '72.01', text: TEXT_B })
		);
		expect(reason(same, 'title').note).toContain('dinilai dari narasi');
		expect(same.decision).toBe('link');
		expect(other.decision).toBe('distinct');
	});

	it('counts a short name written in the other narrative', () => {
		const result = scorePair(
			record({ key: 'kemendagri:1', source: 'kemendagri', title: 'Kartu Kuning Online Smart Card', regionCode: '74.14', text: 'Melalui KARTU SIGAP, warga mencari kerja.' }),
			record({ key: 'lan:2', source: 'lan', title: 'KARTUSIGAP: Kartu Kuning Online Smart Card', regionCode: '74.14', text: 'Proyek perubahan lowongan kerja.' })
		);
		expect(reason(result, 'acronym')).toMatchObject({ value: 1, note: 'Akronim KARTUSIGAP disebut dalam narasi catatan lain' });
		expect(result.decision).toBe('link');
	});

	it('follows the configured thresholds', () => {
		const a = record({ key: 'a', title: 'SIP DATA', regionCode: '53.11' });
		const b = record({ key: 'b', title: 'SIP-DATA', regionCode: '53.11' });
		expect(scorePair(a, b).decision).toBe('link');
		expect(scorePair(a, b, { ...DEFAULT_MATCH_CONFIG, linkThreshold: 1.01 }).decision).toBe('review');
		expect(scorePair(a, b, { ...DEFAULT_MATCH_CONFIG, linkThreshold: 1.01, reviewThreshold: 1.01 }).decision).toBe('distinct');
	});
});

describe('hasWordJoin', () => {
	it('finds a name written with or without spaces, but never inside a longer word', async () => {
		const { hasWordJoin } = await import('./score');
		const text = ' melalui kartu sigap warga perekam data e rekam dan si cantik ';
		expect(hasWordJoin(text, 'kartusigap')).toBe(true);
		expect(hasWordJoin(text, 'kartu')).toBe(true);
		expect(hasWordJoin(text, 'erekam')).toBe(true);
		expect(hasWordJoin(text, 'sicantik')).toBe(true);
		expect(hasWordJoin(text, 'rekam')).toBe(true);
		expect(hasWordJoin(text, 'ekam')).toBe(false);
		expect(hasWordJoin(text, 'kartusi')).toBe(false);
		expect(hasWordJoin(text, 'sigapwargaperekamdata')).toBe(true);
		// At most four words.
		expect(hasWordJoin(text, 'kartusigapwargaperekamdata')).toBe(false);
	});
});

describe('mayMatch', () => {
	it('is false exactly when a hard rule makes the pair distinct', async () => {
		const { mayMatch, prepareRecord } = await import('./score');
		const base = record({ key: 'a', title: 'RUMAH INFO (Rumah Layanan Keterbukaan Informasi Publik)', regionCode: '34.71', text: TEXT_A });
		const otherRegion = record({ key: 'b', title: 'Rumah Info', regionCode: '33.75', text: TEXT_A });
		const otherName = record({ key: 'c', title: 'KARTU SIGAP (Kartu Kuning Online Smart Card)', regionCode: '34.71', text: TEXT_A });
		const same = record({ key: 'd', title: 'Rumah Info', regionCode: '34.71', text: TEXT_B });
		for (const other of [otherRegion, otherName, same]) {
			expect(mayMatch(prepareRecord(base), prepareRecord(other))).toBe(scorePair(base, other).rule === null);
		}
		expect(mayMatch(prepareRecord(base), prepareRecord(same))).toBe(true);
	});

	it('sends a same-name pair whose narratives give figures but share none to review instead of linking it', () => {
		const a = record({ key: 'panrb:1', title: 'KARTU NELAYAN', agencyId: 'A', regionCode: '32.03', year: 2021, text: 'Kartu dibagikan kepada 1.250 nelayan di 14 desa; hasil tangkapan naik 37,5%.' });
		const same = record({ key: 'kemendagri:2', source: 'kemendagri', title: 'Kartu Nelayan', agencyId: 'A', regionCode: '32.03', year: 2021, text: 'Sebanyak 1.250 nelayan dari 14 desa memakai kartu; tangkapan naik 37,5%.' });
		const other = record({ key: 'kemendagri:3', source: 'kemendagri', title: 'Kartu Nelayan', agencyId: 'A', regionCode: '32.03', year: 2021, text: 'Kartu dibagikan kepada 860 nelayan di 22 desa; hasil tangkapan naik 12,4%.' });
		expect(scorePair(a, same).decision).toBe('link');
		const doubtful = scorePair(a, other);
		expect(doubtful.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_CONFIG.linkThreshold);
		expect(doubtful.decision).toBe('review');
	});
});
