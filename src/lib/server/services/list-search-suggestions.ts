import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { suggestionWords } from '../domain/search/prefix-index';
import { RegistrySuggestions, type RegistrySuggestionInput } from '../domain/search/registry-suggestions';
import { standardSpelling } from '../domain/search/text';
import { readCache } from '../read-cache';
import {
	listAgenciesForSuggestions,
	listRegionsForSuggestions,
	listSuggestedInnovations
} from '../repositories/search-suggestion-repository';
import { getSearchIndex } from '../search/search-index-lifecycle';

export type SearchSuggestion =
	| { kind: 'innovation'; id: string; label: string; detail: string; url: string }
	| { kind: 'agency'; id: string; label: string; detail: string; url: string }
	| { kind: 'region'; code: string; label: string; detail: string; url: string };

export interface SearchSuggestions {
	query: string;
	items: SearchSuggestion[];
}

/** Agencies and regions change rarely; writes through this process clear the cache at once. */
const REGISTRY_TTL_MS = 10 * 60_000;
/** At most this many agencies and this many regions, so innovations keep most of the list. */
const REGISTRY_SHARE = 2;

const LEVEL_LABELS: Readonly<Record<string, string>> = { provinsi: 'Provinsi', kabupaten: 'Kabupaten', kota: 'Kota' };

function loadRegistry(db: Kysely<DB>): Promise<RegistrySuggestions> {
	return readCache<RegistrySuggestions>(db, 'search-suggestions-registry', REGISTRY_TTL_MS).get('all', async () => {
		const [agencies, regions] = await Promise.all([listAgenciesForSuggestions(db), listRegionsForSuggestions(db)]);
		const inputs: RegistrySuggestionInput[] = [
			...agencies.map((a) => ({
				kind: 'agency' as const,
				key: a.id,
				label: a.name,
				detail: a.abbreviation ? `Instansi · ${a.abbreviation}` : 'Instansi',
				url: `/instansi/${encodeURIComponent(a.id)}`,
				texts: [a.abbreviation, ...(a.aliases ?? [])]
			})),
			...regions.map((r) => ({
				kind: 'region' as const,
				key: r.code,
				label: r.name,
				detail: [`Wilayah · ${LEVEL_LABELS[r.level] ?? r.level}`, r.level === 'provinsi' ? null : r.province_name]
					.filter(Boolean)
					.join(', '),
				url: `/wilayah/${encodeURIComponent(r.code)}`,
				texts: []
			}))
		];
		return new RegistrySuggestions(inputs);
	});
}

/**
 * Suggestions while typing (GET /api/v1/suggestions): innovations whose title or acronym words
 * start with the words typed, plus a few agencies and regions. Prefix lookups in sorted word
 * lists (no scan of every document); a word nothing starts with is corrected through the
 * search vocabulary. Innovations come first, then agencies, then regions.
 */
export async function listSearchSuggestions(db: Kysely<DB>, input: { q: string; limit: number }): Promise<SearchSuggestions> {
	const query = suggestionWords(input.q).slice(0, 8);
	if (query.length === 0) return { query: input.q, items: [] };
	const [{ index }, registry] = await Promise.all([getSearchIndex(db), loadRegistry(db)]);
	const correct = (word: string) => index.vocabulary.correct(standardSpelling(word));
	const agencies = registry.search('agency', query, input.limit, correct);
	const regions = registry.search('region', query, input.limit, correct);
	const suggested = index.suggest(input.q, input.limit);

	// Innovations fill what the agencies and regions (two each at most) leave; then the registry tops up.
	// With a small limit, innovations keep at least half of it.
	const registryWanted = Math.min(agencies.length, REGISTRY_SHARE) + Math.min(regions.length, REGISTRY_SHARE);
	const innovationCount = Math.min(suggested.ids.length, Math.max(Math.ceil(input.limit / 2), input.limit - registryWanted));
	let room = input.limit - innovationCount;
	let agencyCount = Math.min(agencies.length, REGISTRY_SHARE, room);
	room -= agencyCount;
	let regionCount = Math.min(regions.length, REGISTRY_SHARE, room);
	room -= regionCount;
	while (room > 0 && (agencyCount < agencies.length || regionCount < regions.length)) {
		if (agencyCount < agencies.length) {
			agencyCount++;
			room--;
		}
		if (room > 0 && regionCount < regions.length) {
			regionCount++;
			room--;
		}
	}

	const ids = suggested.ids.slice(0, innovationCount);
	const rows = new Map((await listSuggestedInnovations(db, ids)).map((row) => [row.id, row]));
	const items: SearchSuggestion[] = [];
	for (const id of ids) {
		const row = rows.get(id);
		if (!row) continue;
		items.push({
			kind: 'innovation',
			id,
			label: row.title,
			detail: [row.acronym, row.agency_name].filter(Boolean).join(' · '),
			url: `/inovasi/${encodeURIComponent(id)}`
		});
	}
	for (const a of agencies.slice(0, agencyCount)) items.push({ kind: 'agency', id: a.key, label: a.label, detail: a.detail, url: a.url });
	for (const r of regions.slice(0, regionCount)) items.push({ kind: 'region', code: r.key, label: r.label, detail: r.detail, url: r.url });
	return { query: input.q, items };
}
