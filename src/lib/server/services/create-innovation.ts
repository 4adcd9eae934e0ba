import type { Kysely } from 'kysely';
import type { DB, FieldProvenance, NewInnovationRow } from '../db/schema';
import { innovationId } from '../domain/ids';
import { compareDraftTitle, newInnovationSchema } from '../domain/innovation-create';
import { toColumns } from '../domain/innovation-edit';
import { AppError, validationError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { findAgency } from '../repositories/agency-repository';
import { appendChanges } from '../repositories/change-history-repository';
import { insertInnovation, lockInnovation } from '../repositories/innovation-repository';
import { findInnovationsLikeText, searchInnovations } from './search-innovations';

/** An existing innovation like the new one, as shown before saving. */
export interface SimilarToNew {
	id: string;
	title: string;
	agency: { id: string; name: string };
	region: { code: string; name: string } | null;
	yearStarted: number | null;
	/** The same or nearly the same title: saving needs a second confirmation ("Tetap simpan"). */
	strong: boolean;
	reason: string | null;
}

/**
 * When to stop before saving and show the similar innovations: 'any' (the form's first step),
 * 'strong' (only the same or nearly the same title; the API's default) or 'never' (confirmed).
 */
export type SimilarStop = 'any' | 'strong' | 'never';

export type CreateInnovationOutcome =
	| { created: true; id: string; version: number; agencyId: string; similar: SimilarToNew[] }
	| { created: false; similar: SimilarToNew[]; strong: boolean };

/** How many similar innovations are shown; more are looked at, so strong matches come first. */
export const SIMILAR_SHOWN = 5;
const SIMILAR_LOOKED_AT = 10;

/**
 * Enters a new innovation by hand. Operators create for their own agency only (an `agencyId`
 * of another agency is refused); admins and curators name the agency. The region is the
 * agency's. Before saving, the search engine looks for innovations with a similar title and
 * summary; depending on `stopOn` the outcome is those innovations instead of a new one. Every
 * value entered is marked as entered by hand (provenance source 'manual'), and the history
 * gets a 'create' entry with the whole record.
 */
export async function createInnovation(
	db: Kysely<DB>,
	actor: Actor | null,
	input: unknown,
	options: { stopOn?: SimilarStop } = {}
): Promise<CreateInnovationOutcome> {
	if (!actor) throw new AppError('UNAUTHENTICATED');
	const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
	// Who may write for which agency is settled before the content, so a refusal says nothing else.
	const named = typeof raw.agencyId === 'string' && raw.agencyId.trim() ? raw.agencyId.trim() : null;
	const agencyId = named ?? (actor.role === 'operator' ? (actor.agencyId ?? null) : null);
	authorize(actor, 'innovation.create', { agency_id: agencyId ?? undefined });

	const parsed = newInnovationSchema.safeParse(raw);
	if (!parsed.success) throw validationError(parsed.error);
	if (!agencyId) throw new AppError('INNOVATION_AGENCY_REQUIRED', undefined, [{ path: 'agencyId', message: 'Pilih instansi pemilik inovasi.' }]);
	const agency = await findAgency(db, agencyId);
	if (!agency) throw new AppError('AGENCY_NOT_FOUND');

	const { agencyId: _agency, ...fields } = parsed.data;
	const stopOn = options.stopOn ?? 'strong';
	const similar = await similarTo(db, fields.title, fields.summary);
	const strong = similar.some((s) => s.strong);
	if ((stopOn === 'any' && similar.length > 0) || (stopOn === 'strong' && strong)) return { created: false, similar, strong };

	const columns = Object.fromEntries(Object.entries(toColumns(fields)).filter(([, value]) => isFilled(value)));
	const id = innovationId();
	const provenance: Record<string, FieldProvenance> = {};
	for (const column of ['agency_id', 'region_code', ...Object.keys(columns)]) provenance[column] = { source: 'manual' };
	const row = {
		...columns,
		id,
		title: fields.title,
		agency_id: agency.id,
		region_code: agency.region_code,
		provenance: JSON.stringify(provenance)
	} as NewInnovationRow;

	const version = await db.transaction().execute(async (trx) => {
		await insertInnovation(trx, row);
		const stored = await lockInnovation(trx, id);
		const changes: Record<string, { from: unknown; to: unknown }> = {};
		for (const [column, value] of Object.entries({ agency_id: agency.id, region_code: agency.region_code, ...columns })) {
			if (isFilled(value)) changes[column] = { from: null, to: value };
		}
		await appendChanges(trx, [
			{
				entityType: 'innovation',
				entityId: id,
				version: stored!.version,
				action: 'create',
				actor: actor.id,
				changes,
				snapshot: stored as unknown as Record<string, unknown>
			}
		]);
		return stored!.version;
	});
	// Catalogue counts, figures and the search index see the new innovation from the next request on.
	clearReadCaches(db);
	return { created: true, id, version, agencyId: agency.id, similar };
}

/** The API's answer when the outcome is the similar innovations rather than a new one. */
export function similarInnovationsError(similar: SimilarToNew[]): AppError {
	return new AppError(
		'SIMILAR_INNOVATIONS_FOUND',
		undefined,
		similar.filter((s) => s.strong).map((s) => ({ path: s.id, message: `${s.title} — ${s.agency.name} (${s.reason})` }))
	);
}

async function similarTo(db: Kysely<DB>, title: string, summary: string): Promise<SimilarToNew[]> {
	// "More like this" over title and summary, and the title as a query: an innovation with the
	// same title is found even when its summary shares little with the new one.
	const [like, byTitle] = await Promise.all([
		findInnovationsLikeText(db, { title, summary }, SIMILAR_LOOKED_AT),
		searchInnovations(db, { q: title, limit: SIMILAR_LOOKED_AT, facets: false })
	]);
	const hits = [...new Map([...like, ...byTitle.items].map((hit) => [hit.id, hit])).values()];
	const judged = hits.map((hit) => {
		const match = compareDraftTitle(title, hit.title);
		return {
			id: hit.id,
			title: hit.title,
			agency: { id: hit.agency.id, name: hit.agency.name },
			region: hit.region,
			yearStarted: hit.yearStarted,
			strong: match.strong,
			reason: match.reason
		};
	});
	// Strong matches first; otherwise the search engine's order.
	return [...judged.filter((s) => s.strong), ...judged.filter((s) => !s.strong)].slice(0, SIMILAR_SHOWN);
}

const isFilled = (value: unknown) =>
	value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
