import type { Kysely } from 'kysely';
import type { DB, ReplicationKind, ReplicationState } from '../db/schema';
import { INBOX_BOX_BY_WORD, INBOX_WORDS, inboxScopesOf, type InboxWord } from '../domain/replication/inboxes';
import { AppError } from '../errors';
import { can, type Actor } from '../policy';
import {
	countReplications,
	listReplicationsPage,
	type ReplicationListRow,
	type ReplicationVisibility
} from '../repositories/replication-catalogue-repository';
import { hubOf, iso, summaryOf, type ReplicationSummary } from './replication-summary';

/**
 * Replications for the API list (GET /api/v1/replications). The public sees completed ones as
 * summaries. A signed-in person also sees those whose private details they may read (their
 * agency's, their hub's, every one for admins and curators), or one of their inboxes: `masuk`
 * (requests their agency received), `keluar` (made), `hub` (their hub), `semua` (staff).
 * Each item says whether it is shown in full ('private') or as the public summary ('public').
 */
export const REPLICATION_LIST_BOXES = INBOX_WORDS;
export type ReplicationListBox = InboxWord;

export interface ReplicationListQuery {
	box?: ReplicationListBox;
	innovationId?: string;
	agencyId?: string;
	kind?: ReplicationKind;
	state?: ReplicationState | 'berjalan';
	limit: number;
	offset: number;
}

export type ReplicationListItem =
	| ({ access: 'public' } & ReplicationSummary)
	| ({
			access: 'private';
			hub: { id: string; name: string } | null;
			nextReportDueOn: string | null;
			createdAt: string;
			updatedAt: string;
			version: number;
	  } & ReplicationSummary);

export interface ReplicationList {
	box: ReplicationListBox | null;
	items: ReplicationListItem[];
	total: number;
	limit: number;
	offset: number;
}

const BOX_UNAVAILABLE = 'Kotak replikasi ini tidak tersedia untuk peran Anda.';

/** The replications one may list; mirrors `replication.readPrivate` (parts.ts) plus the public ones. */
function visibilityOf(actor: Actor | null): ReplicationVisibility {
	if (!actor) return { completed: true };
	if (can(actor, 'replication.oversee')) return { all: true };
	if (actor.role === 'operator' && actor.agencyId) {
		return { completed: true, originatorAgencyId: actor.agencyId, replicatorAgencyId: actor.agencyId };
	}
	if (actor.role === 'koordinator_hub' && actor.hubId) return { completed: true, hubId: actor.hubId };
	return { completed: true };
}

/** One of the person's inboxes (the same boxes as /replikasi), as a list filter. */
function boxVisibility(actor: Actor | null, box: ReplicationListBox): ReplicationVisibility {
	if (!actor) throw new AppError('UNAUTHENTICATED');
	const scope = inboxScopesOf(actor, can(actor, 'replication.oversee')).find((s) => s.box === INBOX_BOX_BY_WORD[box]);
	if (!scope) throw new AppError('FORBIDDEN', BOX_UNAVAILABLE);
	switch (scope.box) {
		case 'all':
			return { all: true };
		case 'received':
			return { originatorAgencyId: scope.agencyId };
		case 'made':
			return { replicatorAgencyId: scope.agencyId };
		case 'hub':
			return { hubId: scope.hubId };
	}
}

function itemOf(actor: Actor | null, row: ReplicationListRow): ReplicationListItem {
	const summary = summaryOf(row);
	// Decided per row by the policy itself, not by how the row was found.
	if (!can(actor, 'replication.readPrivate', row)) return { access: 'public', ...summary };
	return {
		access: 'private',
		...summary,
		hub: hubOf(row),
		nextReportDueOn: row.next_report_due_on,
		createdAt: iso(row.created_at)!,
		updatedAt: iso(row.updated_at)!,
		version: row.version
	};
}

export async function listReplications(db: Kysely<DB>, actor: Actor | null, query: ReplicationListQuery): Promise<ReplicationList> {
	const visibility = query.box ? boxVisibility(actor, query.box) : visibilityOf(actor);
	const filter = {
		visibility,
		innovationId: query.innovationId,
		agencyId: query.agencyId,
		kind: query.kind,
		state: query.state
	};
	const page = { limit: query.limit, offset: query.offset };
	const [rows, total] = await Promise.all([listReplicationsPage(db, filter, page), countReplications(db, filter)]);
	return { box: query.box ?? null, items: rows.map((row) => itemOf(actor, row)), total, limit: query.limit, offset: query.offset };
}
