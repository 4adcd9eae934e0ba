import { AGENCY_KIND_LABELS, affairLabel, SDG_LABELS, SUSTAINABILITY_LABELS, INITIATOR_LABELS } from '../vocabulary';
import type { AgencyKind } from '../../db/schema';
import type { DemoAgency } from './agency-pool';
import type { DemoInnovation } from './corpus-types';
import {
	dayNumber,
	formatNumber,
	fromDayNumber,
	isoDate,
	longDate,
	slashDate,
	type CalendarDate
} from './indonesian-text';
import type { Random } from './random';
import { titleVariant, type DemoTitle } from './titles';

/**
 * Raw payloads of the source records behind a demo innovation, in each source's own column
 * names and value formats (docs/source-formats.md), varied the way independent exports vary:
 * other spellings of the agency, region codes with or without dots, other date formats.
 */
export interface PayloadInput {
	innovation: DemoInnovation;
	title: DemoTitle;
	agency: DemoAgency;
	startedOn: CalendarDate;
	kipp: { year: number; group: string; level: string | null; category: string };
	reportingYear: number;
	lanYear: number;
}

function agencyNameVariant(random: Random, agency: DemoAgency): string {
	const roll = random.next();
	if (roll < 0.6 || agency.isCentral) return roll < 0.85 ? agency.name : agency.abbreviation;
	if (roll < 0.85) return agency.abbreviation;
	return agency.name.toUpperCase();
}

/** How Kemendagri exports name a regional government: `Kab. Ngada`, `KABUPATEN NGADA`, `Provinsi Bali`. */
function pemdaNameVariant(random: Random, agency: DemoAgency): string {
	const full = agency.regionName ?? agency.name;
	const roll = random.next();
	if (roll < 0.55) return full;
	if (roll < 0.8) return full.toUpperCase();
	if (agency.kind === 'pemerintah_kabupaten') return `Kab. ${agency.bareName}`;
	return agency.abbreviation;
}

function dateVariant(random: Random, date: CalendarDate): string {
	return random.weighted([
		{ value: slashDate(date, '/'), weight: 5 },
		{ value: slashDate(date, '-'), weight: 2 },
		{ value: longDate(date), weight: 2 },
		{ value: longDate(date, true), weight: 1 }
	]);
}

const KEMENDAGRI_FORMS = {
	tata_kelola: 'Inovasi Tata Kelola Pemerintahan Daerah',
	pelayanan_publik: 'Inovasi Pelayanan Publik',
	lainnya: 'Inovasi Daerah Lainnya'
} as const;

export function panrbPayload(random: Random, externalId: string, input: PayloadInput): Record<string, unknown> {
	const { innovation: i, agency } = input;
	const sdgs = random.chance(0.7)
		? i.sdgs.join('; ')
		: i.sdgs.map((n) => SDG_LABELS[n]).join('; ');
	return {
		'ID Inovasi': externalId,
		'Judul Inovasi': titleVariant(random, input.title),
		'ID Instansi PANRB': agency.panrbId,
		Instansi: agencyNameVariant(random, agency),
		'Jenis Instansi': AGENCY_KIND_LABELS[agency.kind as AgencyKind],
		'Unit Penyelenggara Pelayanan': i.serviceUnit.name,
		Provinsi: agency.provinceName ?? '',
		'Tahun Kompetisi': String(input.kipp.year),
		Kelompok: input.kipp.group,
		Kategori: input.kipp.category,
		Predikat: input.kipp.level ?? '',
		SDGs: sdgs,
		'Tanggal Mulai Implementasi': random.chance(0.6) ? isoDate(input.startedOn) : slashDate(input.startedOn),
		Ringkasan: i.summary,
		'Latar Belakang dan Tujuan': `${i.problem} ${i.aims}`,
		Kebaruan: i.novelty,
		Implementasi: i.implementation,
		Signifikansi: i.results,
		Adaptabilitas: i.transferability,
		'Sumber Daya': i.resources,
		'Strategi Keberlanjutan': i.sustainabilityStrategy,
		'Status Keberlanjutan': i.sustainabilityStatus ? SUSTAINABILITY_LABELS[i.sustainabilityStatus] : '',
		'Tautan Video': i.videoUrl ?? '',
		'Email Kontak': i.contactEmail,
		'Telepon Kontak': i.contactPhone
	};
}

export function kemendagriPayload(random: Random, externalId: string, input: PayloadInput): Record<string, unknown> {
	const { innovation: i, agency } = input;
	const digits = (agency.regionCode ?? '').replace(/\./g, '');
	const code = random.weighted([
		{ value: digits, weight: 8 },
		{ value: agency.regionCode ?? '', weight: 1 },
		{ value: '', weight: 1 }
	]);
	const stage =
		i.stage === 'penciptaan' ? (random.chance(0.4) ? 'Inisiatif' : 'Uji Coba') : 'Penerapan';
	const trial = input.startedOn;
	const applied = fromDayNumber(dayNumber(trial) + random.int(60, 240));
	return {
		ID: externalId,
		'Tahun Pelaporan': String(input.reportingYear),
		'Kode Pemda': code,
		'Nama Pemda': pemdaNameVariant(random, agency),
		'Perangkat Daerah': i.serviceUnit.abbreviation && random.chance(0.4) ? i.serviceUnit.abbreviation : i.serviceUnit.name,
		'Nama Inovasi': titleVariant(random, input.title),
		'Tahapan Inovasi': stage,
		'Inisiator Inovasi': INITIATOR_LABELS[i.initiatorType],
		'Nama Inisiator': i.initiatorName,
		'Jenis Inovasi': i.isDigital ? 'Digital' : 'Non Digital',
		'Bentuk Inovasi': KEMENDAGRI_FORMS[i.form],
		Tematik: i.theme,
		'Urusan Utama': affairLabel(i.mainAffair) ?? '',
		'Urusan Lain': i.otherAffairs.map((a) => affairLabel(a)).join('|'),
		'Waktu Uji Coba': dateVariant(random, trial),
		'Waktu Penerapan': stage === 'Penerapan' ? dateVariant(random, applied) : '',
		'Rancang Bangun': `${i.novelty} ${i.implementation}`,
		Tujuan: i.aims,
		Manfaat: i.summary,
		'Hasil Inovasi': i.results,
		'Skor Kematangan': i.maturityScore === null ? '' : formatNumber(i.maturityScore, 1).replace(/,0$/, '')
	};
}

const LAN_STAGES = {
	penciptaan: ['drum-up', 'diagnose', 'design'],
	pengembangan: ['deliver', 'display'],
	pelembagaan: ['display']
} as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function lanPayload(random: Random, externalId: string, input: PayloadInput): Record<string, unknown> {
	const { innovation: i, agency } = input;
	const sdg = i.sdgs[0]!;
	// Updated during or after the year LAN lists it under, and not after the demo's last date.
	const updated = fromDayNumber(
		Math.min(dayNumber({ year: 2025, month: 12, day: 15 }), dayNumber({ year: input.lanYear, month: 1, day: 1 }) + random.int(30, 540))
	);
	const time = `${String(random.int(7, 20)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
	const deskripsi =
		`<div><h3>Deskripsi</h3><p>${escapeHtml(i.summary)}</p><p>${escapeHtml(i.problem)}</p>` +
		`<h3>Capaian</h3><ul><li>${escapeHtml(i.results)}</li><li>${escapeHtml(i.resources)}</li></ul></div>`;
	return {
		id: Number(externalId),
		judul_inovasi: titleVariant(random, input.title),
		tahun: input.lanYear,
		inovator: i.contactName,
		unit_kerja: i.serviceUnit.name,
		instansi_nama: agencyNameVariant(random, agency),
		agency_id_panrb: random.chance(0.85) ? agency.panrbId : null,
		id_kabkot: agency.regionCode && random.chance(0.92) ? agency.regionCode.replace(/\./g, '') : null,
		kabkot_nama: agency.regionCode && agency.kind !== 'pemerintah_provinsi' ? agency.regionName : null,
		provinsi_nama: agency.provinceName,
		tahap_5d: random.pick(LAN_STAGES[i.stage]),
		deskripsi,
		id_sdgs: sdg,
		sdgs_nama: SDG_LABELS[sdg],
		updated_at: `${isoDate(updated)}T${time}+07:00`
	};
}
