import type { Kysely } from 'kysely';
import type { DB, SourceKey } from '../db/schema';
import { agencyNameKey, createAgencySuggester, writtenAgencyOf, type AgencySuggestion } from '../domain/curation/agency-names';
import { authorize, type Actor } from '../policy';
import { listAgencyResolutions, listNoAgencyQuarantinedRows } from '../repositories/curation-repository';
import { listAgenciesForResolver } from '../repositories/import-repository';
import { createAgencyResolverFromRows } from './import-row-preparation';

export interface UnresolvedAgencyName {
	/** The name as written (the first spelling met). */
	name: string;
	key: string;
	/** Quarantined rows naming it (latest row per source record). */
	count: number;
	sources: SourceKey[];
	/** A few of the records, to look them up at the source. */
	examples: { source: SourceKey; externalId: string | null; runId: number; rowNumber: number }[];
	/** The importer's reason for the latest row. */
	message: string;
	suggestions: AgencySuggestion[];
}

export interface PendingAgencyName {
	name: string;
	key: string;
	count: number;
	/** The agency a curator chose, or the one the registry now resolves the name to. */
	agencyId: string;
	agencyName: string;
	resolvedBy: 'curator' | 'registry';
}

export interface UnresolvedAgencies {
	items: UnresolvedAgencyName[];
	/** Unresolved names in all (items holds the first `limit`). */
	total: number;
	/** Names that resolve now but whose rows wait for a re-import of their source file. */
	pending: PendingAgencyName[];
	/** Rows with no agency name at all (only an unknown PANRB id or an empty cell): fixed at the source. */
	withoutName: number;
	rows: number;
}

const EXAMPLES = 5;

/**
 * The curator queue of unknown agencies: distinct agency names of quarantined rows whose reason is
 * 'no-agency' and whose record has not been imported since, with how many rows each blocks and
 * the three nearest registered agencies (name, abbreviation and aliases; trigram similarity).
 */
export async function listUnresolvedAgencies(db: Kysely<DB>, actor: Actor, options: { limit?: number } = {}): Promise<UnresolvedAgencies> {
	authorize(actor, 'agency.curate');
	const [rows, agencies, resolutions] = await Promise.all([
		listNoAgencyQuarantinedRows(db),
		listAgenciesForResolver(db),
		listAgencyResolutions(db, 10_000)
	]);
	// A record quarantined by several runs counts once, with its latest row.
	const latest = new Map<string, (typeof rows)[number]>();
	for (const row of rows) latest.set(row.external_id ? `${row.source}\u0000${row.external_id}` : `row\u0000${row.id}`, row);

	const resolver = createAgencyResolverFromRows(agencies);
	const suggest = createAgencySuggester(agencies.map((a) => ({ ...a, aliases: a.aliases ?? [] })));
	const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
	const resolvedByCurator = new Map(resolutions.map((r) => [r.name_key, r]));

	const groups = new Map<string, UnresolvedAgencyName & { resolvedTo: string | null }>();
	let withoutName = 0;
	for (const row of [...latest.values()].sort((a, b) => b.id - a.id)) {
		const written = writtenAgencyOf(row.source, row.raw);
		if (!written.name) {
			withoutName++;
			continue;
		}
		const key = agencyNameKey(written.name);
		let group = groups.get(key);
		if (!group) {
			const now = resolver.resolve({ name: written.name, regionCode: written.regionCode });
			group = {
				name: written.name,
				key,
				count: 0,
				sources: [],
				examples: [],
				message: row.reasons.find((r) => r.category === 'no-agency')?.message ?? '',
				suggestions: [],
				resolvedTo: 'agencyId' in now ? now.agencyId : null
			};
			groups.set(key, group);
		}
		group.count++;
		if (!group.sources.includes(row.source)) group.sources.push(row.source);
		if (group.examples.length < EXAMPLES) {
			group.examples.push({ source: row.source, externalId: row.external_id, runId: row.run_id, rowNumber: row.row_number });
		}
	}

	const items: UnresolvedAgencyName[] = [];
	const pending: PendingAgencyName[] = [];
	for (const { resolvedTo, ...group } of groups.values()) {
		const curated = resolvedByCurator.get(group.key);
		if (curated || resolvedTo) {
			const agencyId = curated?.agency_id ?? resolvedTo!;
			pending.push({
				name: group.name,
				key: group.key,
				count: group.count,
				agencyId,
				agencyName: agencyName.get(agencyId) ?? agencyId,
				resolvedBy: curated ? 'curator' : 'registry'
			});
			continue;
		}
		items.push(group);
	}
	items.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'id'));
	pending.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'id'));
	const shown = items.slice(0, options.limit ?? 100);
	for (const item of shown) item.suggestions = suggest(item.name, 3);
	return { items: shown, total: items.length, pending, withoutName, rows: latest.size };
}
