import { z } from 'zod';
import { AGENCY_KIND_FILTERS } from '../domain/innovation-filters';
import { SOURCES, STAGES } from '../domain/vocabulary';
import { REPLICATION_STATES } from '../domain/replication/state-machine';
import { ERROR_TABLE, type ErrorCode } from '../errors';
import { component, doc } from './schema-registry';

/**
 * Response bodies of /api/v1, in zod. They mirror what the services return (the presenters
 * define the data); every route parses its result with one of these before sending it, so what
 * is sent is exactly what the OpenAPI document promises. Fields are documented in Bahasa
 * Indonesia for the docs page. A test parses real service output with them (drift fails it).
 */

const dateTime = (description: string) => doc(z.iso.datetime(), `${description} (ISO 8601, UTC)`);
const date = (description: string) => doc(z.iso.date(), `${description} (ISO 8601, YYYY-MM-DD)`);
const text = (description: string) => doc(z.string(), description);
const count = (description: string) => doc(z.int().nonnegative(), description);
const year = (description: string) => doc(z.int(), description);

const stage = () => doc(z.enum(STAGES), 'Tahap siklus hidup inovasi');
const agencyKind = () => doc(z.enum(AGENCY_KIND_FILTERS), 'Jenis instansi');
const regionLevel = () => doc(z.enum(['provinsi', 'kabupaten', 'kota', 'kecamatan']), 'Tingkat wilayah');
const hubKind = () => doc(z.enum(['pusat', 'daerah']), 'Jenis hub: pusat (kementerian/lembaga) atau daerah (provinsi)');
const sdgNumbers = () => doc(z.array(z.int().min(1).max(17)), 'Nomor Tujuan Pembangunan Berkelanjutan (SDG) 1-17');
const replicationState = () =>
	doc(
		z.enum(REPLICATION_STATES),
		'Tahap replikasi: minat, diverifikasi, ditolak, kesepakatan, persiapan, implementasi, pemantauan, selesai, dihentikan, dibatalkan'
	);
const replicationKind = () =>
	doc(z.enum(['penuh', 'sebagian', 'perluasan']), 'Jenis replikasi: penuh, sebagian (adaptasi/modifikasi) atau perluasan (scale-up)');
const regionRef = (description: string) =>
	doc(z.object({ code: text('Kode wilayah Kemendagri'), name: text('Nama wilayah') }), description);

/** Fields every paginated list carries; a later version adds `facets` (and `score`/`snippet` on items) beside them. */
const pageOf = <T extends z.ZodType>(item: T, itemsDescription: string) =>
	z.object({
		items: doc(z.array(item), itemsDescription),
		total: count('Jumlah seluruh data yang cocok dengan filter, bukan hanya di halaman ini'),
		limit: count('Jumlah data per halaman yang dipakai'),
		offset: count('Jumlah data yang dilewati sebelum halaman ini')
	});

// --- Errors -----------------------------------------------------------------------------------

export const ErrorResponse = component(
	'Error',
	'Bentuk semua galat: kode yang stabil untuk program dan pesan dalam Bahasa Indonesia untuk manusia.',
	z.object({
		error: z.object({
			code: doc(z.enum(Object.keys(ERROR_TABLE) as [ErrorCode, ...ErrorCode[]]), 'Kode galat yang stabil'),
			message: text('Penjelasan galat dalam Bahasa Indonesia'),
			details: doc(
				z.array(z.object({ path: text('Nama parameter yang bermasalah'), message: text('Masalahnya') })),
				'Rincian per parameter (hanya pada VALIDATION_FAILED)'
			).optional()
		})
	})
);

// --- Innovations ------------------------------------------------------------------------------

export const InnovationSummary = component(
	'InnovationSummary',
	'Ringkasan satu inovasi, seperti di katalog.',
	z.object({
		id: text('Id inovasi yang stabil, mis. inv-7k2m9q4x1b'),
		title: text('Judul inovasi'),
		acronym: text('Akronim atau nama singkat').nullable(),
		summary: text('Cuplikan ringkasan (paling banyak sekitar 220 karakter)'),
		yearStarted: year('Tahun inovasi mulai diterapkan').nullable(),
		stage: stage(),
		mainAffair: text('Kode urusan pemerintahan utama (UU 23/2014), mis. kesehatan').nullable(),
		sdgs: sdgNumbers(),
		isDigital: doc(z.boolean(), 'Apakah inovasi berbasis digital').nullable(),
		agency: doc(
			z.object({ id: text('Id instansi'), name: text('Nama instansi'), kind: agencyKind() }),
			'Instansi pemilik inovasi'
		),
		region: regionRef('Wilayah penerapan').nullable(),
		awards: text('Penghargaan yang diraih, mis. "KIPP Top 45 2023; IGA Terbaik 2022"').nullable(),
		createdAt: dateTime('Waktu data dibuat'),
		updatedAt: dateTime('Waktu data terakhir diubah')
	})
);

export const InnovationPage = component(
	'InnovationPage',
	'Satu halaman katalog inovasi.',
	pageOf(InnovationSummary, 'Inovasi di halaman ini')
);

const snippetParts = (description: string) =>
	doc(
		z.array(z.object({ text: text('Potongan teks (teks biasa, bukan HTML)'), mark: doc(z.boolean(), 'Apakah potongan ini kata yang dicari') })),
		description
	);

const facetList = (description: string) =>
	doc(z.array(z.object({ value: text('Nilai filter (sama dengan nilai parameternya)'), count: count('Jumlah inovasi') })), description);

export const InnovationSearchHit = component(
	'InnovationSearchHit',
	'Satu inovasi di hasil pencarian katalog: ringkasannya, skor relevansi dan cuplikan dengan kata yang dicari ditandai.',
	InnovationSummary.extend({
		score: doc(z.number().nonnegative(), 'Skor relevansi (BM25F dengan pemecah seri bukti keberhasilan); 0 tanpa q'),
		snippet: text('Cuplikan ringkasan di sekitar kata yang ditemukan (teks biasa)'),
		snippetParts: snippetParts('Cuplikan yang sama sebagai potongan; potongan dengan mark=true adalah kata yang cocok'),
		titleParts: snippetParts('Judul sebagai potongan; potongan dengan mark=true adalah kata yang cocok'),
		replicationCount: count('Berapa kali inovasi ini direplikasi')
	})
);

export const InnovationFacets = component(
	'InnovationFacets',
	'Jumlah inovasi per nilai setiap filter katalog, untuk kueri dan filter saat ini. Jumlah sebuah filter dihitung dengan semua filter lain diterapkan kecuali filter itu sendiri, sehingga menunjukkan hasil bila nilainya diganti.',
	z.object({
		provinsi: facetList('Per kode provinsi'),
		wilayah: facetList('Per kode kabupaten/kota (hanya di provinsi terpilih; paling banyak 100 terbanyak)'),
		jenisInstansi: facetList('Per jenis instansi'),
		urusan: facetList('Per urusan pemerintahan utama'),
		sdg: facetList('Per nomor SDG'),
		tahap: facetList('Per tahap inovasi'),
		sumber: facetList('Per sumber data'),
		tahun: facetList('Per tahun mulai diterapkan'),
		penghargaan: facetList('"ada" dan per program penghargaan'),
		digital: facetList('"ya" / "tidak"'),
		direplikasi: facetList('"ya" / "tidak"')
	})
);

export const InnovationSearchPage = component(
	'InnovationSearchPage',
	'Satu halaman katalog inovasi, terurut menurut relevansi bila ada q, dengan jumlah per filter.',
	pageOf(InnovationSearchHit, 'Inovasi di halaman ini, yang paling cocok dulu').extend({
		facets: InnovationFacets,
		sort: doc(z.enum(['relevansi', 'terbaru', 'replikasi', 'judul', 'tahun']), 'Urutan yang dipakai'),
		didYouMean: text('Kueri dengan salah ketik diperbaiki ("mungkin maksud Anda"), bila ada kata yang diperbaiki').nullable(),
		partial: doc(z.boolean(), 'true bila tidak ada inovasi yang memuat semua kata: hasil adalah yang memuat kata terbanyak')
	})
);

const contact = z.object({
	name: text('Nama narahubung').nullable(),
	email: text('Surel narahubung').nullable(),
	phone: text('Telepon narahubung').nullable()
});

export const InnovationDetails = component(
	'InnovationDetails',
	'Satu inovasi selengkapnya: narasi, klasifikasi, bukti pelembagaan, penghargaan dan rekaman sumber.',
	z.object({
		id: text('Id inovasi yang stabil'),
		title: text('Judul inovasi'),
		acronym: text('Akronim atau nama singkat').nullable(),
		agency: doc(
			z.object({
				id: text('Id instansi'),
				name: text('Nama instansi'),
				kind: agencyKind(),
				abbreviation: text('Singkatan instansi').nullable()
			}),
			'Instansi pemilik inovasi'
		),
		serviceUnit: text('Unit pelayanan atau perangkat daerah pelaksana').nullable(),
		region: doc(
			z.object({
				code: text('Kode wilayah Kemendagri'),
				name: text('Nama wilayah'),
				level: text('Tingkat wilayah').nullable()
			}),
			'Wilayah penerapan'
		).nullable(),
		province: regionRef('Provinsi wilayah penerapan').nullable(),
		yearStarted: year('Tahun inovasi mulai diterapkan').nullable(),
		startedOn: date('Tanggal mulai diterapkan').nullable(),
		narrative: doc(
			z.object({
				summary: text('Ringkasan'),
				problem: text('Latar belakang dan masalah'),
				aims: text('Tujuan'),
				novelty: text('Kebaruan'),
				implementation: text('Pelaksanaan'),
				results: text('Hasil dan dampak'),
				transferability: text('Kemungkinan direplikasi'),
				resources: text('Sumber daya'),
				sustainabilityStrategy: text('Strategi keberlanjutan')
			}),
			'Narasi inovasi (PermenPANRB 91/2021); teks kosong bila belum diisi'
		),
		mainAffair: text('Kode urusan pemerintahan utama').nullable(),
		otherAffairs: doc(z.array(z.string()), 'Kode urusan pemerintahan lain'),
		sdgs: sdgNumbers(),
		isDigital: doc(z.boolean(), 'Apakah inovasi berbasis digital').nullable(),
		form: text('Bentuk inovasi: tata_kelola, pelayanan_publik atau lainnya').nullable(),
		theme: text('Tema inovasi').nullable(),
		initiator: doc(
			z.object({
				type: text('Jenis inisiator: kepala_daerah, anggota_dprd, opd, asn atau masyarakat').nullable(),
				name: text('Nama inisiator').nullable()
			}),
			'Inisiator inovasi'
		),
		stage: stage(),
		sustainability: doc(
			z.object({
				status: text('Status: berlanjut, berlanjut_dengan_pengembangan atau berhenti').nullable(),
				verifiedOn: date('Tanggal status terakhir diverifikasi').nullable()
			}),
			'Keberlanjutan inovasi'
		),
		institutionalisation: doc(
			z.object({
				regulation: text('Regulasi yang menjadi dasar (Perda, Perkada, SK)').nullable(),
				budgetLine: text('Mata anggaran').nullable(),
				sop: text('SOP').nullable()
			}),
			'Bukti pelembagaan'
		),
		maturityScore: doc(z.number(), 'Skor kematangan').nullable(),
		videoUrl: text('Tautan video').nullable(),
		documents: doc(
			z.array(z.object({ title: text('Judul dokumen'), url: text('Tautan dokumen') })),
			'Dokumen pendukung'
		),
		contact: doc(contact, 'Narahubung. Data pribadi: selalu null di API publik').nullable(),
		provenance: doc(
			z.record(
				z.string(),
				z.object({
					source: doc(z.enum([...SOURCES, 'manual']), 'Sumber nilai'),
					externalId: text('Id rekaman di sumber').optional()
				})
			),
			'Asal setiap nilai: nama kolom -> sumber dan id rekamannya'
		),
		awards: doc(
			z.array(
				z.object({
					programme: text('Program penghargaan: KIPP, IGA, PKRI atau LAINNYA'),
					year: year('Tahun penghargaan'),
					level: text('Tingkat atau peringkat, mis. Top 45'),
					category: text('Kategori').nullable()
				})
			),
			'Penghargaan, terbaru lebih dulu'
		),
		sources: doc(
			z.array(
				z.object({
					source: doc(z.enum(SOURCES), 'Sumber data'),
					externalId: text('Id rekaman di sumber'),
					recordVersion: count('Versi rekaman sumber'),
					matchScore: doc(z.number(), 'Skor kecocokan rekaman dengan inovasi ini').nullable(),
					matchReasons: doc(z.array(z.unknown()), 'Alasan pencocokan'),
					importedAt: dateTime('Waktu impor')
				})
			),
			'Rekaman sumber yang tertaut ke inovasi ini'
		),
		version: count('Nomor versi data, naik setiap kali diubah'),
		createdAt: dateTime('Waktu data dibuat'),
		updatedAt: dateTime('Waktu data terakhir diubah'),
		deletedAt: dateTime('Waktu data dihapus; selalu null di API publik').nullable()
	})
);

export const SimilarInnovation = component(
	'SimilarInnovation',
	'Inovasi lain pada urusan yang sama.',
	z.object({
		id: text('Id inovasi'),
		title: text('Judul inovasi'),
		yearStarted: year('Tahun mulai').nullable(),
		stage: stage(),
		agencyName: text('Nama instansi'),
		regionName: text('Nama wilayah').nullable()
	})
);

export const InnovationProfile = component(
	'InnovationProfile',
	'Satu inovasi dan inovasi yang serupa.',
	z.object({
		innovation: InnovationDetails,
		similar: doc(z.array(SimilarInnovation), 'Paling banyak 5 inovasi serupa')
	})
);

// --- Agencies ---------------------------------------------------------------------------------

export const AgencySummary = component(
	'AgencySummary',
	'Satu instansi dalam daftar.',
	z.object({
		id: text('Id instansi yang stabil, mis. kemenkes atau pemkab-53.09'),
		name: text('Nama instansi'),
		kind: agencyKind(),
		abbreviation: text('Singkatan').nullable(),
		regionCode: text('Kode wilayah (untuk pemerintah daerah)').nullable(),
		panrbId: text('Id instansi di KemenPANRB').nullable()
	})
);

export const AgencyPage = component('AgencyPage', 'Satu halaman daftar instansi.', pageOf(AgencySummary, 'Instansi di halaman ini'));

export const AgencyProfile = component(
	'AgencyProfile',
	'Satu instansi dengan wilayah, hub dan inovasinya.',
	z.object({
		agency: z.object({
			id: text('Id instansi yang stabil'),
			name: text('Nama instansi'),
			kind: agencyKind(),
			abbreviation: text('Singkatan').nullable(),
			aliases: doc(z.array(z.string()), 'Nama lain instansi'),
			panrbId: text('Id instansi di KemenPANRB').nullable(),
			website: text('Situs web').nullable(),
			region: regionRef('Wilayah (untuk pemerintah daerah)').nullable(),
			provinceCode: text('Kode provinsi').nullable(),
			hub: doc(z.object({ id: text('Id hub'), name: text('Nama hub') }), 'Hub tempat instansi bergabung').nullable()
		}),
		innovations: doc(
			z.array(
				z.object({
					id: text('Id inovasi'),
					title: text('Judul inovasi'),
					yearStarted: year('Tahun mulai').nullable(),
					stage: stage(),
					regionName: text('Nama wilayah').nullable()
				})
			),
			'Inovasi instansi ini (paling banyak 50, terbaru lebih dulu)'
		),
		replicationsGiven: doc(
			z.array(
				z.object({
					id: text('Id replikasi'),
					innovation: z.object({ id: text('Id inovasi'), title: text('Judul inovasi') }),
					otherAgency: doc(z.object({ id: text('Id instansi'), name: text('Nama instansi') }), 'Instansi yang mereplikasi'),
					kind: replicationKind(),
					state: replicationState(),
					updatedAt: dateTime('Terakhir berubah')
				})
			),
			'Inovasi instansi ini yang direplikasi instansi lain (publik: hanya yang selesai), terbaru lebih dulu'
		),
		replicationsReceived: doc(
			z.array(
				z.object({
					id: text('Id replikasi'),
					innovation: z.object({ id: text('Id inovasi'), title: text('Judul inovasi') }),
					otherAgency: doc(z.object({ id: text('Id instansi'), name: text('Nama instansi') }), 'Instansi asal inovasi'),
					kind: replicationKind(),
					state: replicationState(),
					updatedAt: dateTime('Terakhir berubah')
				})
			),
			'Inovasi instansi lain yang direplikasi instansi ini (publik: hanya yang selesai), terbaru lebih dulu'
		)
	})
);

// --- Suggestions ------------------------------------------------------------------------------

const suggestionFields = {
	label: text('Teks yang ditampilkan: judul inovasi, nama instansi atau nama wilayah'),
	detail: text('Keterangan singkat: akronim dan instansi, singkatan instansi, atau tingkat dan provinsi wilayah'),
	url: text('Alamat halamannya di situs ini (path), mis. /inovasi/inv-7k2m9q4x1b')
};

export const SearchSuggestion = component(
	'SearchSuggestion',
	'Satu saran: inovasi dan instansi dengan `id`, wilayah dengan `code`.',
	z.discriminatedUnion('kind', [
		z.object({ kind: doc(z.literal('innovation'), 'Jenis saran: inovasi'), id: text('Id inovasi'), ...suggestionFields }),
		z.object({ kind: doc(z.literal('agency'), 'Jenis saran: instansi'), id: text('Id instansi'), ...suggestionFields }),
		z.object({ kind: doc(z.literal('region'), 'Jenis saran: wilayah'), code: text('Kode wilayah Kemendagri'), ...suggestionFields })
	])
);

export const SearchSuggestions = component(
	'SearchSuggestions',
	'Saran saat mengetik untuk kotak pencarian.',
	z.object({
		query: text('Kata kunci yang diminta'),
		items: doc(z.array(SearchSuggestion), 'Saran: inovasi dulu, lalu instansi dan wilayah (masing-masing paling banyak dua bila ada inovasi)')
	})
);

// --- Regions ----------------------------------------------------------------------------------

export const RegionSummary = component(
	'RegionSummary',
	'Satu wilayah dalam daftar.',
	z.object({
		code: text('Kode wilayah Kemendagri, mis. 53 atau 53.09'),
		name: text('Nama wilayah'),
		level: regionLevel(),
		parentCode: text('Kode wilayah induk').nullable(),
		provinceCode: text('Kode provinsi')
	})
);

export const RegionPage = component('RegionPage', 'Satu halaman daftar wilayah.', pageOf(RegionSummary, 'Wilayah di halaman ini'));

const byYear = (description: string) =>
	doc(z.object({ 2023: z.number().nullable(), 2024: z.number().nullable() }), description);

export const RegionCharacteristics = component(
	'RegionCharacteristics',
	'Karakteristik wilayah (Kemendagri/BIG untuk luas dan penduduk, BPS untuk IPM dan kemiskinan).',
	z.object({
		areaKm2: doc(z.number(), 'Luas (km²)').nullable(),
		population: doc(
			z.object({
				total: count('Jumlah penduduk').nullable(),
				male: count('Penduduk laki-laki').nullable(),
				female: count('Penduduk perempuan').nullable()
			}),
			'Penduduk'
		),
		densityPerKm2: doc(z.number(), 'Kepadatan penduduk per km²').nullable(),
		districts: count('Jumlah kecamatan').nullable(),
		kelurahan: count('Jumlah kelurahan').nullable(),
		desa: count('Jumlah desa').nullable(),
		regencies: count('Jumlah kabupaten (provinsi)').nullable(),
		cities: count('Jumlah kota (provinsi)').nullable(),
		islands: doc(
			z.object({
				total: count('Jumlah pulau').nullable(),
				inhabited: count('Pulau berpenghuni').nullable(),
				outermost: count('Pulau-pulau kecil terluar').nullable()
			}),
			'Pulau'
		),
		centroid: doc(z.object({ lat: z.number(), lng: z.number() }), 'Titik tengah wilayah').nullable(),
		hdi: byYear('Indeks Pembangunan Manusia (IPM, metode baru) per tahun'),
		povertyRate: byYear('Persentase penduduk miskin (P0) per tahun'),
		source: text('Sumber data'),
		loadedAt: dateTime('Waktu data dimuat')
	})
);

export const RegionProfile = component(
	'RegionProfile',
	'Satu wilayah dengan karakteristik, pemerintah daerah dan wilayah di bawahnya.',
	z.object({
		region: z.object({
			code: text('Kode wilayah Kemendagri'),
			name: text('Nama wilayah'),
			level: regionLevel(),
			province: regionRef('Provinsi (null untuk provinsi itu sendiri)').nullable()
		}),
		characteristics: doc(RegionCharacteristics.nullable(), 'Karakteristik wilayah; null bila belum dimuat'),
		government: doc(
			z.object({ id: text('Id instansi'), name: text('Nama pemerintah daerah') }),
			'Pemerintah daerah wilayah ini'
		).nullable(),
		children: doc(
			z.array(z.object({ code: text('Kode wilayah'), name: text('Nama wilayah'), level: regionLevel() })),
			'Kabupaten/kota di provinsi ini (kosong untuk kabupaten/kota)'
		)
	})
);

// --- Hubs -------------------------------------------------------------------------------------

const coordinator = () =>
	doc(z.object({ id: text('Id instansi'), name: text('Nama instansi') }), 'Instansi koordinator hub');

export const HubSummary = component(
	'HubSummary',
	'Satu hub inovasi dalam daftar.',
	z.object({
		id: text('Id hub yang stabil'),
		name: text('Nama hub'),
		kind: hubKind(),
		regionCode: text('Kode wilayah hub daerah').nullable(),
		establishedYear: year('Tahun dibentuk').nullable(),
		coordinator: coordinator(),
		memberCount: count('Jumlah instansi anggota')
	})
);

export const HubList = component(
	'HubList',
	'Semua hub inovasi (tidak dipaginasi: jumlahnya kecil).',
	z.object({ items: doc(z.array(HubSummary), 'Hub, hub pusat lebih dulu'), total: count('Jumlah hub') })
);

export const HubProfile = component(
	'HubProfile',
	'Satu hub dengan instansi anggotanya.',
	z.object({
		hub: z.object({
			id: text('Id hub yang stabil'),
			name: text('Nama hub'),
			kind: hubKind(),
			description: text('Deskripsi hub'),
			establishedYear: year('Tahun dibentuk').nullable(),
			region: regionRef('Wilayah hub daerah').nullable(),
			coordinator: coordinator()
		}),
		members: doc(
			z.array(
				z.object({
					id: text('Id instansi'),
					name: text('Nama instansi'),
					kind: agencyKind(),
					regionCode: text('Kode wilayah').nullable(),
					joinedYear: year('Tahun bergabung').nullable(),
					innovationCount: count('Jumlah inovasi instansi ini')
				})
			),
			'Instansi anggota, urut nama'
		),
		innovationCount: count('Jumlah inovasi seluruh anggota')
	})
);

// --- Statistics -------------------------------------------------------------------------------

export const Statistics = component(
	'Statistics',
	'Angka nasional, dihitung dari data registri saat diminta.',
	z.object({
		innovations: count('Jumlah inovasi'),
		agenciesWithInnovations: count('Jumlah instansi yang memiliki inovasi'),
		agencies: count('Jumlah instansi terdaftar'),
		hubs: doc(
			z.object({ total: count('Semua hub'), pusat: count('Hub pusat'), daerah: count('Hub daerah') }),
			'Jumlah hub'
		),
		bySource: doc(
			z.array(
				z.object({
					source: doc(z.enum(SOURCES), 'Sumber data'),
					records: count('Jumlah rekaman sumber'),
					innovations: count('Jumlah inovasi yang tertaut'),
					lastImportedAt: dateTime('Waktu rekaman sumber terakhir disimpan').nullable(),
					lastImport: doc(
						z
							.object({
								status: doc(
									z.enum(['running', 'succeeded', 'partly', 'failed', 'interrupted']),
									'Hasil: running (berjalan), succeeded (berhasil), partly (sebagian baris dikarantina), failed (gagal), interrupted (proses terhenti di tengah jalan; impor dari situs dilanjutkan otomatis)'
								),
								fileName: text('Nama berkas yang diimpor'),
								startedAt: dateTime('Mulai'),
								finishedAt: dateTime('Selesai').nullable(),
								counts: doc(
									z.record(z.string(), z.number().int()),
									'Hitungan: read, inserted, updated, unchanged, linked, review, rejected, skippedEmpty'
								)
							})
							.nullable(),
						'Impor terakhir dari sumber ini dan hasilnya'
					)
				})
			),
			'Per sumber data'
		),
		byStage: doc(z.array(z.object({ stage: stage(), count: count('Jumlah inovasi') })), 'Per tahap'),
		byProvince: doc(
			z.array(z.object({ code: text('Kode provinsi'), name: text('Nama provinsi'), count: count('Jumlah inovasi') })),
			'Per provinsi (inovasi pemerintah daerah)'
		),
		central: count('Jumlah inovasi instansi pusat'),
		byAffair: doc(
			z.array(z.object({ affair: text('Kode urusan').nullable(), count: count('Jumlah inovasi') })),
			'Per urusan pemerintahan'
		),
		byYear: doc(z.array(z.object({ year: year('Tahun mulai'), count: count('Jumlah inovasi') })), 'Per tahun mulai'),
		awards: doc(
			z.array(z.object({ programme: text('Program penghargaan'), count: count('Jumlah penghargaan') })),
			'Per program penghargaan'
		),
		replication: doc(
			z.object({
				innovationsReplicated: count('Jumlah inovasi yang sudah selesai direplikasi, sedikitnya oleh satu instansi'),
				agenciesReplicating: count('Jumlah instansi yang sudah menyelesaikan sedikitnya satu replikasi'),
				inProgress: count('Jumlah replikasi yang sedang berjalan (belum selesai, ditolak, dihentikan atau dibatalkan)'),
				byState: doc(
					z.object(Object.fromEntries(REPLICATION_STATES.map((state) => [state, count(`Replikasi pada tahap ${state}`)])) as {
						[K in (typeof REPLICATION_STATES)[number]]: ReturnType<typeof count>;
					}),
					'Jumlah replikasi per tahap'
				)
			}),
			'Replikasi inovasi: hanya replikasi yang selesai dihitung sebagai direplikasi'
		),
		generatedAt: dateTime('Waktu angka dihitung')
	})
);

// --- Replications -----------------------------------------------------------------------------

const agencyRef = (description: string) => doc(z.object({ id: text('Id instansi'), name: text('Nama instansi') }), description);
const personRef = (description: string) =>
	doc(z.object({ id: text('Id pengguna'), name: text('Nama pengguna (null bila akunnya tidak ada lagi)').nullable() }), description);
const stamp = (description: string) =>
	doc(z.object({ at: dateTime('Waktu'), by: personRef('Oleh').nullable() }).nullable(), description);
const replicationAccess = () =>
	doc(
		z.enum(['public', 'private']),
		'public: ringkasan publik saja (replikasi yang selesai); private: rincian untuk pihak replikasi, fasilitator, admin dan kurator'
	);

/** What anyone may see of a completed replication, and everything else only for those who may read it. */
const replicationSummaryShape = {
	id: text('Id replikasi, mis. rep-7k2m9q4x1b'),
	access: replicationAccess(),
	innovation: doc(z.object({ id: text('Id inovasi'), title: text('Judul inovasi') }), 'Inovasi yang direplikasi'),
	originator: agencyRef('Instansi asal inovasi (PIHAK PERTAMA)'),
	replicator: agencyRef('Instansi yang mereplikasi (PIHAK KEDUA)'),
	kind: replicationKind(),
	state: replicationState(),
	completedAt: dateTime('Waktu replikasi dinyatakan selesai').nullable(),
	certificateNumber: text('Nomor sertifikat penyelesaian, mis. 012/SRT-REP/JIPPNAS/2025').nullable(),
	certificateUrl: text('Alamat sertifikat PDF (publik; hanya bila selesai)').nullable()
};

export const ReplicationListItem = component(
	'ReplicationListItem',
	'Satu replikasi di daftar. Kolom hub, nextReportDueOn, createdAt, updatedAt dan version hanya ada bila access = private.',
	z.object({
		...replicationSummaryShape,
		hub: doc(z.object({ id: text('Id hub'), name: text('Nama hub') }).nullable(), 'Hub fasilitator (null: difasilitasi admin nasional)').optional(),
		nextReportDueOn: date('Batas laporan pemantauan berikutnya').nullable().optional(),
		createdAt: dateTime('Waktu minat diajukan').optional(),
		updatedAt: dateTime('Terakhir berubah').optional(),
		version: doc(z.int().positive(), 'Versi; dikirim kembali pada setiap langkah').optional()
	})
);

export const ReplicationPage = component(
	'ReplicationPage',
	'Satu halaman daftar replikasi.',
	pageOf(ReplicationListItem, 'Replikasi di halaman ini, yang terakhir berubah lebih dulu').extend({
		box: doc(z.enum(['masuk', 'keluar', 'hub', 'semua']).nullable(), 'Kotak yang ditampilkan (parameter kotak), atau null')
	})
);

export const Replication = component(
	'Replication',
	'Satu replikasi. Publik (access = public) hanya menerima kolom ringkasan; semua kolom lain hanya ada untuk pihak replikasi, fasilitator, admin dan kurator (access = private).',
	z.object({
		...replicationSummaryShape,
		hub: doc(z.object({ id: text('Id hub'), name: text('Nama hub') }).nullable(), 'Hub fasilitator (null: difasilitasi admin nasional)').optional(),
		interestScope: text('Bagian inovasi yang ingin direplikasi').optional(),
		interestReason: text('Alasan replikasi').optional(),
		verified: stamp('Verifikasi fasilitator').optional(),
		accepted: stamp('Penerimaan instansi inovator').optional(),
		agreement: doc(
			z.object({
				number: text('Nomor kesepakatan, mis. 007/KS-REP/JIPPNAS/2025').nullable(),
				dutiesOriginator: text('Kewajiban PIHAK PERTAMA').nullable(),
				dutiesReplicator: text('Kewajiban PIHAK KEDUA').nullable(),
				validFrom: date('Berlaku mulai').nullable(),
				validUntil: date('Berlaku sampai').nullable(),
				confirmedByOriginator: stamp('Konfirmasi PIHAK PERTAMA'),
				confirmedByReplicator: stamp('Konfirmasi PIHAK KEDUA'),
				pdfUrl: text('Alamat dokumen kesepakatan PDF (setelah disusun)').nullable()
			}),
			'Kesepakatan replikasi'
		).optional(),
		plan: doc(
			z
				.object({
					changes: text('Penyesuaian dengan kondisi daerah'),
					team: text('Tim pelaksana').nullable(),
					budgetRupiah: doc(z.int(), 'Anggaran (rupiah)').nullable(),
					targetDate: date('Tanggal target').nullable()
				})
				.nullable(),
			'Rencana adaptasi'
		).optional(),
		implementationStartedOn: date('Implementasi dimulai').nullable().optional(),
		monitoringIntervalMonths: doc(z.int().positive(), 'Laporan pemantauan setiap sekian bulan').optional(),
		nextReportDueOn: date('Batas laporan pemantauan berikutnya').nullable().optional(),
		closedReason: text('Alasan penolakan, penghentian atau pembatalan').nullable().optional(),
		closedAt: dateTime('Waktu ditutup').nullable().optional(),
		createdBy: personRef('Yang mengajukan minat').optional(),
		createdAt: dateTime('Waktu minat diajukan').optional(),
		updatedAt: dateTime('Terakhir berubah').optional(),
		version: doc(z.int().positive(), 'Versi; kirim kembali pada setiap langkah (STALE_VERSION bila sudah berubah)').optional(),
		reports: doc(
			z.array(
				z.object({
					id: doc(z.int(), 'Id laporan'),
					periodStart: date('Awal periode'),
					periodEnd: date('Akhir periode'),
					outcomes: text('Hasil'),
					lessons: text('Pelajaran yang dipetik'),
					filedBy: personRef('Pelapor'),
					filedAt: dateTime('Waktu dilaporkan')
				})
			),
			'Laporan pemantauan'
		).optional(),
		documents: doc(
			z.array(
				z.object({
					id: text('Id dokumen'),
					kind: doc(
						z.enum(['surat_minat', 'kesepakatan_ditandatangani', 'rencana_adaptasi', 'surat_komitmen', 'laporan_pemantauan', 'lainnya']),
						'Jenis dokumen'
					),
					fileName: text('Nama berkas'),
					mediaType: doc(z.enum(['application/pdf', 'image/jpeg', 'image/png']), 'Jenis isi berkas (diperiksa dari isinya)'),
					sizeBytes: count('Ukuran (byte)'),
					sha256: text('SHA-256 isi berkas (heksadesimal)'),
					reportId: doc(z.int(), 'Laporan pemantauan yang dilampiri').nullable(),
					uploadedBy: personRef('Pengunggah'),
					uploadedAt: dateTime('Waktu diunggah'),
					downloadUrl: text('Alamat unduhan (perlu masuk sebagai yang berhak)')
				})
			),
			'Dokumen yang tidak dihapus (metadata; berkasnya di downloadUrl)'
		).optional(),
		messages: doc(
			z.array(
				z.object({
					id: doc(z.int(), 'Id pesan'),
					author: doc(z.object({ id: text('Id pengguna'), name: text('Nama pengguna') }), 'Penulis'),
					body: text('Isi pesan (teks biasa)'),
					createdAt: dateTime('Waktu dikirim')
				})
			),
			'Percakapan antarpihak, yang lama lebih dulu'
		).optional(),
		timeline: doc(
			z.array(
				z.object({
					id: doc(z.int(), 'Id peristiwa'),
					kind: text('Langkah: file, verify, accept, decline, draftAgreement, confirmAgreement, uploadDocument, removeDocument, submitPlan, startImplementation, fileReport, complete, stop, cancel, message, reminder'),
					fromState: replicationState().nullable(),
					toState: replicationState().nullable(),
					actor: personRef('Pelaku'),
					actorPart: doc(z.enum(['replikator', 'inovator', 'fasilitator', 'sistem']), 'Peran pelaku dalam replikasi'),
					note: text('Catatan atau alasan').nullable(),
					payload: doc(z.record(z.string(), z.unknown()), 'Rincian langkah'),
					createdAt: dateTime('Waktu')
				})
			),
			'Linimasa setiap peristiwa'
		).optional(),
		viewer: doc(
			z.object({
				parts: doc(z.array(z.enum(['replikator', 'inovator', 'fasilitator', 'admin'])), 'Peran Anda dalam replikasi ini (kosong untuk kurator)'),
				allowedActions: doc(z.array(z.string()), 'Langkah yang boleh Anda ambil sekarang (nama seperti pada timeline.kind)'),
				blockedActions: doc(
					z.array(z.object({ action: text('Langkah'), code: text('Kode galat yang menahannya'), message: text('Alasannya') })),
					'Langkah peran Anda yang masih tertahan syarat, dengan alasannya'
				),
				documentKinds: doc(z.array(z.string()), 'Jenis dokumen yang boleh diunggah sekarang')
			}),
			'Yang boleh Anda lakukan sekarang'
		).optional()
	})
);

export const ReplicationStepResult = component(
	'ReplicationStepResult',
	'Hasil satu langkah: tahap dan versi baru replikasi (kirim versi ini pada langkah berikutnya).',
	z.object({
		id: text('Id replikasi'),
		state: replicationState(),
		version: doc(z.int().positive(), 'Versi baru'),
		eventId: doc(z.int(), 'Id peristiwa di linimasa'),
		url: text('Alamat API replikasi ini'),
		agreementNumber: text('draft-agreement: nomor kesepakatan').optional(),
		reportId: doc(z.int(), 'file-report: id laporan').optional(),
		nextReportDueOn: date('start-implementation, file-report: batas laporan berikutnya').optional(),
		certificateNumber: text('complete: nomor sertifikat').optional(),
		replicationCount: count('complete: jumlah replikasi selesai inovasi ini').optional()
	})
);

export const ReplicationMessagePosted = component(
	'ReplicationMessagePosted',
	'Pesan yang baru dikirim.',
	z.object({
		id: doc(z.int(), 'Id pesan'),
		replicationId: text('Id replikasi'),
		createdAt: dateTime('Waktu dikirim')
	})
);

// --- The document itself ----------------------------------------------------------------------

export const OpenApiDocument = component(
	'OpenApiDocument',
	'Dokumen OpenAPI 3.1 API ini.',
	z.looseObject({
		openapi: doc(z.literal('3.1.0'), 'Versi OpenAPI'),
		info: doc(z.looseObject({ title: z.string(), version: z.string() }), 'Judul dan versi API'),
		paths: doc(z.record(z.string(), z.unknown()), 'Endpoint'),
		components: doc(z.looseObject({}), 'Skema bersama')
	})
);

export const InnovationWriteResult = component(
	'InnovationWriteResult',
	'Hasil menambah, mengubah atau menghapus inovasi: id dan versi barunya (kirim versi ini pada perubahan berikutnya).',
	z.object({
		id: text('Id inovasi'),
		version: doc(z.int().positive(), 'Versi baru inovasi'),
		url: text('Alamat API inovasi ini'),
		changed: doc(z.array(z.string()), 'Kolom yang berubah (nama kolom basis data); kosong bila tidak ada yang berubah').optional()
	})
);
