/**
 * Word banks for demo titles and contacts: the catchy words Indonesian innovation acronyms are
 * made of, the qualifiers that end their expansions, and personal names from across the
 * archipelago. All people are invented.
 */

export const ACRONYM_WORDS = [
	'CERIA', 'SEHATI', 'SAKTI', 'MANTAP', 'PRIMA', 'HEBAT', 'EMAS', 'TAAT', 'SIGAP', 'TEPAT',
	'JITU', 'CEPAT', 'PINTAR', 'BERSINAR', 'IDAMAN', 'LAPER', 'MANIS', 'SAYANG', 'BERKAH', 'BERDAYA',
	'TANGGUH', 'MESRA', 'SENYUM', 'RAMAH', 'PEDULI', 'JUARA', 'LINCAH', 'AMAN', 'NYAMAN', 'CANTIK',
	'GESIT', 'TUNTAS', 'SEJAHTERA', 'BAHAGIA', 'KILAT', 'MELATI', 'KENCANA', 'PELITA', 'LENTERA', 'DAMAI',
	'RINDU', 'SAHABAT', 'SEMANGAT', 'JUJUR', 'PASTI', 'MUDAH', 'LANCAR', 'SIAP', 'SERASI', 'SIMPEL',
	'MANJUR', 'PADI', 'BUNDA', 'SAPA', 'TERANG', 'SEGAR', 'PRIMADONA', 'KASIH', 'MAKMUR', 'SENTOSA',
	'BERSATU', 'GEMILANG', 'ASRI', 'CEMERLANG', 'UNGGUL', 'MADANI', 'TERPADU', 'PERUT', 'GERCEP', 'MANTUL',
	'TOP', 'OKE', 'JOSS', 'KEREN', 'BESTARI', 'PUSPA', 'DELIMA', 'INTAN', 'MUTIARA', 'PELANGI'
] as const;

/** Short words written before an acronym word: `BU TAAT`, `SI CERIA`, `PAK LURAH`. */
export const PERSON_PREFIXES = ['BU', 'PAK', 'MAS', 'MBAK', 'SI', 'SANG', 'KAK', 'MAK'] as const;

export const QUALIFIERS = [
	'Terpadu', 'Cepat dan Mudah', 'Berbasis Desa', 'Tanpa Antre', 'Satu Hari Jadi', 'Ramah Warga',
	'Tepat Sasaran', 'Terintegrasi', 'Satu Pintu', 'Transparan', 'Akuntabel', 'Responsif',
	'Gotong Royong', 'Inklusif', 'Bebas Biaya', 'untuk Semua', 'Tuntas', 'Berkelanjutan', 'Mandiri',
	'Sampai ke Desa', 'Tanpa Kertas', 'Cepat Tanggap'
] as const;

/** Endings of descriptive titles: `Layanan Akta Kelahiran Jemput Bola di Desa`. */
export const TITLE_ENDINGS = [
	'', '', '', 'di Desa', 'bagi Warga Pelosok', 'di Kecamatan', 'Tanpa Biaya', 'Satu Hari Selesai',
	'Terpadu', 'Bersama Masyarakat', 'Tanpa Antre'
] as const;

export const FIRST_NAMES = [
	'Agus', 'Budi', 'Siti', 'Dewi', 'Rina', 'Andi', 'Made', 'Kadek', 'Ketut', 'Wayan', 'Nyoman',
	'Putu', 'Yohanes', 'Maria', 'Fransiskus', 'Theresia', 'Muhammad', 'Ahmad', 'Nur', 'Sri', 'Eko',
	'Dwi', 'Tri', 'Rizky', 'Fitri', 'Ayu', 'Intan', 'Hendra', 'Yusuf', 'Irwan', 'Dedi', 'Rahmat',
	'Syamsul', 'Marlina', 'Yuliana', 'Sarah', 'Lukas', 'Markus', 'Debora', 'Yosefina', 'Teuku',
	'Cut', 'Ratna', 'Wahyu', 'Bambang', 'Suryani', 'Hasan', 'Husain', 'Fadli', 'Novita', 'Melati',
	'Arief', 'Taufik', 'Heru', 'Lestari', 'Puspita', 'Adi', 'Gusti', 'Ni Luh', 'Daeng', 'La Ode',
	'Wa Ode', 'Benny', 'Yakob', 'Martha', 'Ruth', 'Imelda', 'Zainal', 'Fauziah', 'Herlina', 'Rosmawati'
] as const;

export const LAST_NAMES = [
	'Santoso', 'Wibowo', 'Lestari', 'Saputra', 'Hidayat', 'Siregar', 'Nasution', 'Harahap', 'Lubis',
	'Simanjuntak', 'Sitompul', 'Pardede', 'Tanjung', 'Wenas', 'Mandagi', 'Lumban Gaol', 'Rumbiak',
	'Wanggai', 'Manuputty', 'Latuconsina', 'Pattinama', 'Baso', 'Mappanyukki', 'Pratama', 'Kurniawan',
	'Setiawan', 'Rahayu', 'Susanti', 'Halim', 'Sari', 'Wijaya', 'Gunawan', 'Hutapea', 'Sinaga',
	'Panjaitan', 'Rambe', 'Daulay', 'Ndraha', 'Zebua', 'Laia', 'Bere', 'Nahak', 'Seran', 'Tefa',
	'Ndun', 'Pello', 'Kaunang', 'Lumentut', 'Tumbelaka', 'Ismail', 'Abdullah', 'Usman', 'Hamzah',
	'Syahputra', 'Maulana', 'Firmansyah', 'Ramadhan', 'Permana', 'Suharto', 'Purnomo', 'Mahendra',
	'Sihombing', 'Marpaung', 'Tarigan', 'Ginting', 'Sembiring', 'Karo-Karo', 'Damanik', 'Purba'
] as const;

/** Academic titles written after names in government documents. */
export const DEGREES = ['', '', '', ', S.Kom.', ', S.K.M.', ', S.E.', ', S.Sos.', ', S.T.', ', M.Si.', ', S.H.', ', S.Pd.', ', M.M.', ', S.Tr.Keb.'] as const;
