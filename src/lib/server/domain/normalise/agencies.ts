/**
 * Resolves the agency a source record names to an `agencies` row: by PANRB agency id, by name,
 * alias or abbreviation in any case and spelling (`Pemkab Banyuwangi`, `PEMERINTAH KAB.
 * BANYUWANGI`, `Kemenkes`), or — for regional governments — through the region the name or the
 * region code designates (`Pemprov Jatim`, `Banyuwangi` + code 35.10). When nothing matches it
 * suggests the three nearest agencies by trigram similarity.
 */
import type { AgencyKind } from '../../db/schema';
import { normaliseRegionCode } from '../region-names';
import { createRegionResolver, parseRegionName, type RegionRecord } from './regions';
import { jaccard, trigrams } from './similarity';
import { cleanText, foldText } from './text';
import { mapAgencyKind } from './vocabulary-mapping';

export interface AgencyRecord {
	id: string;
	name: string;
	kind: AgencyKind;
	abbreviation: string | null;
	aliases: readonly string[];
	regionCode: string | null;
	panrbId: string | null;
}

export interface AgencyQuery {
	panrbId?: string | null;
	name?: string | null;
	/** `Jenis Instansi` as written (`Pemerintah Kabupaten`) or an agency kind code. */
	kind?: string | null;
	/** The region the record belongs to, with or without dots. */
	regionCode?: string | null;
}

export type AgencyMatchVia = 'panrb-id' | 'name' | 'alias' | 'abbreviation' | 'region';

export interface AgencySuggestion {
	agencyId: string;
	name: string;
	score: number;
}

export type AgencyResolution =
	| { agencyId: string; via: AgencyMatchVia }
	| { problem: 'unresolved'; message: string; suggestions: AgencySuggestion[] };

export interface AgencyResolver {
	resolve(query: AgencyQuery): AgencyResolution;
}

/**
 * Former official names of central agencies, with the agency that carries the function today
 * (the same successor the abbreviations in central-agencies.ts already point to). Applied only
 * when that agency exists.
 */
export const FORMER_AGENCY_NAMES: readonly { name: string; agencyId: string }[] = [
	{ name: 'Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi', agencyId: 'kemendikdasmen' },
	{ name: 'Kementerian Pendidikan dan Kebudayaan', agencyId: 'kemendikdasmen' },
	{ name: 'Kementerian Riset, Teknologi, dan Pendidikan Tinggi', agencyId: 'kemdiktisaintek' },
	{ name: 'Kemenristekdikti', agencyId: 'kemdiktisaintek' },
	{ name: 'Kementerian Hukum dan Hak Asasi Manusia', agencyId: 'kemenkum' },
	{ name: 'Kementerian Lingkungan Hidup dan Kehutanan', agencyId: 'kemenhut' },
	{ name: 'Kementerian Pekerjaan Umum dan Perumahan Rakyat', agencyId: 'kemenpu' },
	{ name: 'Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi', agencyId: 'kemendesa' },
	{ name: 'Kementerian Koperasi dan Usaha Kecil dan Menengah', agencyId: 'kemenkop' },
	{ name: 'Kementerian Koperasi dan UKM', agencyId: 'kemenkop' },
	{ name: 'Kementerian Pariwisata dan Ekonomi Kreatif', agencyId: 'kemenpar' },
	{ name: 'Badan Kependudukan dan Keluarga Berencana Nasional', agencyId: 'kemendukbangga' },
	{ name: 'Badan Koordinasi Penanaman Modal', agencyId: 'kemeninves' },
	{ name: 'Badan Pelindungan Pekerja Migran Indonesia', agencyId: 'kp2mi' },
	{ name: 'Badan Pertanahan Nasional', agencyId: 'atr-bpn' },
	{ name: 'Badan Perencanaan Pembangunan Nasional', agencyId: 'bappenas' }
];

// Written short forms expanded before comparing, so `Pemkab X` = `Pemerintah Kabupaten X`.
const WORD_EXPANSIONS: Readonly<Record<string, string>> = {
	kab: 'kabupaten',
	prov: 'provinsi',
	prop: 'provinsi',
	propinsi: 'provinsi',
	pemkab: 'pemerintah kabupaten',
	pemkot: 'pemerintah kota',
	pemprov: 'pemerintah provinsi',
	pemprop: 'pemerintah provinsi',
	kep: 'kepulauan',
	adm: 'administrasi',
	kemen: 'kementerian',
	// The most common misspelling in Indonesian documents.
	kementrian: 'kementerian'
};

/** Folded name with short forms expanded: `Pemerintah Kab. Banyuwangi` -> `pemerintah kabupaten banyuwangi`. */
export function expandedName(value: string): string {
	return foldText(value)
		.split(' ')
		.map((word) => WORD_EXPANSIONS[word] ?? word)
		.join(' ');
}

/** Exact-comparison key: expanded and without spaces. */
export function agencyKey(value: string): string {
	return expandedName(value).replace(/ /g, '');
}

/** The same name without what sources append: `(Kemenkes)`, `RI`, `Republik Indonesia`. */
function nameVariants(name: string): string[] {
	const variants = new Set<string>([name]);
	const parenthetical = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(name);
	if (parenthetical) {
		variants.add(parenthetical[1]!);
		variants.add(parenthetical[2]!);
	}
	for (const v of [...variants]) {
		const stripped = v.replace(/\s*(?:,\s*)?\b(?:republik\s+indonesia|r\.?\s?i\.?)\s*$/i, '');
		if (stripped && stripped !== v) variants.add(stripped);
	}
	return [...variants].filter((v) => cleanText(v) !== '');
}

const VIA_RANK: Record<'name' | 'alias' | 'abbreviation', number> = { name: 0, alias: 1, abbreviation: 2 };
type GovernmentLevel = 'provinsi' | 'kabupaten' | 'kota';
const REGIONAL_KINDS: Partial<Record<AgencyKind, GovernmentLevel>> = {
	pemerintah_provinsi: 'provinsi',
	pemerintah_kabupaten: 'kabupaten',
	pemerintah_kota: 'kota'
};
const LEVEL_WORD = { provinsi: 'Provinsi', kabupaten: 'Kabupaten', kota: 'Kota' } as const;

/** `Pemerintah Kabupaten Ngada` -> `Ngada`. */
function bareGovernmentName(name: string): string {
	return cleanText(name).replace(/^pemerintah\s+(?:daerah\s+)?(?:provinsi|kabupaten|kota)\s+(?:administrasi\s+)?/i, '');
}

function isWithin(agencyRegion: string, regionCode: string): boolean {
	return regionCode === agencyRegion || regionCode.startsWith(`${agencyRegion}.`);
}

export function createAgencyResolver(agencies: readonly AgencyRecord[]): AgencyResolver {
	const byId = new Map(agencies.map((a) => [a.id, a]));
	const byPanrbId = new Map<string, string>();
	const byKey = new Map<string, { agencyId: string; via: 'name' | 'alias' | 'abbreviation' }[]>();
	const addKey = (written: string | null | undefined, agencyId: string, via: 'name' | 'alias' | 'abbreviation') => {
		if (!written) return;
		const key = agencyKey(written);
		if (!key) return;
		const entries = byKey.get(key) ?? [];
		if (!entries.some((e) => e.agencyId === agencyId && VIA_RANK[e.via] <= VIA_RANK[via])) entries.push({ agencyId, via });
		byKey.set(key, entries);
	};

	// Regional governments are found through their region: the region resolver already knows
	// every way a region is written, so it is built from the agencies' own regions.
	const governmentByRegion = new Map<string, string>();
	const regionRecords: RegionRecord[] = [];
	const grams = new Map<string, Set<string>[]>();

	for (const agency of agencies) {
		if (agency.panrbId) byPanrbId.set(cleanText(agency.panrbId).toUpperCase(), agency.id);
		addKey(agency.name, agency.id, 'name');
		for (const alias of agency.aliases) addKey(alias, agency.id, 'alias');
		addKey(agency.abbreviation, agency.id, 'abbreviation');
		grams.set(
			agency.id,
			[agency.name, agency.abbreviation, ...agency.aliases].filter((s): s is string => !!s).map((s) => trigrams(expandedName(s)))
		);

		const level = REGIONAL_KINDS[agency.kind];
		if (level && agency.regionCode) {
			governmentByRegion.set(agency.regionCode, agency.id);
			const bare = bareGovernmentName(agency.name);
			regionRecords.push({
				code: agency.regionCode,
				name: level === 'provinsi' ? bare : `${LEVEL_WORD[level]} ${bare}`,
				level,
				parentCode: level === 'provinsi' ? null : agency.regionCode.slice(0, 2)
			});
		}
	}
	for (const former of FORMER_AGENCY_NAMES) if (byId.has(former.agencyId)) addKey(former.name, former.agencyId, 'alias');

	const regions = createRegionResolver(regionRecords);

	function suggest(name: string, limit = 3, among?: readonly string[]): AgencySuggestion[] {
		const query = trigrams(expandedName(name));
		const pool = among ?? [...byId.keys()];
		return pool
			.map((id) => ({
				agencyId: id,
				name: byId.get(id)!.name,
				score: Math.max(0, ...(grams.get(id) ?? []).map((g) => jaccard(query, g)))
			}))
			.filter((s) => s.score > 0 || among)
			.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'id'))
			.slice(0, limit)
			.map((s) => ({ ...s, score: Math.round(s.score * 1000) / 1000 }));
	}

	const unresolved = (message: string, suggestions: AgencySuggestion[] = []): AgencyResolution => ({
		problem: 'unresolved',
		message,
		suggestions
	});

	/** Codes of the regions the text names (several when it is ambiguous), none when it is no region. */
	function regionCodesNamed(name: string, level: GovernmentLevel | null): string[] {
		const parsed = parseRegionName(name);
		// `Jenis Instansi` supplies the level the name leaves out (`Banyuwangi` + Pemerintah Kabupaten).
		const text = !parsed.level && level ? `${LEVEL_WORD[level]} ${parsed.bare}` : name;
		const found = regions.resolve({ name: text });
		if (!found) return [];
		if ('code' in found) return [found.code];
		if (found.problem === 'ambiguous') return (found.candidates ?? []).map((c) => c.code);
		return [];
	}

	function resolve(query: AgencyQuery): AgencyResolution {
		const panrbId = cleanText(query.panrbId).toUpperCase();
		const name = cleanText(query.name);
		const regionCode = query.regionCode ? normaliseRegionCode(String(query.regionCode)) : null;
		const kindResult = query.kind ? mapAgencyKind(query.kind) : null;
		const kind = kindResult && 'value' in kindResult ? kindResult.value : null;
		const level = kind ? (REGIONAL_KINDS[kind] ?? null) : null;

		if (panrbId) {
			const id = byPanrbId.get(panrbId);
			if (id) return { agencyId: id, via: 'panrb-id' };
		}

		if (!name) {
			// No name: a region code (with no central kind) designates its regional government.
			if (regionCode && (!kind || level)) {
				const id = governmentByRegion.get(regionCode);
				if (id) return { agencyId: id, via: 'region' };
				return unresolved(`Nama instansi kosong dan kode wilayah ${regionCode} tidak memiliki pemerintah daerah yang terdaftar.`);
			}
			if (panrbId) return unresolved(`ID Instansi PANRB "${panrbId}" belum dikenal dan nama instansi kosong.`);
			return unresolved('Instansi tidak dapat dikenali: nama instansi dan ID Instansi PANRB kosong.');
		}

		// 1. The agency's own name, aliases or abbreviation.
		let ambiguousIds: string[] = [];
		for (const variant of nameVariants(name)) {
			const entries = byKey.get(agencyKey(variant));
			if (!entries || entries.length === 0) continue;
			const best = Math.min(...entries.map((e) => VIA_RANK[e.via]));
			const top = entries.filter((e) => VIA_RANK[e.via] === best);
			const ids = [...new Set(top.map((e) => e.agencyId))];
			if (ids.length === 1) return checked(ids[0]!, top[0]!.via, name, regionCode);
			ambiguousIds = ids;
			break;
		}

		// 2. A regional government through the region its name designates.
		let codes = regionCodesNamed(name, level);
		// A region code picks among same-named regions (`Bekasi` + 32.75).
		if (codes.length > 1 && regionCode) codes = codes.filter((c) => isWithin(c, regionCode));
		const governments = [...new Set(codes.map((c) => governmentByRegion.get(c)).filter((id): id is string => !!id))];
		if (governments.length === 1) return checked(governments[0]!, 'region', name, regionCode);
		if (governments.length > 1) {
			return unresolved(
				`Nama instansi "${name}" bisa berarti ${governments.map((id) => byId.get(id)!.name).join(' atau ')}. Tulis "Kabupaten", "Kota" atau "Provinsi", atau sertakan kode wilayah.`,
				suggest(name, governments.length, governments)
			);
		}

		if (ambiguousIds.length > 1) {
			return unresolved(
				`Nama instansi "${name}" cocok dengan lebih dari satu instansi: ${ambiguousIds.map((id) => byId.get(id)!.name).join(', ')}.`,
				suggest(name, ambiguousIds.length, ambiguousIds)
			);
		}

		const suggestions = suggest(name);
		const hint = suggestions.length > 0 ? ` Mungkin maksudnya: ${suggestions.map((s) => s.name).join('; ')}.` : '';
		const idNote = panrbId ? ` ID Instansi PANRB "${panrbId}" juga belum dikenal.` : '';
		return unresolved(`Instansi "${name}" tidak dikenali.${idNote}${hint}`, suggestions);
	}

	/** A regional government must sit in (or above) the region the record states. */
	function checked(agencyId: string, via: AgencyMatchVia, name: string, regionCode: string | null): AgencyResolution {
		const agency = byId.get(agencyId)!;
		if (regionCode && agency.regionCode && REGIONAL_KINDS[agency.kind] && !isWithin(agency.regionCode, regionCode)) {
			const regionName = regions.byCode(regionCode)?.name;
			return unresolved(
				`Instansi "${name}" (${agency.name}, wilayah ${agency.regionCode}) tidak cocok dengan kode wilayah ${regionCode}${regionName ? ` (${regionName})` : ''}.`,
				[{ agencyId, name: agency.name, score: 1 }]
			);
		}
		return { agencyId, via };
	}

	return { resolve };
}
