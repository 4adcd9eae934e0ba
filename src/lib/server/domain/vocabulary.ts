/**
 * The canonical vocabulary of domain.md: lifecycle stages, government affairs (UU 23/2014),
 * SDGs, forms, initiators and sustainability statuses, with their Indonesian labels.
 * Codes are stable (they are stored and exposed by the API); labels are for people.
 */

export const STAGES = ['penciptaan', 'pengembangan', 'pelembagaan'] as const;
export type StageCode = (typeof STAGES)[number];
export const STAGE_LABELS: Record<StageCode, string> = {
	penciptaan: 'Penciptaan',
	pengembangan: 'Pengembangan',
	pelembagaan: 'Pelembagaan'
};

export const SOURCES = ['panrb', 'kemendagri', 'lan'] as const;
export type SourceCode = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<SourceCode, string> = {
	panrb: 'KemenPANRB (SINOVIK/KIPP)',
	kemendagri: 'Kemendagri (Indeks Inovasi Daerah)',
	lan: 'LAN (Laboratorium Inovasi)'
};

export type AffairGroup = 'wajib_dasar' | 'wajib_non_dasar' | 'pilihan' | 'penunjang';

export interface Affair {
	code: string;
	label: string;
	group: AffairGroup;
}

const affair = (label: string, group: AffairGroup): Affair => ({
	code: label
		.toLowerCase()
		.replace(/,/g, '')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, ''),
	label,
	group
});

export const AFFAIRS: readonly Affair[] = [
	affair('Pendidikan', 'wajib_dasar'),
	affair('Kesehatan', 'wajib_dasar'),
	affair('Pekerjaan Umum dan Penataan Ruang', 'wajib_dasar'),
	affair('Perumahan Rakyat dan Kawasan Permukiman', 'wajib_dasar'),
	affair('Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat', 'wajib_dasar'),
	affair('Sosial', 'wajib_dasar'),
	affair('Tenaga Kerja', 'wajib_non_dasar'),
	affair('Pemberdayaan Perempuan dan Pelindungan Anak', 'wajib_non_dasar'),
	affair('Pangan', 'wajib_non_dasar'),
	affair('Pertanahan', 'wajib_non_dasar'),
	affair('Lingkungan Hidup', 'wajib_non_dasar'),
	affair('Administrasi Kependudukan dan Pencatatan Sipil', 'wajib_non_dasar'),
	affair('Pemberdayaan Masyarakat dan Desa', 'wajib_non_dasar'),
	affair('Pengendalian Penduduk dan Keluarga Berencana', 'wajib_non_dasar'),
	affair('Perhubungan', 'wajib_non_dasar'),
	affair('Komunikasi dan Informatika', 'wajib_non_dasar'),
	affair('Koperasi, Usaha Kecil dan Menengah', 'wajib_non_dasar'),
	affair('Penanaman Modal', 'wajib_non_dasar'),
	affair('Kepemudaan dan Olahraga', 'wajib_non_dasar'),
	affair('Statistik', 'wajib_non_dasar'),
	affair('Persandian', 'wajib_non_dasar'),
	affair('Kebudayaan', 'wajib_non_dasar'),
	affair('Perpustakaan', 'wajib_non_dasar'),
	affair('Kearsipan', 'wajib_non_dasar'),
	affair('Kelautan dan Perikanan', 'pilihan'),
	affair('Pariwisata', 'pilihan'),
	affair('Pertanian', 'pilihan'),
	affair('Kehutanan', 'pilihan'),
	affair('Energi dan Sumber Daya Mineral', 'pilihan'),
	affair('Perdagangan', 'pilihan'),
	affair('Perindustrian', 'pilihan'),
	affair('Transmigrasi', 'pilihan'),
	affair('Perencanaan', 'penunjang'),
	affair('Keuangan', 'penunjang'),
	affair('Kepegawaian', 'penunjang'),
	affair('Pendidikan dan Pelatihan', 'penunjang'),
	affair('Penelitian dan Pengembangan', 'penunjang'),
	affair('Fungsi Lain', 'penunjang')
];

export const AFFAIR_CODES = AFFAIRS.map((a) => a.code) as [string, ...string[]];
const affairByCode = new Map(AFFAIRS.map((a) => [a.code, a]));
export function affairLabel(code: string | null | undefined): string | null {
	if (!code) return null;
	return affairByCode.get(code)?.label ?? code;
}

export const SDG_LABELS: Record<number, string> = {
	1: 'Tanpa Kemiskinan',
	2: 'Tanpa Kelaparan',
	3: 'Kehidupan Sehat dan Sejahtera',
	4: 'Pendidikan Berkualitas',
	5: 'Kesetaraan Gender',
	6: 'Air Bersih dan Sanitasi Layak',
	7: 'Energi Bersih dan Terjangkau',
	8: 'Pekerjaan Layak dan Pertumbuhan Ekonomi',
	9: 'Industri, Inovasi dan Infrastruktur',
	10: 'Berkurangnya Kesenjangan',
	11: 'Kota dan Permukiman yang Berkelanjutan',
	12: 'Konsumsi dan Produksi yang Bertanggung Jawab',
	13: 'Penanganan Perubahan Iklim',
	14: 'Ekosistem Lautan',
	15: 'Ekosistem Daratan',
	16: 'Perdamaian, Keadilan dan Kelembagaan yang Tangguh',
	17: 'Kemitraan untuk Mencapai Tujuan'
};
export const SDG_NUMBERS = Object.keys(SDG_LABELS).map(Number);

export const FORM_LABELS = {
	tata_kelola: 'Inovasi Tata Kelola Pemerintahan',
	pelayanan_publik: 'Inovasi Pelayanan Publik',
	lainnya: 'Inovasi Lainnya'
} as const;

export const INITIATOR_LABELS = {
	kepala_daerah: 'Kepala Daerah',
	anggota_dprd: 'Anggota DPRD',
	opd: 'OPD',
	asn: 'ASN',
	masyarakat: 'Masyarakat'
} as const;

export const SUSTAINABILITY_LABELS = {
	berlanjut: 'Berlanjut',
	berlanjut_dengan_pengembangan: 'Berlanjut dengan Pengembangan',
	berhenti: 'Berhenti'
} as const;

export const AGENCY_KIND_LABELS = {
	kementerian: 'Kementerian',
	lembaga: 'Lembaga',
	pemerintah_provinsi: 'Pemerintah Provinsi',
	pemerintah_kabupaten: 'Pemerintah Kabupaten',
	pemerintah_kota: 'Pemerintah Kota',
	bumn: 'BUMN',
	bumd: 'BUMD'
} as const;

export const AWARD_PROGRAMMES = ['KIPP', 'IGA', 'PKRI', 'LAINNYA'] as const;
export const AWARD_PROGRAMME_LABELS: Record<(typeof AWARD_PROGRAMMES)[number], string> = {
	KIPP: 'Kompetisi Inovasi Pelayanan Publik (KIPP)',
	IGA: 'Innovative Government Award (IGA)',
	PKRI: 'Penghargaan Kinerja dan Reformasi Inovasi (PKRI)',
	LAINNYA: 'Penghargaan lainnya'
};
export const KIPP_LEVELS = ['Top 99', 'Top 45', 'Top 15', 'Outstanding Achievement'] as const;

export const THEMES = [
	'Digitalisasi Layanan Pemerintahan',
	'Penanggulangan Kemiskinan',
	'Kemudahan Investasi',
	'Prioritas Aktual Presiden',
	'Non Tematik'
] as const;

/** Month names as Indonesian documents write them. */
export const MONTH_NAMES = [
	'Januari',
	'Februari',
	'Maret',
	'April',
	'Mei',
	'Juni',
	'Juli',
	'Agustus',
	'September',
	'Oktober',
	'November',
	'Desember'
] as const;
