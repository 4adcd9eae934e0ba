/**
 * How a demo innovation delivers its service. The mechanism decides whether the innovation is
 * digital, the words its title is made of, and the sentences that describe how it works.
 */
export type MechanismKey =
	| 'aplikasi'
	| 'portal'
	| 'whatsapp'
	| 'qr'
	| 'sms'
	| 'dasbor'
	| 'jemput_bola'
	| 'keliling'
	| 'kader'
	| 'kolaborasi_desa'
	| 'gerai_mpp'
	| 'kartu';

export interface Mechanism {
	key: MechanismKey;
	digital: boolean;
	/** How common the mechanism is among real submissions. */
	weight: number;
	/** Words appended to a descriptive title: `Layanan Akta Kelahiran Jemput Bola`. */
	labels: readonly string[];
	/** First words of an acronym's expansion: `Sistem Informasi ...`. */
	heads: readonly string[];
	/** First part of an acronym: `SI`, `E-`, `GERAI`. */
	prefixes: readonly string[];
	/** The means, after "melalui": `aplikasi berbasis Android dan web`. */
	means: string;
	/** What the target no longer has to do, after "tanpa harus". */
	avoids: string;
	/** One or two sentences on how it works. */
	how: readonly string[];
	/** What is new about it, after "terletak pada". */
	novelty: string;
	/** Method and equipment, for the resources section. */
	method: string;
	equipment: string;
}

export const MECHANISMS: readonly Mechanism[] = [
	{
		key: 'aplikasi',
		digital: true,
		weight: 18,
		labels: ['Online', 'Berbasis Aplikasi', 'Digital', 'Elektronik'],
		heads: ['Sistem Informasi', 'Aplikasi', 'Sistem Pelayanan', 'Layanan Elektronik', 'Gerakan Online'],
		prefixes: ['SI', 'SIM', 'E-', 'GO-', 'SIP', 'APLIKASI'],
		means: 'aplikasi berbasis Android dan web',
		avoids: 'datang dan mengantre di kantor',
		how: [
			'Warga mengajukan permohonan melalui aplikasi, petugas memverifikasi berkas secara daring, dan status permohonan dapat dipantau secara langsung.',
			'Aplikasi menyediakan formulir elektronik, unggah dokumen, dan notifikasi otomatis ketika layanan selesai diproses.',
			'Data yang masuk melalui aplikasi langsung tersimpan di basis data dinas sehingga petugas tidak lagi mengetik ulang berkas.'
		],
		novelty:
			'pemindahan seluruh alur layanan, dari pengajuan sampai penerbitan dokumen, ke dalam satu aplikasi',
		method: 'aplikasi daring',
		equipment: 'server, perangkat komputer, telepon pintar petugas, dan jaringan internet'
	},
	{
		key: 'portal',
		digital: true,
		weight: 8,
		labels: ['Daring', 'Online', 'Berbasis Web'],
		heads: ['Portal', 'Layanan Daring', 'Sistem Informasi', 'Website'],
		prefixes: ['E-', 'SI', 'WEB', 'PORTAL'],
		means: 'portal web yang dapat diakses dari mana saja',
		avoids: 'membawa berkas fisik ke kantor',
		how: [
			'Portal memuat formulir, persyaratan, dan jadwal layanan; permohonan yang masuk diproses petugas paling lambat dua hari kerja.',
			'Informasi layanan dan hasil pemrosesan diumumkan melalui portal sehingga warga dapat mengecek sendiri tanpa bertanya ke kantor.'
		],
		novelty: 'penyediaan layanan dan informasi yang sebelumnya tersebar di beberapa loket dalam satu portal',
		method: 'portal web',
		equipment: 'hosting pusat data pemerintah, perangkat komputer, dan jaringan internet'
	},
	{
		key: 'whatsapp',
		digital: true,
		weight: 9,
		labels: ['via WhatsApp', 'Berbasis WhatsApp', 'Lewat Chat'],
		heads: ['Layanan WhatsApp', 'Chat', 'Layanan Pesan', 'Halo'],
		prefixes: ['WA', 'CHAT', 'HALO', 'LAPOR', 'SAPA'],
		means: 'layanan pesan WhatsApp dan chatbot',
		avoids: 'datang langsung ke kantor hanya untuk bertanya',
		how: [
			'Warga cukup mengirim pesan ke nomor WhatsApp resmi; chatbot menjawab pertanyaan umum dan petugas menindaklanjuti permohonan pada hari yang sama.',
			'Setiap pesan yang masuk dicatat, diberi nomor tiket, dan diteruskan ke petugas yang berwenang.'
		],
		novelty: 'penggunaan aplikasi pesan yang sudah dipakai sehari-hari oleh warga sebagai kanal layanan resmi',
		method: 'layanan pesan WhatsApp',
		equipment: 'telepon pintar layanan, akun WhatsApp Business, dan perangkat komputer'
	},
	{
		key: 'qr',
		digital: true,
		weight: 5,
		labels: ['Berbasis QR Code', 'Scan Cepat', 'dengan QR Code'],
		heads: ['Pindai', 'Scan', 'Layanan QR'],
		prefixes: ['SCAN', 'PINDAI', 'QR'],
		means: 'kode QR yang dapat dipindai dengan telepon seluler',
		avoids: 'membawa dokumen fisik dan menunggu pengecekan manual',
		how: [
			'Setiap dokumen dan lokasi layanan diberi kode QR; warga dan petugas cukup memindainya untuk memeriksa keabsahan dan status layanan.',
			'Pembayaran dan pengecekan dilakukan dengan memindai kode QR sehingga transaksi tercatat otomatis.'
		],
		novelty: 'penggunaan kode QR untuk memeriksa keabsahan dokumen dan mencatat transaksi secara otomatis',
		method: 'kode QR',
		equipment: 'pencetak label, pemindai, telepon pintar petugas, dan jaringan internet'
	},
	{
		key: 'sms',
		digital: true,
		weight: 3,
		labels: ['SMS Gateway', 'via SMS'],
		heads: ['Layanan SMS', 'SMS', 'Pesan Singkat'],
		prefixes: ['SMS', 'PESAN'],
		means: 'layanan SMS yang bisa dipakai dari telepon seluler apa pun',
		avoids: 'memiliki telepon pintar atau kuota internet',
		how: [
			'Warga mengirim SMS dengan format sederhana ke nomor layanan dan menerima balasan otomatis berisi jadwal atau status layanan.',
			'Pengingat jadwal dikirim melalui SMS kepada setiap sasaran beberapa hari sebelum layanan.'
		],
		novelty: 'pemanfaatan SMS agar warga di daerah dengan sinyal internet terbatas tetap dapat dilayani',
		method: 'SMS gateway',
		equipment: 'modem SMS gateway, perangkat komputer, dan pulsa layanan'
	},
	{
		key: 'dasbor',
		digital: true,
		weight: 6,
		labels: ['Terintegrasi', 'Berbasis Data', 'Satu Data'],
		heads: ['Dasbor', 'Sistem Informasi Terpadu', 'Satu Data', 'Pusat Data'],
		prefixes: ['SI', 'DASBOR', 'SATU', 'SIMPEL'],
		means: 'dasbor data terpadu yang menghubungkan data lintas perangkat daerah',
		avoids: 'menunggu rekap data manual dari setiap unit',
		how: [
			'Data dari setiap unit dipadukan dalam satu dasbor yang diperbarui setiap hari dan dapat dipantau pimpinan.',
			'Dasbor menandai sasaran yang belum terlayani sehingga petugas lapangan dapat segera menindaklanjuti.'
		],
		novelty: 'pemaduan data yang sebelumnya tersimpan terpisah di beberapa perangkat daerah dalam satu dasbor',
		method: 'dasbor data terpadu',
		equipment: 'server, perangkat komputer, dan layar pemantauan'
	},
	{
		key: 'jemput_bola',
		digital: false,
		weight: 12,
		labels: ['Jemput Bola', 'Jemput Bola di Desa', 'Door to Door'],
		heads: ['Jemput Bola', 'Layanan Jemput Bola', 'Jemput', 'Pelayanan Jemput Bola'],
		prefixes: ['JEMPUT', 'JEMPOL', 'SIGAP', 'SAMBANG'],
		means: 'layanan jemput bola oleh petugas yang mendatangi warga',
		avoids: 'menempuh perjalanan jauh ke ibu kota kabupaten',
		how: [
			'Petugas menjadwalkan kunjungan ke desa dan kelurahan secara bergilir dan membawa perlengkapan layanan sehingga dokumen dapat diproses di tempat.',
			'Warga yang sakit, lanjut usia, atau penyandang disabilitas didatangi langsung di rumahnya.'
		],
		novelty: 'perubahan pola layanan dari menunggu di kantor menjadi mendatangi warga secara aktif',
		method: 'layanan jemput bola',
		equipment: 'kendaraan operasional dan perlengkapan layanan portabel'
	},
	{
		key: 'keliling',
		digital: false,
		weight: 7,
		labels: ['Keliling', 'Mobil Keliling', 'Keliling Desa'],
		heads: ['Pelayanan Keliling', 'Mobil Layanan', 'Layanan Keliling', 'Gerai Keliling'],
		prefixes: ['MOBIL', 'KELILING', 'MOLING', 'GERAI'],
		means: 'mobil layanan keliling yang singgah di kecamatan dan desa',
		avoids: 'datang ke kantor dinas di pusat kota',
		how: [
			'Mobil layanan berkeliling sesuai jadwal yang diumumkan melalui kecamatan, media sosial, dan pengeras suara masjid.',
			'Setiap minggu mobil layanan singgah di pasar, kantor desa, dan sekolah sehingga warga dapat dilayani di dekat tempat tinggalnya.'
		],
		novelty: 'penyediaan layanan lengkap di atas kendaraan yang berpindah mengikuti lokasi warga',
		method: 'mobil layanan keliling',
		equipment: 'mobil layanan, genset, perangkat komputer portabel, dan tenda'
	},
	{
		key: 'kader',
		digital: false,
		weight: 9,
		labels: ['Berbasis Kader', 'Bersama Kader', 'Berbasis Masyarakat'],
		heads: ['Gerakan', 'Gerakan Bersama', 'Gerakan Masyarakat', 'Kader'],
		prefixes: ['GEMA', 'GERBANG', 'BU', 'GERAKAN', 'KADER'],
		means: 'jejaring kader dan relawan di setiap desa',
		avoids: 'menunggu petugas dinas yang jumlahnya terbatas',
		how: [
			'Setiap kader mendampingi sejumlah keluarga sasaran dan melaporkan temuan lapangan secara berkala kepada petugas.',
			'Kader dilatih oleh petugas dinas, dibekali buku saku, dan mendapat insentif dari dana desa.'
		],
		novelty: 'pelibatan kader dan relawan sebagai perpanjangan tangan petugas sampai ke tingkat keluarga',
		method: 'pendampingan oleh kader',
		equipment: 'buku saku kader, formulir pencatatan, dan alat peraga'
	},
	{
		key: 'kolaborasi_desa',
		digital: false,
		weight: 8,
		labels: ['di Desa', 'Berbasis Desa', 'Gotong Royong'],
		heads: ['Desa', 'Kampung', 'Gotong Royong', 'Bersama Desa'],
		prefixes: ['DESA', 'KAMPUNG', 'BERSAMA', 'GOTONG'],
		means: 'kolaborasi dengan pemerintah desa, BUMDes, dan tokoh masyarakat',
		avoids: 'mengurus sendiri ke kecamatan atau kabupaten',
		how: [
			'Pemerintah desa menyediakan ruang layanan dan operator, sementara dinas memberi pelatihan dan supervisi.',
			'Perangkat desa menjadi simpul layanan: menerima berkas, memeriksa kelengkapan, dan meneruskannya ke dinas secara kolektif.'
		],
		novelty: 'pembagian peran yang jelas antara dinas dan pemerintah desa sehingga layanan tersedia di kantor desa',
		method: 'kolaborasi dengan pemerintah desa',
		equipment: 'ruang layanan di kantor desa, perangkat komputer, dan alat tulis'
	},
	{
		key: 'gerai_mpp',
		digital: false,
		weight: 6,
		labels: ['di Mal Pelayanan Publik', 'Satu Pintu', 'Terpadu'],
		heads: ['Gerai', 'Pojok Layanan', 'Klinik', 'Layanan Satu Pintu'],
		prefixes: ['GERAI', 'POJOK', 'KLINIK', 'RUMAH'],
		means: 'gerai layanan di Mal Pelayanan Publik',
		avoids: 'mendatangi beberapa kantor yang berbeda',
		how: [
			'Gerai dibuka di Mal Pelayanan Publik dengan jam layanan lebih panjang, termasuk pada hari Sabtu.',
			'Petugas gerai melayani konsultasi, penerimaan berkas, dan penyerahan dokumen dalam satu tempat.'
		],
		novelty: 'penyatuan layanan yang semula tersebar di beberapa kantor dalam satu gerai',
		method: 'gerai layanan terpadu',
		equipment: 'meja layanan, sistem antrean, dan perangkat komputer'
	},
	{
		key: 'kartu',
		digital: false,
		weight: 4,
		labels: ['Berbasis Kartu', 'dengan Kartu Pintar'],
		heads: ['Kartu', 'Kartu Layanan', 'Kartu Pintar'],
		prefixes: ['KARTU', 'KAPAL', 'KARTU SAKTI'],
		means: 'kartu layanan yang dibagikan kepada setiap sasaran',
		avoids: 'membawa berkas persyaratan berulang kali',
		how: [
			'Setiap sasaran menerima kartu berisi nomor identitas layanan yang cukup ditunjukkan saat dilayani.',
			'Kartu mencatat riwayat layanan sehingga petugas dapat melihat kebutuhan sasaran tanpa wawancara ulang.'
		],
		novelty: 'penggunaan satu kartu sebagai identitas layanan dan catatan riwayat bagi setiap sasaran',
		method: 'kartu layanan',
		equipment: 'pencetak kartu, blangko kartu, dan perangkat komputer'
	}
];

export const MECHANISM_BY_KEY: ReadonlyMap<MechanismKey, Mechanism> = new Map(
	MECHANISMS.map((m) => [m.key, m])
);
