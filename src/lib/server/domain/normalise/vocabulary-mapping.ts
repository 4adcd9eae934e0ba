/**
 * Maps the enumerations the three sources write to the canonical vocabulary (vocabulary.ts,
 * domain.md). Every mapper is tolerant of case, spacing and hyphens (`Non-Digital` =
 * `non digital`), returns `{value}` — `null` (or `[]` for lists) when the cell is empty — or an
 * `unknown-enum` problem whose Indonesian message names the column, the value and the values
 * that are allowed. The column name can be overridden when a mapping profile renames it.
 */
import type { AgencyKind, InitiatorType, InnovationForm, SustainabilityStatus } from '../../db/schema';
import {
	AFFAIRS,
	AGENCY_KIND_LABELS,
	FORM_LABELS,
	INITIATOR_LABELS,
	KIPP_LEVELS,
	SDG_LABELS,
	SUSTAINABILITY_LABELS,
	THEMES,
	type StageCode
} from '../vocabulary';
import { cleanText, foldText } from './text';

export interface UnknownEnum {
	problem: 'unknown-enum';
	message: string;
}
export type EnumResult<T> = { value: T } | UnknownEnum;

export interface MapOptions {
	/** Column name used in the message, when the file calls it something else. */
	field?: string;
}

export type Theme = (typeof THEMES)[number];
export type KippLevel = (typeof KIPP_LEVELS)[number];
/** KIPP competition groups (domain.md); labels are the canonical values. */
export const KIPP_GROUPS = ['Umum', 'Khusus', 'Replikasi'] as const;
export type KippGroup = (typeof KIPP_GROUPS)[number];

/** Key for comparing enumeration values: folded, without spaces, and without the word `dan`. */
function enumKey(value: string): string {
	return foldText(value)
		.split(' ')
		.filter((word) => word !== 'dan')
		.join('');
}

function isBlank(value: unknown): boolean {
	if (value == null) return true;
	const text = cleanText(String(value));
	// `-` is how spreadsheets mark a deliberately empty cell.
	return text === '' || text === '-' || text === '—';
}

function unknownEnum(field: string, value: unknown, allowed: readonly string[]): UnknownEnum {
	return {
		problem: 'unknown-enum',
		message: `Nilai "${cleanText(String(value))}" pada kolom "${field}" tidak dikenal. Nilai yang diterima: ${allowed.join(', ')}.`
	};
}

/** A mapper from a table of written forms to canonical values; `allowed` is what the message lists. */
function enumMapper<T>(defaultField: string, allowed: readonly string[], forms: readonly (readonly [string, T])[]) {
	const table = new Map<string, T>();
	for (const [written, value] of forms) table.set(enumKey(written), value);
	return (value: unknown, options: MapOptions = {}): EnumResult<T | null> => {
		if (isBlank(value)) return { value: null };
		const found = table.get(enumKey(String(value)));
		if (found === undefined) return unknownEnum(options.field ?? defaultField, value, allowed);
		return { value: found };
	};
}

// ---------------------------------------------------------------------------------------------
// Stages

/** PANRB (PermenPANRB 91/2021) aspects: the canonical stages themselves. */
export const mapPanrbStage = enumMapper<StageCode>(
	'Tahapan',
	['Penciptaan', 'Pengembangan', 'Pelembagaan'],
	[
		['Penciptaan', 'penciptaan'],
		['Pengembangan', 'pengembangan'],
		['Pelembagaan', 'pelembagaan']
	]
);

const kemendagriTahapan = enumMapper<'inisiatif' | 'uji_coba' | 'penerapan'>(
	'Tahapan Inovasi',
	['Inisiatif', 'Uji Coba', 'Penerapan'],
	[
		['Inisiatif', 'inisiatif'],
		['Uji Coba', 'uji_coba'],
		['Penerapan', 'penerapan']
	]
);

/**
 * Kemendagri IID tahapan -> canonical stage: Inisiatif and Uji Coba are creation, Penerapan is
 * development — or institutionalisation when the record carries regulation evidence (a Perda,
 * Perkada or SK anchoring it), which the caller determines and passes in.
 */
export function mapKemendagriStage(
	value: unknown,
	options: MapOptions & { hasRegulationEvidence?: boolean } = {}
): EnumResult<StageCode | null> {
	const tahapan = kemendagriTahapan(value, options);
	if ('problem' in tahapan) return tahapan;
	if (tahapan.value === null) return { value: null };
	if (tahapan.value === 'penerapan') return { value: options.hasRegulationEvidence ? 'pelembagaan' : 'pengembangan' };
	return { value: 'penciptaan' };
}

/** LAN Labinov 5D: drum-up, diagnose, design are creation; deliver, display are development. */
export const mapLanStage = enumMapper<StageCode>(
	'tahap_5d',
	['drum-up', 'diagnose', 'design', 'deliver', 'display'],
	[
		['drum-up', 'penciptaan'],
		['diagnose', 'penciptaan'],
		['design', 'penciptaan'],
		['deliver', 'pengembangan'],
		['display', 'pengembangan']
	]
);

// ---------------------------------------------------------------------------------------------
// Kemendagri enumerations

/** Jenis Inovasi: Digital -> true, Non Digital -> false. */
export const mapDigital = enumMapper<boolean>(
	'Jenis Inovasi',
	['Digital', 'Non Digital'],
	[
		['Digital', true],
		['Non Digital', false]
	]
);

export const mapForm = enumMapper<InnovationForm>(
	'Bentuk Inovasi',
	['Inovasi Tata Kelola Pemerintahan Daerah', 'Inovasi Pelayanan Publik', 'Inovasi Daerah Lainnya'],
	[
		['Inovasi Tata Kelola Pemerintahan Daerah', 'tata_kelola'],
		['Tata Kelola Pemerintahan Daerah', 'tata_kelola'],
		[FORM_LABELS.tata_kelola, 'tata_kelola'],
		['Tata Kelola Pemerintahan', 'tata_kelola'],
		['Tata Kelola', 'tata_kelola'],
		[FORM_LABELS.pelayanan_publik, 'pelayanan_publik'],
		['Pelayanan Publik', 'pelayanan_publik'],
		['Inovasi Daerah Lainnya', 'lainnya'],
		// The full wording of PP 38/2017.
		['Inovasi Daerah Lainnya sesuai dengan Urusan Pemerintahan yang menjadi Kewenangan Daerah', 'lainnya'],
		[FORM_LABELS.lainnya, 'lainnya'],
		['Daerah Lainnya', 'lainnya'],
		['Lainnya', 'lainnya']
	]
);

export const mapInitiator = enumMapper<InitiatorType>(
	'Inisiator Inovasi',
	Object.values(INITIATOR_LABELS),
	[
		['Kepala Daerah', 'kepala_daerah'],
		['Anggota DPRD', 'anggota_dprd'],
		['DPRD', 'anggota_dprd'],
		['OPD', 'opd'],
		['Perangkat Daerah', 'opd'],
		['Organisasi Perangkat Daerah', 'opd'],
		['ASN', 'asn'],
		['Aparatur Sipil Negara', 'asn'],
		['Masyarakat', 'masyarakat']
	]
);

/** Tematik -> one of THEMES (the labels are the canonical values). */
export const mapTheme = enumMapper<Theme>(
	'Tematik',
	THEMES,
	THEMES.map((theme) => [theme, theme] as const)
);

// Other names for the urusan, all certain: older spellings (Perlindungan, Ketentraman) are
// folded by affairKey; these are the abbreviations and shortened names.
const AFFAIR_SYNONYMS: readonly (readonly [string, string])[] = [
	['PUPR', 'pekerjaan_umum_dan_penataan_ruang'],
	['Pekerjaan Umum', 'pekerjaan_umum_dan_penataan_ruang'],
	['Perumahan dan Kawasan Permukiman', 'perumahan_rakyat_dan_kawasan_permukiman'],
	['Perkim', 'perumahan_rakyat_dan_kawasan_permukiman'],
	['Trantibumlinmas', 'ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat'],
	['Adminduk', 'administrasi_kependudukan_dan_pencatatan_sipil'],
	['Kependudukan dan Pencatatan Sipil', 'administrasi_kependudukan_dan_pencatatan_sipil'],
	['Dukcapil', 'administrasi_kependudukan_dan_pencatatan_sipil'],
	['Kominfo', 'komunikasi_dan_informatika'],
	['Koperasi dan UKM', 'koperasi_usaha_kecil_dan_menengah'],
	['Koperasi UKM', 'koperasi_usaha_kecil_dan_menengah'],
	['Pengendalian Penduduk dan KB', 'pengendalian_penduduk_dan_keluarga_berencana'],
	['Pemuda dan Olahraga', 'kepemudaan_dan_olahraga'],
	['ESDM', 'energi_dan_sumber_daya_mineral'],
	['Diklat', 'pendidikan_dan_pelatihan'],
	['Litbang', 'penelitian_dan_pengembangan']
];

function affairKey(value: string): string {
	return enumKey(
		foldText(value)
			.replace(/\bperlindungan\b/g, 'pelindungan')
			.replace(/\bketentraman\b/g, 'ketenteraman')
			.replace(/\bukm\b/g, 'usaha kecil menengah')
	);
}

const affairTable = new Map<string, string>([
	...AFFAIRS.map((a) => [affairKey(a.label), a.code] as [string, string]),
	...AFFAIR_SYNONYMS.map(([written, code]) => [affairKey(written), code] as [string, string])
]);
const AFFAIR_LABELS = AFFAIRS.map((a) => a.label);

/** Urusan Utama: one government affair (any case) -> affair code. */
export function mapAffair(value: unknown, options: MapOptions = {}): EnumResult<string | null> {
	if (isBlank(value)) return { value: null };
	const code = affairTable.get(affairKey(String(value)));
	return code ? { value: code } : unknownEnum(options.field ?? 'Urusan Utama', value, AFFAIR_LABELS);
}

/**
 * Urusan Lain: affairs separated by `|` (or `;` / a line break) -> affair codes, in order,
 * without repeats. Commas are not separators: they occur inside names (`Koperasi, Usaha ...`).
 */
export function mapAffairs(value: unknown, options: MapOptions = {}): EnumResult<string[]> {
	if (isBlank(value)) return { value: [] };
	const field = options.field ?? 'Urusan Lain';
	const codes: string[] = [];
	const unknown: string[] = [];
	for (const part of String(value).split(/[|;\n]/)) {
		if (isBlank(part)) continue;
		const code = affairTable.get(affairKey(part));
		if (code) {
			if (!codes.includes(code)) codes.push(code);
		} else unknown.push(cleanText(part));
	}
	if (unknown.length > 0) {
		return {
			problem: 'unknown-enum',
			message: `Nilai ${unknown.map((u) => `"${u}"`).join(', ')} pada kolom "${field}" tidak dikenal. Nilai yang diterima: ${AFFAIR_LABELS.join(', ')}.`
		};
	}
	return { value: codes };
}

// ---------------------------------------------------------------------------------------------
// SDGs

// Alternative Indonesian and the official English names of the goals.
const SDG_SYNONYMS: Readonly<Record<number, readonly string[]>> = {
	1: ['No Poverty'],
	2: ['Zero Hunger'],
	3: ['Good Health and Well-being', 'Kehidupan Sehat dan Sejahtera bagi Semua'],
	4: ['Quality Education'],
	5: ['Gender Equality'],
	6: ['Clean Water and Sanitation', 'Air Bersih dan Sanitasi'],
	7: ['Affordable and Clean Energy'],
	8: ['Decent Work and Economic Growth'],
	9: ['Industry, Innovation and Infrastructure'],
	10: ['Reduced Inequalities', 'Reduced Inequality', 'Mengurangi Kesenjangan'],
	11: ['Sustainable Cities and Communities', 'Kota dan Komunitas Berkelanjutan'],
	12: ['Responsible Consumption and Production'],
	13: ['Climate Action'],
	14: ['Life Below Water', 'Ekosistem Laut'],
	15: ['Life on Land', 'Ekosistem Darat'],
	16: ['Peace, Justice and Strong Institutions'],
	17: ['Partnerships for the Goals']
};

function sdgKey(value: string): string {
	return foldText(value)
		.split(' ')
		.filter((word) => !['dan', 'yang', 'and', 'the'].includes(word))
		.join('');
}

const sdgTable = new Map<string, number>();
for (const [number, label] of Object.entries(SDG_LABELS)) sdgTable.set(sdgKey(label), Number(number));
for (const [number, names] of Object.entries(SDG_SYNONYMS)) for (const name of names) sdgTable.set(sdgKey(name), Number(number));

const SDG_ALLOWED = [`nomor 1–17 atau nama tujuan (${Object.entries(SDG_LABELS).map(([n, l]) => `${n} ${l}`).join('; ')})`];
// `TPB 3`, `SDG 3`, `SDGs-3`, `Tujuan 3`, `Goal 3`, optionally followed by the goal's name.
const SDG_PREFIXED = /^(?:tpb|sdgs?|tujuan|goal)\s*(?:ke)?[\s#:.-]*(\d{1,2})(?:\s*[:.)-]?\s*(.*))?$/i;
// `3`, `3.`, `3 -  Kehidupan Sehat ...`, `(3) Kehidupan ...`.
const SDG_NUMBERED = /^\(?(\d{1,2})\)?(?:\s*[:.)-]?\s*(.*))?$/;

function sdgOfPart(part: string): number | null {
	const text = cleanText(part);
	const m = SDG_PREFIXED.exec(text) ?? SDG_NUMBERED.exec(text);
	if (m) {
		const number = Number(m[1]);
		if (!SDG_LABELS[number]) return null;
		const name = cleanText(m[2]);
		// A number with a name that is another goal's is a contradiction, not a choice to make.
		if (name) {
			const named = sdgTable.get(sdgKey(name));
			if (named !== number) return null;
		}
		return number;
	}
	return sdgTable.get(sdgKey(text)) ?? null;
}

/**
 * SDGs as numbers or names, `;`-separated (`3; 10`, `Kehidupan Sehat dan Sejahtera`, `TPB 3`,
 * `SDG 3`) -> goal numbers in order without repeats. A number (LAN `id_sdgs`) or an array
 * passes through the same checks. Commas separate only lists of plain numbers (`3, 10`),
 * because goal names contain commas.
 */
export function mapSdgs(value: unknown, options: MapOptions = {}): EnumResult<number[]> {
	const field = options.field ?? 'SDGs';
	const parts: string[] = [];
	const collect = (item: unknown) => {
		if (isBlank(item)) return;
		if (typeof item === 'number') parts.push(String(item));
		else if (Array.isArray(item)) item.forEach(collect);
		else {
			for (const piece of String(item).split(/[;|\n]/)) {
				if (/^\s*\d{1,2}(\s*,\s*\d{1,2})+\s*$/.test(piece)) parts.push(...piece.split(','));
				else if (!isBlank(piece)) parts.push(piece);
			}
		}
	};
	collect(value);
	const numbers: number[] = [];
	const unknown: string[] = [];
	for (const part of parts) {
		const number = sdgOfPart(part);
		if (number === null) unknown.push(cleanText(part));
		else if (!numbers.includes(number)) numbers.push(number);
	}
	if (unknown.length > 0) {
		return {
			problem: 'unknown-enum',
			message: `Nilai ${unknown.map((u) => `"${u}"`).join(', ')} pada kolom "${field}" tidak dikenal. Nilai yang diterima: ${SDG_ALLOWED.join(', ')}.`
		};
	}
	return { value: numbers };
}

// ---------------------------------------------------------------------------------------------
// PANRB enumerations

/** Predikat -> KIPP award level; empty means no award. */
export const mapKippLevel = enumMapper<KippLevel>(
	'Predikat',
	KIPP_LEVELS,
	KIPP_LEVELS.map((level) => [level, level] as const)
);

export const mapSustainabilityStatus = enumMapper<SustainabilityStatus>(
	'Status Keberlanjutan',
	Object.values(SUSTAINABILITY_LABELS),
	[
		[SUSTAINABILITY_LABELS.berlanjut, 'berlanjut'],
		[SUSTAINABILITY_LABELS.berlanjut_dengan_pengembangan, 'berlanjut_dengan_pengembangan'],
		['Berlanjut Dikembangkan', 'berlanjut_dengan_pengembangan'],
		[SUSTAINABILITY_LABELS.berhenti, 'berhenti'],
		['Tidak Berlanjut', 'berhenti']
	]
);

/** Kelompok: Umum, Khusus or Replikasi. */
export const mapKippGroup = enumMapper<KippGroup>(
	'Kelompok',
	KIPP_GROUPS,
	KIPP_GROUPS.map((group) => [group, group] as const)
);

/** Jenis Instansi label (or the stored code) -> agency kind. */
export const mapAgencyKind = enumMapper<AgencyKind>('Jenis Instansi', Object.values(AGENCY_KIND_LABELS), [
	...Object.entries(AGENCY_KIND_LABELS).flatMap(([code, label]) => [
		[label, code as AgencyKind] as const,
		[code, code as AgencyKind] as const
	]),
	['Pemprov', 'pemerintah_provinsi'],
	['Pemkab', 'pemerintah_kabupaten'],
	['Pemkot', 'pemerintah_kota']
]);
