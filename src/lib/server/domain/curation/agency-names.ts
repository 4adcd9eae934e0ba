/**
 * The curator queue of agency names the resolver did not know: which name a quarantined row
 * wrote, how names are grouped, and which registered agencies to suggest. Pure.
 */
import type { AgencyKind, SourceKey } from '../../db/schema';
import { DEFAULT_MAPPING_PROFILES, mapRow, type RawValue } from '../import/mapping-profile';
import { agencyKey, expandedName } from '../normalise/agencies';
import { jaccard, trigrams } from '../normalise/similarity';
import { cleanText } from '../normalise/text';

export interface WrittenAgency {
	/** The agency name as the row wrote it (Kemendagri rows name their regional government by region). */
	name: string | null;
	panrbId: string | null;
	regionCode: string | null;
}

/** The agency a quarantined row names, read through the source's default mapping profile. */
export function writtenAgencyOf(source: SourceKey, raw: Record<string, unknown>): WrittenAgency {
	const { fields } = mapRow(DEFAULT_MAPPING_PROFILES[source], raw as Record<string, RawValue>);
	const name = cleanText(fields.agencyName ?? (source === 'kemendagri' ? fields.regionName : null));
	return {
		name: name || null,
		panrbId: cleanText(fields.panrbAgencyId) || null,
		regionCode: cleanText(fields.regionCode) || null
	};
}

/** Names that differ only in case, spacing, punctuation or short forms (`Kab.`, `Pemkab`) share a key. */
export function agencyNameKey(name: string): string {
	return agencyKey(name);
}

export interface SuggestableAgency {
	id: string;
	name: string;
	kind: AgencyKind;
	abbreviation: string | null;
	aliases: readonly string[];
}

export interface AgencySuggestion {
	agencyId: string;
	name: string;
	/** 0..1 */
	score: number;
	/** Which of the agency's names was nearest. */
	matched: string;
}

// Words every agency of a kind shares; similarity on them says nothing about which agency it is.
const GENERIC_WORDS = new Set([
	'pemerintah',
	'daerah',
	'provinsi',
	'kabupaten',
	'kota',
	'administrasi',
	'kementerian',
	'badan',
	'lembaga',
	'dinas',
	'republik',
	'indonesia',
	'ri',
	'nasional',
	'dan',
	'pemda'
]);

function distinctive(expanded: string): string {
	return expanded
		.split(' ')
		.filter((word) => word && !GENERIC_WORDS.has(word))
		.join(' ');
}

interface Prepared {
	full: Set<string>;
	core: Set<string>;
	key: string;
}

function prepare(name: string): Prepared {
	const expanded = expandedName(name);
	return { full: trigrams(expanded), core: trigrams(distinctive(expanded)), key: agencyKey(name) };
}

/** How near a written name is to one of an agency's names: mostly the distinctive words (`Ngada`), partly the whole. */
function nearness(query: Prepared, candidate: Prepared): number {
	if (query.key && query.key === candidate.key) return 1;
	const full = jaccard(query.full, candidate.full);
	if (query.core.size === 0 || candidate.core.size === 0) return full;
	return 0.4 * full + 0.6 * jaccard(query.core, candidate.core);
}

/**
 * Builds a suggester over the registry once (names prepared ahead), then answers per name with
 * the `limit` nearest agencies by trigram similarity of name, abbreviation and aliases.
 */
export function createAgencySuggester(agencies: readonly SuggestableAgency[]) {
	const prepared = agencies.map((agency) => ({
		agency,
		names: [agency.name, agency.abbreviation, ...agency.aliases]
			.filter((n): n is string => !!n && cleanText(n) !== '')
			.map((n) => ({ written: n, prepared: prepare(n) }))
	}));
	return function suggest(name: string, limit = 3): AgencySuggestion[] {
		const query = prepare(name);
		if (query.full.size === 0) return [];
		const scored: AgencySuggestion[] = [];
		for (const { agency, names } of prepared) {
			let best = 0;
			let matched = agency.name;
			for (const candidate of names) {
				const score = nearness(query, candidate.prepared);
				if (score > best) {
					best = score;
					matched = candidate.written;
				}
			}
			if (best > 0) scored.push({ agencyId: agency.id, name: agency.name, score: Math.round(best * 1000) / 1000, matched });
		}
		return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'id')).slice(0, limit);
	};
}

/** Adds a written name to an agency's aliases unless one of its names already reads the same. */
export function withAlias(agency: { name: string; abbreviation: string | null; aliases: readonly string[] }, written: string) {
	const key = agencyKey(written);
	const known = [agency.name, agency.abbreviation, ...agency.aliases].some((n) => !!n && agencyKey(n) === key);
	return known ? { aliases: [...agency.aliases], added: false } : { aliases: [...agency.aliases, cleanText(written)], added: true };
}
