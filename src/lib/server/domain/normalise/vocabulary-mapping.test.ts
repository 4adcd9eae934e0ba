import { describe, expect, it } from 'vitest';
import { AFFAIRS, KIPP_LEVELS, SDG_LABELS, THEMES } from '../vocabulary';
import {
	KIPP_GROUPS,
	mapAffair,
	mapAffairs,
	mapAgencyKind,
	mapDigital,
	mapForm,
	mapInitiator,
	mapKemendagriStage,
	mapKippGroup,
	mapKippLevel,
	mapLanStage,
	mapPanrbStage,
	mapSdgs,
	mapSustainabilityStatus,
	mapTheme
} from './vocabulary-mapping';

describe('stages', () => {
	it.each([
		['Penciptaan', 'penciptaan'],
		['PENGEMBANGAN', 'pengembangan'],
		[' pelembagaan ', 'pelembagaan']
	])('PANRB %s -> %s', (input, value) => expect(mapPanrbStage(input)).toEqual({ value }));

	it.each([
		['Inisiatif', 'penciptaan'],
		['Uji Coba', 'penciptaan'],
		['Ujicoba', 'penciptaan'],
		['uji-coba', 'penciptaan'],
		['Penerapan', 'pengembangan'],
		['PENERAPAN', 'pengembangan']
	])('Kemendagri %s -> %s', (input, value) => expect(mapKemendagriStage(input)).toEqual({ value }));

	it('makes Penerapan institutionalised only with regulation evidence', () => {
		expect(mapKemendagriStage('Penerapan', { hasRegulationEvidence: true })).toEqual({ value: 'pelembagaan' });
		expect(mapKemendagriStage('Penerapan', { hasRegulationEvidence: false })).toEqual({ value: 'pengembangan' });
		expect(mapKemendagriStage('Uji Coba', { hasRegulationEvidence: true })).toEqual({ value: 'penciptaan' });
		expect(mapKemendagriStage('', { hasRegulationEvidence: true })).toEqual({ value: null });
	});

	it.each([
		['drum-up', 'penciptaan'],
		['Drum Up', 'penciptaan'],
		['drumup', 'penciptaan'],
		['diagnose', 'penciptaan'],
		['Design', 'penciptaan'],
		['deliver', 'pengembangan'],
		['DISPLAY', 'pengembangan']
	])('LAN 5D %s -> %s', (input, value) => expect(mapLanStage(input)).toEqual({ value }));

	it('names the field, the value and the allowed values when a stage is unknown', () => {
		expect(mapKemendagriStage('Replikasi')).toEqual({
			problem: 'unknown-enum',
			message: 'Nilai "Replikasi" pada kolom "Tahapan Inovasi" tidak dikenal. Nilai yang diterima: Inisiatif, Uji Coba, Penerapan.'
		});
		expect(mapLanStage('deploy')).toMatchObject({
			problem: 'unknown-enum',
			message: expect.stringContaining('drum-up, diagnose, design, deliver, display')
		});
		expect(mapPanrbStage('Ide')).toMatchObject({ problem: 'unknown-enum' });
	});
});

describe('mapDigital', () => {
	it.each([
		['Digital', true],
		['DIGITAL', true],
		['Non Digital', false],
		['Non-Digital', false],
		['non digital', false],
		['NonDigital', false],
		['Nondigital', false],
		['  non   digital ', false]
	])('%j -> %s', (input, value) => expect(mapDigital(input)).toEqual({ value }));

	it('refuses anything else, as the sample row with Semi Digital', () => {
		expect(mapDigital('Semi Digital')).toEqual({
			problem: 'unknown-enum',
			message: 'Nilai "Semi Digital" pada kolom "Jenis Inovasi" tidak dikenal. Nilai yang diterima: Digital, Non Digital.'
		});
		expect(mapDigital('Ya')).toMatchObject({ problem: 'unknown-enum' });
	});

	it('uses the column name a mapping profile gives', () => {
		expect(mapDigital('Semi', { field: 'Jenis' })).toMatchObject({ message: expect.stringContaining('kolom "Jenis"') });
	});
});

describe('mapForm, mapInitiator, mapTheme', () => {
	it.each([
		['Inovasi Tata Kelola Pemerintahan Daerah', 'tata_kelola'],
		['inovasi tata kelola pemerintahan daerah', 'tata_kelola'],
		['Tata Kelola Pemerintahan', 'tata_kelola'],
		['Inovasi Pelayanan Publik', 'pelayanan_publik'],
		['Pelayanan Publik', 'pelayanan_publik'],
		['Inovasi Daerah Lainnya', 'lainnya'],
		['Inovasi daerah lainnya sesuai dengan urusan pemerintahan yang menjadi kewenangan daerah', 'lainnya'],
		['Lainnya', 'lainnya']
	])('form %s -> %s', (input, value) => expect(mapForm(input)).toEqual({ value }));

	it.each([
		['Kepala Daerah', 'kepala_daerah'],
		['Anggota DPRD', 'anggota_dprd'],
		['DPRD', 'anggota_dprd'],
		['OPD', 'opd'],
		['Perangkat Daerah', 'opd'],
		['ASN', 'asn'],
		['asn', 'asn'],
		['Masyarakat', 'masyarakat']
	])('initiator %s -> %s', (input, value) => expect(mapInitiator(input)).toEqual({ value }));

	it('maps every theme in any case and spacing', () => {
		for (const theme of THEMES) {
			expect(mapTheme(theme)).toEqual({ value: theme });
			expect(mapTheme(`  ${theme.toUpperCase()} `)).toEqual({ value: theme });
		}
		expect(mapTheme('Non-Tematik')).toEqual({ value: 'Non Tematik' });
		expect(mapTheme('Pariwisata')).toMatchObject({ problem: 'unknown-enum', message: expect.stringContaining('Kemudahan Investasi') });
	});

	it('refuses unknown forms and initiators', () => {
		expect(mapForm('Inovasi Produk')).toMatchObject({ problem: 'unknown-enum', message: expect.stringContaining('"Bentuk Inovasi"') });
		expect(mapInitiator('Bupati')).toMatchObject({ problem: 'unknown-enum', message: expect.stringContaining('Kepala Daerah, Anggota DPRD, OPD, ASN, Masyarakat') });
	});
});

describe('mapAffair and mapAffairs', () => {
	it('maps every urusan label in any case to its code', () => {
		for (const affair of AFFAIRS) {
			expect(mapAffair(affair.label)).toEqual({ value: affair.code });
			expect(mapAffair(affair.label.toUpperCase())).toEqual({ value: affair.code });
			expect(mapAffair(affair.label.toLowerCase())).toEqual({ value: affair.code });
		}
	});

	it.each([
		['Koperasi, Usaha Kecil, dan Menengah', 'koperasi_usaha_kecil_dan_menengah'],
		['Koperasi dan UKM', 'koperasi_usaha_kecil_dan_menengah'],
		['Ketentraman, Ketertiban Umum dan Perlindungan Masyarakat', 'ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat'],
		['Pemberdayaan Perempuan dan Perlindungan Anak', 'pemberdayaan_perempuan_dan_pelindungan_anak'],
		['Kepemudaan dan Olah Raga', 'kepemudaan_dan_olahraga'],
		['Pekerjaan Umum & Penataan Ruang', 'pekerjaan_umum_dan_penataan_ruang'],
		['PUPR', 'pekerjaan_umum_dan_penataan_ruang'],
		['Adminduk', 'administrasi_kependudukan_dan_pencatatan_sipil'],
		['Energi dan Sumberdaya Mineral', 'energi_dan_sumber_daya_mineral']
	])('variant %s -> %s', (input, value) => expect(mapAffair(input)).toEqual({ value }));

	it('splits Urusan Lain on | and keeps commas inside names', () => {
		expect(mapAffairs('Pangan|Pemberdayaan Masyarakat dan Desa')).toEqual({
			value: ['pangan', 'pemberdayaan_masyarakat_dan_desa']
		});
		expect(mapAffairs('Koperasi, Usaha Kecil dan Menengah | perdagangan |PERINDUSTRIAN')).toEqual({
			value: ['koperasi_usaha_kecil_dan_menengah', 'perdagangan', 'perindustrian']
		});
		expect(mapAffairs('Statistik;Statistik')).toEqual({ value: ['statistik'] });
		expect(mapAffairs('')).toEqual({ value: [] });
		expect(mapAffairs('Pangan||')).toEqual({ value: ['pangan'] });
	});

	it('names every unknown affair and lists the allowed ones', () => {
		const result = mapAffairs('Pangan|Olahraga Ekstrem|Sihir');
		expect(result).toMatchObject({ problem: 'unknown-enum' });
		if (!('message' in result)) throw new Error('expected a problem');
		expect(result.message).toContain('"Olahraga Ekstrem", "Sihir" pada kolom "Urusan Lain"');
		expect(result.message).toContain('Administrasi Kependudukan dan Pencatatan Sipil');
		expect(mapAffair('Sihir')).toMatchObject({ message: expect.stringContaining('kolom "Urusan Utama"') });
		expect(mapAffair('')).toEqual({ value: null });
	});
});

describe('mapSdgs', () => {
	it.each([
		['3; 10', [3, 10]],
		['17; 16', [17, 16]],
		['11;12; 13', [11, 12, 13]],
		['3, 10', [3, 10]],
		['3', [3]],
		[3, [3]],
		[[1, '10'], [1, 10]],
		['Kehidupan Sehat dan Sejahtera', [3]],
		['kehidupan sehat & sejahtera', [3]],
		['Perdamaian, Keadilan dan Kelembagaan yang Tangguh', [16]],
		['Industri, Inovasi dan Infrastruktur; Kemitraan untuk Mencapai Tujuan', [9, 17]],
		['Kota dan Permukiman yang Berkelanjutan', [11]],
		['TPB 3', [3]],
		['SDG 3', [3]],
		['SDGs 3', [3]],
		['SDG-3', [3]],
		['TPB 3: Kehidupan Sehat dan Sejahtera', [3]],
		['3. Kehidupan Sehat dan Sejahtera', [3]],
		['Tujuan ke-8', [8]],
		['Good Health and Well-being', [3]],
		['3; 3; SDG 3', [3]],
		['', []],
		[null, []]
	])('%j -> %j', (input, value) => expect(mapSdgs(input)).toEqual({ value }));

	it('maps every official goal name', () => {
		for (const [number, label] of Object.entries(SDG_LABELS)) expect(mapSdgs(label)).toEqual({ value: [Number(number)] });
	});

	it('refuses unknown goals, numbers out of range and contradicting number/name pairs', () => {
		expect(mapSdgs('18')).toMatchObject({ problem: 'unknown-enum', message: expect.stringContaining('"18" pada kolom "SDGs"') });
		expect(mapSdgs('0')).toMatchObject({ problem: 'unknown-enum' });
		expect(mapSdgs('3; Kebahagiaan')).toMatchObject({ problem: 'unknown-enum', message: expect.stringContaining('"Kebahagiaan"') });
		expect(mapSdgs('SDG 3: Tanpa Kemiskinan')).toMatchObject({ problem: 'unknown-enum' });
		expect(mapSdgs('3', { field: 'id_sdgs' })).toEqual({ value: [3] });
		expect(mapSdgs('99', { field: 'id_sdgs' })).toMatchObject({ message: expect.stringContaining('kolom "id_sdgs"') });
	});
});

describe('PANRB enumerations', () => {
	it('maps Predikat to the KIPP level, empty to null', () => {
		for (const level of KIPP_LEVELS) expect(mapKippLevel(level)).toEqual({ value: level });
		expect(mapKippLevel('TOP 99')).toEqual({ value: 'Top 99' });
		expect(mapKippLevel('top-45')).toEqual({ value: 'Top 45' });
		expect(mapKippLevel('Top15')).toEqual({ value: 'Top 15' });
		expect(mapKippLevel('outstanding achievement')).toEqual({ value: 'Outstanding Achievement' });
		expect(mapKippLevel('')).toEqual({ value: null });
		expect(mapKippLevel('-')).toEqual({ value: null });
		expect(mapKippLevel('Top 40')).toEqual({
			problem: 'unknown-enum',
			message: 'Nilai "Top 40" pada kolom "Predikat" tidak dikenal. Nilai yang diterima: Top 99, Top 45, Top 15, Outstanding Achievement.'
		});
	});

	it.each([
		['Berlanjut', 'berlanjut'],
		['BERLANJUT', 'berlanjut'],
		['Berlanjut dengan Pengembangan', 'berlanjut_dengan_pengembangan'],
		['berlanjut dengan pengembangan', 'berlanjut_dengan_pengembangan'],
		['Berhenti', 'berhenti'],
		['Tidak Berlanjut', 'berhenti']
	])('Status Keberlanjutan %s -> %s', (input, value) => expect(mapSustainabilityStatus(input)).toEqual({ value }));

	it('refuses an unknown status', () => {
		expect(mapSustainabilityStatus('Dijeda')).toMatchObject({
			problem: 'unknown-enum',
			message: expect.stringContaining('Berlanjut, Berlanjut dengan Pengembangan, Berhenti')
		});
	});

	it('maps Kelompok', () => {
		for (const group of KIPP_GROUPS) expect(mapKippGroup(group.toUpperCase())).toEqual({ value: group });
		expect(mapKippGroup('Khusus ')).toEqual({ value: 'Khusus' });
		expect(mapKippGroup('Istimewa')).toMatchObject({ problem: 'unknown-enum', message: expect.stringContaining('Umum, Khusus, Replikasi') });
	});

	it.each([
		['Kementerian', 'kementerian'],
		['Lembaga', 'lembaga'],
		['Pemerintah Provinsi', 'pemerintah_provinsi'],
		['Pemerintah Kabupaten', 'pemerintah_kabupaten'],
		['PEMERINTAH KOTA', 'pemerintah_kota'],
		['BUMN', 'bumn'],
		['BUMD', 'bumd'],
		['pemerintah_kabupaten', 'pemerintah_kabupaten']
	])('Jenis Instansi %s -> %s', (input, value) => expect(mapAgencyKind(input)).toEqual({ value }));

	it('refuses an unknown Jenis Instansi', () => {
		expect(mapAgencyKind('Universitas')).toMatchObject({ problem: 'unknown-enum', message: expect.stringContaining('kolom "Jenis Instansi"') });
	});
});
