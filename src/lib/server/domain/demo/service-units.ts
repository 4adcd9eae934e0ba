/**
 * Service units (OPD / UPP) that run the demo innovations. Regional governments share one
 * naming scheme; health facilities are named after the region. Central agencies get their own
 * directorates, with a generic fallback.
 */
export type UnitKey =
	| 'dukcapil'
	| 'dinkes'
	| 'puskesmas'
	| 'rsud'
	| 'dpmptsp'
	| 'disdik'
	| 'dinsos'
	| 'bapenda'
	| 'distan'
	| 'dispangan'
	| 'diskopukm'
	| 'disdag'
	| 'disperin'
	| 'dlh'
	| 'diskominfo'
	| 'dishub'
	| 'bkpsdm'
	| 'bpkad'
	| 'bappeda'
	| 'brida'
	| 'organisasi'
	| 'inspektorat'
	| 'disnaker'
	| 'dp3a'
	| 'dpmd'
	| 'dppkb'
	| 'bpbd'
	| 'satpolpp'
	| 'damkar'
	| 'dispar'
	| 'dkp'
	| 'pupr'
	| 'perkim'
	| 'pertanahan'
	| 'dispusip'
	| 'dispora'
	| 'disbud'
	| 'dishut'
	| 'desdm'
	| 'disnakertrans'
	| 'bpsdm';

export interface ServiceUnitName {
	name: string;
	abbreviation: string | null;
}

const UNITS: Record<Exclude<UnitKey, 'puskesmas' | 'rsud'>, ServiceUnitName> = {
	dukcapil: { name: 'Dinas Kependudukan dan Pencatatan Sipil', abbreviation: 'Disdukcapil' },
	dinkes: { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' },
	dpmptsp: {
		name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
		abbreviation: 'DPMPTSP'
	},
	disdik: { name: 'Dinas Pendidikan', abbreviation: 'Disdik' },
	dinsos: { name: 'Dinas Sosial', abbreviation: 'Dinsos' },
	bapenda: { name: 'Badan Pendapatan Daerah', abbreviation: 'Bapenda' },
	distan: { name: 'Dinas Pertanian', abbreviation: 'Distan' },
	dispangan: { name: 'Dinas Ketahanan Pangan', abbreviation: 'DKP' },
	diskopukm: { name: 'Dinas Koperasi, Usaha Kecil dan Menengah', abbreviation: 'Diskopukm' },
	disdag: { name: 'Dinas Perdagangan', abbreviation: 'Disdag' },
	disperin: { name: 'Dinas Perindustrian', abbreviation: 'Disperin' },
	dlh: { name: 'Dinas Lingkungan Hidup', abbreviation: 'DLH' },
	diskominfo: { name: 'Dinas Komunikasi dan Informatika', abbreviation: 'Diskominfo' },
	dishub: { name: 'Dinas Perhubungan', abbreviation: 'Dishub' },
	bkpsdm: {
		name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
		abbreviation: 'BKPSDM'
	},
	bpkad: { name: 'Badan Pengelolaan Keuangan dan Aset Daerah', abbreviation: 'BPKAD' },
	bappeda: { name: 'Badan Perencanaan Pembangunan Daerah', abbreviation: 'Bappeda' },
	brida: { name: 'Badan Riset dan Inovasi Daerah', abbreviation: 'BRIDA' },
	organisasi: { name: 'Bagian Organisasi Sekretariat Daerah', abbreviation: 'Bagian Organisasi' },
	inspektorat: { name: 'Inspektorat Daerah', abbreviation: 'Inspektorat' },
	disnaker: { name: 'Dinas Tenaga Kerja', abbreviation: 'Disnaker' },
	dp3a: {
		name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
		abbreviation: 'DP3A'
	},
	dpmd: { name: 'Dinas Pemberdayaan Masyarakat dan Desa', abbreviation: 'DPMD' },
	dppkb: {
		name: 'Dinas Pengendalian Penduduk dan Keluarga Berencana',
		abbreviation: 'DPPKB'
	},
	bpbd: { name: 'Badan Penanggulangan Bencana Daerah', abbreviation: 'BPBD' },
	satpolpp: { name: 'Satuan Polisi Pamong Praja', abbreviation: 'Satpol PP' },
	damkar: { name: 'Dinas Pemadam Kebakaran dan Penyelamatan', abbreviation: 'Damkar' },
	dispar: { name: 'Dinas Pariwisata', abbreviation: 'Dispar' },
	dkp: { name: 'Dinas Kelautan dan Perikanan', abbreviation: 'DKP' },
	pupr: { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', abbreviation: 'Dinas PUPR' },
	perkim: { name: 'Dinas Perumahan dan Kawasan Permukiman', abbreviation: 'Disperkim' },
	pertanahan: { name: 'Dinas Pertanahan', abbreviation: 'Distanah' },
	dispusip: { name: 'Dinas Perpustakaan dan Kearsipan', abbreviation: 'Dispusip' },
	dispora: { name: 'Dinas Pemuda dan Olahraga', abbreviation: 'Dispora' },
	disbud: { name: 'Dinas Kebudayaan', abbreviation: 'Disbud' },
	dishut: { name: 'Dinas Kehutanan', abbreviation: 'Dishut' },
	desdm: { name: 'Dinas Energi dan Sumber Daya Mineral', abbreviation: 'Dinas ESDM' },
	disnakertrans: { name: 'Dinas Tenaga Kerja dan Transmigrasi', abbreviation: 'Disnakertrans' },
	bpsdm: { name: 'Badan Pengembangan Sumber Daya Manusia', abbreviation: 'BPSDM' }
};

const HEALTH_CENTRE_SUFFIXES = ['Kota', 'Utara', 'Selatan', 'Timur', 'Barat', 'Tengah', 'I', 'II'];

/**
 * The unit of a regional government that runs a topic. `bareName` is the region without its
 * prefix (`Ngada`); `variant` picks one of the region's health centres.
 */
export function regionalUnit(key: UnitKey, bareName: string, variant: number): ServiceUnitName {
	if (key === 'puskesmas') {
		const suffix = HEALTH_CENTRE_SUFFIXES[variant % HEALTH_CENTRE_SUFFIXES.length]!;
		return { name: `UPTD Puskesmas ${bareName} ${suffix}`, abbreviation: null };
	}
	if (key === 'rsud') return { name: `RSUD ${bareName}`, abbreviation: 'RSUD' };
	return UNITS[key];
}

/** Units that exist only in provincial governments, mapped to the nearest kabupaten/kota unit. */
const PROVINCE_ONLY: Partial<Record<UnitKey, UnitKey>> = {
	dishut: 'dlh',
	desdm: 'dlh',
	bpsdm: 'bkpsdm'
};

export function unitForLevel(key: UnitKey, isProvince: boolean): UnitKey {
	if (isProvince) return key === 'puskesmas' ? 'dinkes' : key;
	return PROVINCE_ONLY[key] ?? key;
}

const CENTRAL_UNITS: Record<string, readonly string[]> = {
	kemenkes: ['Direktorat Jenderal Kesehatan Primer dan Komunitas', 'Pusat Data dan Teknologi Informasi'],
	kemensos: ['Direktorat Jenderal Perlindungan dan Jaminan Sosial', 'Pusat Data dan Informasi Kesejahteraan Sosial'],
	kemendagri: ['Direktorat Jenderal Kependudukan dan Pencatatan Sipil', 'Badan Strategi Kebijakan Dalam Negeri'],
	kemenpanrb: ['Deputi Bidang Pelayanan Publik', 'Deputi Bidang Reformasi Birokrasi, Akuntabilitas Aparatur dan Pengawasan'],
	bkn: ['Direktorat Pengadaan dan Kepangkatan', 'Direktorat Sistem Informasi Kepegawaian'],
	lan: ['Deputi Bidang Kebijakan Pengembangan Kompetensi ASN', 'Pusat Pembelajaran dan Strategi Kebijakan Inovasi Administrasi Negara'],
	kemenkeu: ['Direktorat Jenderal Pajak', 'Direktorat Jenderal Perbendaharaan', 'Direktorat Jenderal Bea dan Cukai'],
	kemnaker: ['Direktorat Jenderal Pembinaan Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja'],
	kementan: ['Direktorat Jenderal Tanaman Pangan', 'Badan Penyuluhan dan Pengembangan SDM Pertanian'],
	kemenhub: ['Direktorat Jenderal Perhubungan Darat', 'Direktorat Jenderal Perhubungan Laut'],
	komdigi: ['Direktorat Jenderal Aplikasi Informatika', 'Direktorat Jenderal Informasi dan Komunikasi Publik'],
	bps: ['Direktorat Diseminasi Statistik', 'Direktorat Sistem Informasi Statistik'],
	'atr-bpn': ['Direktorat Jenderal Penetapan Hak dan Pendaftaran Tanah'],
	kemenkum: ['Direktorat Jenderal Administrasi Hukum Umum', 'Direktorat Jenderal Kekayaan Intelektual'],
	kemenimipas: ['Direktorat Jenderal Imigrasi', 'Direktorat Jenderal Pemasyarakatan'],
	kemendikdasmen: ['Direktorat Jenderal Guru dan Tenaga Kependidikan', 'Pusat Data dan Teknologi Informasi'],
	kemenag: ['Direktorat Jenderal Bimbingan Masyarakat Islam', 'Direktorat Jenderal Pendidikan Islam'],
	polri: ['Korps Lalu Lintas', 'Divisi Teknologi Informasi dan Komunikasi'],
	bpom: ['Direktorat Registrasi Obat', 'Direktorat Pengawasan Pangan Olahan'],
	'bpjs-kesehatan': ['Kedeputian Bidang Pelayanan Peserta'],
	'bpjs-ketenagakerjaan': ['Kedeputian Bidang Kepesertaan'],
	kemendesa: ['Direktorat Jenderal Pembangunan Desa dan Perdesaan'],
	kkp: ['Direktorat Jenderal Perikanan Tangkap'],
	kemendukbangga: ['Deputi Bidang Keluarga Berencana dan Kesehatan Reproduksi']
};

const GENERIC_CENTRAL_UNITS = [
	'Sekretariat Jenderal',
	'Pusat Data dan Informasi',
	'Biro Organisasi dan Tata Laksana',
	'Biro Hubungan Masyarakat',
	'Unit Layanan Terpadu'
];

export function centralUnit(agencyId: string, variant: number): ServiceUnitName {
	const names = CENTRAL_UNITS[agencyId] ?? GENERIC_CENTRAL_UNITS;
	return { name: names[variant % names.length]!, abbreviation: null };
}
