import type { AgencyKind } from '../db/schema';

/**
 * Central ministries and agencies of the current cabinet (Kabinet Merah Putih, 2024-2029) and
 * the main non-ministerial agencies. Ids are stable slugs used in URLs and the API; aliases are
 * the other names operators and source systems write.
 */
export interface CentralAgency {
	id: string;
	name: string;
	kind: Extract<AgencyKind, 'kementerian' | 'lembaga'>;
	abbreviation: string;
	aliases?: string[];
}

const k = (id: string, name: string, abbreviation: string, aliases: string[] = []): CentralAgency => ({
	id,
	name,
	kind: 'kementerian',
	abbreviation,
	aliases
});
const l = (id: string, name: string, abbreviation: string, aliases: string[] = []): CentralAgency => ({
	id,
	name,
	kind: 'lembaga',
	abbreviation,
	aliases
});

export const CENTRAL_AGENCIES: readonly CentralAgency[] = [
	// Coordinating ministries
	k('kemenko-polkam', 'Kementerian Koordinator Bidang Politik dan Keamanan', 'Kemenko Polkam'),
	k('kemenko-hukum', 'Kementerian Koordinator Bidang Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan', 'Kemenko Kumham Imipas'),
	k('kemenko-perekonomian', 'Kementerian Koordinator Bidang Perekonomian', 'Kemenko Perekonomian', ['Kemenko Ekon']),
	k('kemenko-pmk', 'Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan', 'Kemenko PMK'),
	k('kemenko-infrastruktur', 'Kementerian Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan', 'Kemenko Infra'),
	k('kemenko-pangan', 'Kementerian Koordinator Bidang Pangan', 'Kemenko Pangan'),
	k('kemenko-pm', 'Kementerian Koordinator Bidang Pemberdayaan Masyarakat', 'Kemenko PM'),
	// Ministries
	k('kemensetneg', 'Kementerian Sekretariat Negara', 'Kemensetneg', ['Setneg']),
	k('kemendagri', 'Kementerian Dalam Negeri', 'Kemendagri'),
	k('kemlu', 'Kementerian Luar Negeri', 'Kemlu', ['Kemenlu']),
	k('kemhan', 'Kementerian Pertahanan', 'Kemhan', ['Kemenhan']),
	k('kemenag', 'Kementerian Agama', 'Kemenag'),
	k('kemenkum', 'Kementerian Hukum', 'Kemenkum', ['Kemenkumham', 'Kementerian Hukum dan HAM']),
	k('kemenham', 'Kementerian Hak Asasi Manusia', 'KemenHAM'),
	k('kemenimipas', 'Kementerian Imigrasi dan Pemasyarakatan', 'Kemenimipas'),
	k('kemenkeu', 'Kementerian Keuangan', 'Kemenkeu'),
	k('kemendikdasmen', 'Kementerian Pendidikan Dasar dan Menengah', 'Kemendikdasmen', ['Kemendikbud', 'Kemendikbudristek']),
	k('kemdiktisaintek', 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi', 'Kemendiktisaintek', ['Kemdiktisaintek']),
	k('kemenbud', 'Kementerian Kebudayaan', 'Kemenbud'),
	k('kemenkes', 'Kementerian Kesehatan', 'Kemenkes'),
	k('kemensos', 'Kementerian Sosial', 'Kemensos'),
	k('kemnaker', 'Kementerian Ketenagakerjaan', 'Kemnaker', ['Kemenaker']),
	k('kp2mi', 'Kementerian Pelindungan Pekerja Migran Indonesia', 'KP2MI', ['BP2MI']),
	k('kemenperin', 'Kementerian Perindustrian', 'Kemenperin'),
	k('kemendag', 'Kementerian Perdagangan', 'Kemendag'),
	k('kesdm', 'Kementerian Energi dan Sumber Daya Mineral', 'KESDM', ['Kementerian ESDM']),
	k('kemenpu', 'Kementerian Pekerjaan Umum', 'Kementerian PU', ['Kementerian PUPR', 'KemenPUPR']),
	k('kementerian-pkp', 'Kementerian Perumahan dan Kawasan Permukiman', 'Kementerian PKP'),
	k('kemendesa', 'Kementerian Desa dan Pembangunan Daerah Tertinggal', 'Kemendes PDT', ['Kemendes PDTT', 'Kemendesa']),
	k('kementrans', 'Kementerian Transmigrasi', 'Kementrans'),
	k('kemenhub', 'Kementerian Perhubungan', 'Kemenhub'),
	k('komdigi', 'Kementerian Komunikasi dan Digital', 'Komdigi', ['Kominfo', 'Kemkominfo', 'Kementerian Komunikasi dan Informatika']),
	k('kementan', 'Kementerian Pertanian', 'Kementan'),
	k('kemenhut', 'Kementerian Kehutanan', 'Kemenhut', ['KLHK']),
	k('kkp', 'Kementerian Kelautan dan Perikanan', 'KKP'),
	k('atr-bpn', 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional', 'ATR/BPN', ['Kementerian ATR/BPN', 'BPN']),
	k('bappenas', 'Kementerian Perencanaan Pembangunan Nasional/Bappenas', 'Bappenas', ['Kementerian PPN/Bappenas']),
	k('kemenpanrb', 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi', 'KemenPANRB', ['Kementerian PANRB', 'Menpan']),
	k('kemenbumn', 'Kementerian Badan Usaha Milik Negara', 'Kementerian BUMN'),
	k('kemenkop', 'Kementerian Koperasi', 'Kemenkop', ['Kemenkop UKM']),
	k('kemenumkm', 'Kementerian Usaha Mikro, Kecil, dan Menengah', 'Kementerian UMKM'),
	k('kemenpar', 'Kementerian Pariwisata', 'Kemenpar', ['Kemenparekraf']),
	k('kemenekraf', 'Kementerian Ekonomi Kreatif', 'Kemenekraf'),
	k('kemenpppa', 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak', 'KemenPPPA', ['KPPPA']),
	k('kemenpora', 'Kementerian Pemuda dan Olahraga', 'Kemenpora'),
	k('klh', 'Kementerian Lingkungan Hidup/Badan Pengendalian Lingkungan Hidup', 'KLH', ['Kementerian LH']),
	k('kemendukbangga', 'Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN', 'Kemendukbangga', ['BKKBN']),
	k('kemeninves', 'Kementerian Investasi dan Hilirisasi/BKPM', 'Kementerian Investasi', ['BKPM']),
	k('kemenhaj', 'Kementerian Haji dan Umrah', 'Kemenhaj'),
	l('setkab', 'Sekretariat Kabinet', 'Setkab'),
	// Non-ministerial agencies
	l('lan', 'Lembaga Administrasi Negara', 'LAN'),
	l('bkn', 'Badan Kepegawaian Negara', 'BKN'),
	l('bps', 'Badan Pusat Statistik', 'BPS'),
	l('bpom', 'Badan Pengawas Obat dan Makanan', 'BPOM', ['Badan POM']),
	l('bnpb', 'Badan Nasional Penanggulangan Bencana', 'BNPB'),
	l('bmkg', 'Badan Meteorologi, Klimatologi, dan Geofisika', 'BMKG'),
	l('big', 'Badan Informasi Geospasial', 'BIG'),
	l('brin', 'Badan Riset dan Inovasi Nasional', 'BRIN'),
	l('bssn', 'Badan Siber dan Sandi Negara', 'BSSN'),
	l('bpkp', 'Badan Pengawasan Keuangan dan Pembangunan', 'BPKP'),
	l('lkpp', 'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah', 'LKPP'),
	l('anri', 'Arsip Nasional Republik Indonesia', 'ANRI'),
	l('perpusnas', 'Perpustakaan Nasional Republik Indonesia', 'Perpusnas'),
	l('bnn', 'Badan Narkotika Nasional', 'BNN'),
	l('bnpt', 'Badan Nasional Penanggulangan Terorisme', 'BNPT'),
	l('basarnas', 'Badan Nasional Pencarian dan Pertolongan', 'Basarnas'),
	l('bsn', 'Badan Standardisasi Nasional', 'BSN'),
	l('bapeten', 'Badan Pengawas Tenaga Nuklir', 'Bapeten'),
	l('bpip', 'Badan Pembinaan Ideologi Pancasila', 'BPIP'),
	l('bakamla', 'Badan Keamanan Laut', 'Bakamla'),
	l('bnpp', 'Badan Nasional Pengelola Perbatasan', 'BNPP'),
	l('bgn', 'Badan Gizi Nasional', 'BGN'),
	l('bpjs-kesehatan', 'BPJS Kesehatan', 'BPJS Kesehatan', ['Badan Penyelenggara Jaminan Sosial Kesehatan']),
	l('bpjs-ketenagakerjaan', 'BPJS Ketenagakerjaan', 'BPJS TK', ['BP Jamsostek']),
	l('polri', 'Kepolisian Negara Republik Indonesia', 'Polri'),
	l('kejaksaan', 'Kejaksaan Republik Indonesia', 'Kejaksaan RI', ['Kejagung']),
	l('ma', 'Mahkamah Agung', 'MA'),
	l('ombudsman', 'Ombudsman Republik Indonesia', 'ORI', ['Ombudsman RI']),
	l('kpu', 'Komisi Pemilihan Umum', 'KPU'),
	l('kpk', 'Komisi Pemberantasan Korupsi', 'KPK')
];
