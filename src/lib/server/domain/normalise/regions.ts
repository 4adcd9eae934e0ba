/**
 * Resolves the region a source record names — by Kemendagri code, by name in any of the
 * forms sources write, or both — to a current Kemendagri code. It never guesses: a code that
 * contradicts the name is a conflict, and a bare name shared by a kabupaten and a kota is
 * ambiguous unless a level word, a code or the province tells them apart.
 */
import type { RegionLevel } from '../../db/schema';
import { bareRegionName, normaliseRegionCode } from '../region-names';
import { trigramSimilarity } from './similarity';
import { cleanText, compactText } from './text';

export interface RegionRecord {
	code: string;
	/** Display name as stored: `Kabupaten Ngada`, `Kota Surabaya`, `Jawa Timur`, `DKI Jakarta`. */
	name: string;
	level: RegionLevel;
	parentCode: string | null;
}

export interface RegionQuery {
	code?: string | number | null;
	name?: string | null;
	provinceName?: string | null;
}

export type RegionProblemKind = 'unknown-region' | 'region-conflict' | 'ambiguous';

export interface RegionCandidate {
	code: string;
	name: string;
}

export interface RegionProblem {
	problem: RegionProblemKind;
	message: string;
	candidates?: RegionCandidate[];
}

export type RegionResolution = { code: string } | RegionProblem;

export interface RegionResolver {
	/** `null` when the query names no region at all (no code, no name, no province). */
	resolve(query: RegionQuery): RegionResolution | null;
	byCode(code: string): RegionRecord | undefined;
}

type NamedLevel = Extract<RegionLevel, 'provinsi' | 'kabupaten' | 'kota'>;

/**
 * Other names of provinces, by Kemendagri code: the short forms used in agency names
 * (`Pemprov Jatim`), the DKI/DIY forms, and former official names (Nanggroe Aceh Darussalam
 * until 2009, Irian Jaya Barat until 2007).
 */
export const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
	'11': ['NAD', 'Nanggroe Aceh Darussalam'],
	'12': ['Sumut'],
	'13': ['Sumbar'],
	'16': ['Sumsel'],
	'19': ['Babel', 'Bangka Belitung', 'Kep. Babel'],
	'21': ['Kepri'],
	'31': ['DKI', 'Jakarta', 'Daerah Khusus Ibukota Jakarta', 'Daerah Khusus Ibu Kota Jakarta', 'Daerah Khusus Jakarta'],
	'32': ['Jabar'],
	'33': ['Jateng'],
	'34': ['DIY', 'DI Yogyakarta', 'Yogyakarta', 'Daerah Istimewa Yogyakarta'],
	'35': ['Jatim'],
	'52': ['NTB'],
	'53': ['NTT'],
	'61': ['Kalbar'],
	'62': ['Kalteng'],
	'63': ['Kalsel'],
	'64': ['Kaltim'],
	'65': ['Kaltara'],
	'71': ['Sulut'],
	'72': ['Sulteng'],
	'73': ['Sulsel'],
	'74': ['Sultra'],
	'76': ['Sulbar'],
	'82': ['Malut'],
	'92': ['Pabar', 'Irian Jaya Barat']
};

/**
 * Former names and common short names of kabupaten/kota that no longer match the current
 * Kemendagri name, each with the code of the region that carries it today. Only renames and
 * short forms that are certain; spelling variants that differ only in spaces or hyphens
 * (`Batang Hari`, `Toli-Toli`, `Bau-Bau`) need no entry.
 */
export const FORMER_REGION_NAMES: readonly { name: string; level: NamedLevel; code: string }[] = [
	{ name: 'Toba Samosir', level: 'kabupaten', code: '12.12' }, // renamed Toba in 2020
	{ name: 'Tobasa', level: 'kabupaten', code: '12.12' },
	{ name: 'Padangsidimpuan', level: 'kota', code: '12.77' }, // official spelling; the data writes Padang Sidempuan
	{ name: 'Sawahlunto Sijunjung', level: 'kabupaten', code: '13.03' }, // renamed Sijunjung in 2008
	{ name: 'Tanjab Barat', level: 'kabupaten', code: '15.06' },
	{ name: 'Tanjabbar', level: 'kabupaten', code: '15.06' },
	{ name: 'Tanjab Timur', level: 'kabupaten', code: '15.07' },
	{ name: 'Tanjabtim', level: 'kabupaten', code: '15.07' },
	{ name: 'Pasir', level: 'kabupaten', code: '64.01' }, // renamed Paser in 2007
	{ name: 'Sitaro', level: 'kabupaten', code: '71.09' },
	{ name: 'Siau Tagulandang Biaro', level: 'kabupaten', code: '71.09' },
	{ name: 'Selayar', level: 'kabupaten', code: '73.01' }, // now Kepulauan Selayar
	{ name: 'Pangkajene Kepulauan', level: 'kabupaten', code: '73.10' },
	{ name: 'Pangkep', level: 'kabupaten', code: '73.10' },
	{ name: 'Sidrap', level: 'kabupaten', code: '73.14' },
	{ name: 'Mamuju Utara', level: 'kabupaten', code: '76.01' }, // renamed Pasangkayu in 2017
	{ name: 'Polewali Mamasa', level: 'kabupaten', code: '76.04' }, // renamed Polewali Mandar in 2005
	{ name: 'Polman', level: 'kabupaten', code: '76.04' }
];

/**
 * Provinces split since the sources started collecting: a record dated before the split names
 * the parent province for a kabupaten that now belongs to the new one. Used only to check a
 * stated province, never to pick a region.
 */
const PROVINCE_SUCCESSORS: Readonly<Record<string, readonly string[]>> = {
	'64': ['65'], // Kalimantan Utara, 2012
	'91': ['93', '94', '95'], // Papua Selatan, Papua Tengah, Papua Pegunungan, 2022
	'92': ['96'] // Papua Barat Daya, 2022
};

const LEVEL_PREFIX =
	/^(?:(?:pemerintah(?:\s+daerah)?|pemda)\s+)?(provinsi|propinsi|prov|prop|kabupaten|kab|kota)(?:\.\s*|\s+)(?:(?:administrasi|adm)(?:\.\s*|\s+))?(.+)$/i;
const SHORT_GOVERNMENT = /^(pemprov|pemprop|pemkab|pemkot)(?:\.\s*|\s+)(.+)$/i;
// `Daerah` belongs to the name in `Pemerintah Daerah Istimewa Yogyakarta` / `... Khusus Jakarta`.
const GOVERNMENT_ONLY = /^(?:pemerintah(?:\s+daerah(?!\s+(?:istimewa|khusus)\b))?|pemda)\s+(.+)$/i;

function levelOf(word: string): NamedLevel {
	const w = word.toLowerCase();
	if (w.startsWith('prov') || w.startsWith('prop') || w === 'pemprov' || w === 'pemprop') return 'provinsi';
	if (w === 'kota' || w === 'pemkot') return 'kota';
	return 'kabupaten';
}

/** The level a name states (if any) and the bare name: `Pemerintah Kab. Ngada` -> kabupaten, `Ngada`. */
export function parseRegionName(value: string): { level: NamedLevel | null; bare: string } {
	const text = cleanText(value);
	let m = LEVEL_PREFIX.exec(text);
	if (m) return { level: levelOf(m[1]!), bare: m[2]!.trim() };
	m = SHORT_GOVERNMENT.exec(text);
	if (m) return { level: levelOf(m[1]!), bare: m[2]!.trim() };
	m = GOVERNMENT_ONLY.exec(text);
	if (m) return { level: null, bare: m[1]!.trim() };
	return { level: null, bare: text };
}

/** Comparison key of a bare name: `Kep. Sula` = `Kepulauan Sula`, `Toli-Toli` = `Tolitoli`. */
export function regionNameKey(bare: string): string {
	return compactText(cleanText(bare).replace(/\bkep\.?(?=\s)/gi, 'Kepulauan'));
}

function provinceOf(code: string): string {
	return code.slice(0, 2);
}

export function createRegionResolver(regions: readonly RegionRecord[]): RegionResolver {
	const byCode = new Map<string, RegionRecord>();
	const provinceKeys = new Map<string, Set<string>>();
	const regencyKeys = new Map<string, Set<string>>();
	const add = (index: Map<string, Set<string>>, key: string, code: string) => {
		if (!key) return;
		const set = index.get(key) ?? new Set<string>();
		set.add(code);
		index.set(key, set);
	};

	for (const region of regions) {
		byCode.set(region.code, region);
		if (region.level === 'provinsi') add(provinceKeys, regionNameKey(bareRegionName(region.name)), region.code);
		else if (region.level === 'kabupaten' || region.level === 'kota') {
			add(regencyKeys, regionNameKey(bareRegionName(region.name)), region.code);
		}
	}
	for (const [code, aliases] of Object.entries(PROVINCE_ALIASES)) {
		if (byCode.get(code)?.level !== 'provinsi') continue;
		for (const alias of aliases) add(provinceKeys, regionNameKey(alias), code);
	}
	for (const former of FORMER_REGION_NAMES) {
		if (byCode.get(former.code)?.level !== former.level) continue;
		add(regencyKeys, regionNameKey(former.name), former.code);
	}

	const named = [...byCode.values()].filter((r) => r.level !== 'kecamatan');

	const label = (code: string): string => {
		const region = byCode.get(code);
		if (!region) return code;
		return region.level === 'provinsi' ? `Provinsi ${region.name}` : region.name;
	};
	const candidate = (code: string): RegionCandidate => ({ code, name: label(code) });
	const listed = (codes: readonly string[]) => codes.map((c) => `${label(c)} (${c})`).join(', ');

	/** Codes whose names match, honouring a stated level. */
	function matchName(name: string): string[] {
		const { level, bare } = parseRegionName(name);
		const key = regionNameKey(bare);
		let codes: string[] = [];
		if (level === 'provinsi') codes = [...(provinceKeys.get(key) ?? [])];
		else if (level) codes = [...(regencyKeys.get(key) ?? [])].filter((c) => byCode.get(c)?.level === level);
		else codes = [...(provinceKeys.get(key) ?? []), ...(regencyKeys.get(key) ?? [])];
		// `Kota Baru` written for Kabupaten Kotabaru: the level word was part of the name.
		if (codes.length === 0 && level) {
			const whole = regionNameKey(cleanText(name));
			codes = [...(provinceKeys.get(whole) ?? []), ...(regencyKeys.get(whole) ?? [])];
		}
		return codes.sort();
	}

	/** Same bare name at another level: `Kabupaten Mataram` -> Kota Mataram, as a hint. */
	function otherLevel(name: string): string[] {
		const key = regionNameKey(parseRegionName(name).bare);
		return [...(provinceKeys.get(key) ?? []), ...(regencyKeys.get(key) ?? [])].sort();
	}

	function similar(name: string): RegionCandidate[] {
		const bare = parseRegionName(name).bare;
		return named
			.map((r) => ({ code: r.code, score: trigramSimilarity(bare, bareRegionName(r.name)) }))
			.filter((s) => s.score >= 0.3)
			.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
			.slice(0, 3)
			.map((s) => candidate(s.code));
	}

	/** The province a stated province name means, with its successors; null when not recognised. */
	function provinceScope(provinceName: string): { code: string; scope: Set<string> } | null {
		const { level, bare } = parseRegionName(provinceName);
		if (level && level !== 'provinsi') return null;
		const codes = [...(provinceKeys.get(regionNameKey(bare)) ?? [])];
		if (codes.length !== 1) return null;
		const code = codes[0]!;
		return { code, scope: new Set([code, ...(PROVINCE_SUCCESSORS[code] ?? [])]) };
	}

	function unknownName(name: string): RegionProblem {
		const hints = otherLevel(name).map(candidate);
		const candidates = hints.length > 0 ? hints : similar(name);
		const hint = candidates.length > 0 ? ` Mungkin maksudnya: ${candidates.map((c) => `${c.name} (${c.code})`).join(', ')}.` : '';
		return {
			problem: 'unknown-region',
			message: `Nama wilayah "${cleanText(name)}" tidak cocok dengan wilayah Kemendagri mana pun.${hint}`,
			...(candidates.length > 0 ? { candidates } : {})
		};
	}

	function resolve(query: RegionQuery): RegionResolution | null {
		const rawCode = query.code == null ? '' : cleanText(String(query.code));
		const name = cleanText(query.name);
		const provinceName = cleanText(query.provinceName);
		if (!rawCode && !name && !provinceName) return null;

		const province = provinceName ? provinceScope(provinceName) : null;

		if (rawCode) {
			const code = normaliseRegionCode(rawCode);
			if (!code) {
				return { problem: 'unknown-region', message: `Kode wilayah "${rawCode}" tidak valid: tulis 2 atau 4 angka, mis. 53 atau 53.09.` };
			}
			const region = byCode.get(code);
			if (!region) {
				const fromName = name ? matchName(name).map(candidate) : [];
				return {
					problem: 'unknown-region',
					message: `Kode wilayah ${code} tidak terdaftar di Kemendagri.`,
					...(fromName.length > 0 ? { candidates: fromName } : {})
				};
			}
			if (province && !province.scope.has(provinceOf(code))) {
				return {
					problem: 'region-conflict',
					message: `Kode wilayah ${code} (${label(code)}) tidak berada di ${label(province.code)} seperti yang tertulis.`,
					candidates: [candidate(code)]
				};
			}
			if (!name) return { code };
			const codes = matchName(name);
			if (codes.includes(code)) return { code };
			if (codes.length === 0) {
				return {
					problem: 'region-conflict',
					message: `Kode wilayah ${code} adalah ${label(code)}, tetapi nama "${name}" tidak dikenali sebagai wilayah itu.`,
					candidates: [candidate(code)]
				};
			}
			return {
				problem: 'region-conflict',
				message: `Kode wilayah ${code} adalah ${label(code)}, tetapi nama "${name}" menunjuk ${listed(codes)}.`,
				candidates: [candidate(code), ...codes.map(candidate)]
			};
		}

		if (!name) {
			if (province) return { code: province.code };
			return unknownName(provinceName);
		}

		let codes = matchName(name);
		if (codes.length === 0) return unknownName(name);
		if (province) {
			const inProvince = codes.filter((c) => province.scope.has(provinceOf(c)));
			if (inProvince.length === 0) {
				return {
					problem: 'region-conflict',
					message: `Nama wilayah "${name}" menunjuk ${listed(codes)}, yang tidak berada di ${label(province.code)}.`,
					candidates: codes.map(candidate)
				};
			}
			codes = inProvince;
		}
		if (codes.length === 1) return { code: codes[0]! };
		return {
			problem: 'ambiguous',
			message: `Nama wilayah "${name}" bisa berarti ${listed(codes)}. Tulis "Kabupaten", "Kota" atau "Provinsi" di depan nama, atau sertakan kode wilayah.`,
			candidates: codes.map(candidate)
		};
	}

	return { resolve, byCode: (code) => byCode.get(code) };
}
