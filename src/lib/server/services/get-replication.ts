import type { Kysely } from 'kysely';
import type { DB, ReplicationDocumentKind, ReplicationPart, ReplicationState, UploadMediaType } from '../db/schema';
import {
	actingPartsOf,
	allowedActions,
	blockedActions,
	documentKindsAllowed,
	type ActingPart,
	type ReplicationStepAction
} from '../domain/replication/state-machine';
import { ERROR_TABLE, type ErrorCode } from '../errors';
import { can, type Actor } from '../policy';
import { listReplicationDocuments } from '../repositories/replication-document-repository';
import { listReplicationMessages } from '../repositories/replication-message-repository';
import {
	findReplicationDetail,
	listReplicationEvents,
	listReplicationReports
} from '../repositories/replication-repository';
import { loadReplicationFacts, replicationNotFound } from './replication-steps';
import { hubOf, iso, summaryOf, type ReplicationSummary } from './replication-summary';

export type { ReplicationSummary };

const person = (id: string | null, name: string | null) => (id === null ? null : { id, name });

export interface ReplicationDetail extends ReplicationSummary {
	hub: { id: string; name: string } | null;
	interestScope: string;
	interestReason: string;
	verified: { at: string; by: { id: string; name: string | null } | null } | null;
	accepted: { at: string; by: { id: string; name: string | null } | null } | null;
	agreement: {
		number: string | null;
		dutiesOriginator: string | null;
		dutiesReplicator: string | null;
		validFrom: string | null;
		validUntil: string | null;
		/** PIHAK PERTAMA (originator) and PIHAK KEDUA (replicator) confirmations. */
		confirmedByOriginator: { at: string; by: { id: string; name: string | null } | null } | null;
		confirmedByReplicator: { at: string; by: { id: string; name: string | null } | null } | null;
	};
	plan: { changes: string; team: string | null; budgetRupiah: number | null; targetDate: string | null } | null;
	implementationStartedOn: string | null;
	monitoringIntervalMonths: number;
	nextReportDueOn: string | null;
	closedReason: string | null;
	closedAt: string | null;
	createdBy: { id: string; name: string | null };
	createdAt: string;
	updatedAt: string;
	version: number;
	reports: Array<{
		id: number;
		periodStart: string;
		periodEnd: string;
		outcomes: string;
		lessons: string;
		filedBy: { id: string; name: string | null };
		filedAt: string;
	}>;
	/** Documents that are not removed (metadata; the file is served by get-replication-document). */
	documents: Array<{
		id: string;
		kind: ReplicationDocumentKind;
		fileName: string;
		mediaType: UploadMediaType;
		sizeBytes: number;
		sha256: string;
		reportId: number | null;
		uploadedBy: { id: string; name: string | null };
		uploadedAt: string;
	}>;
	messages: Array<{ id: number; author: { id: string; name: string }; body: string; createdAt: string }>;
	timeline: Array<{
		id: number;
		kind: string;
		fromState: ReplicationState | null;
		toState: ReplicationState | null;
		actor: { id: string; name: string | null };
		actorPart: ReplicationPart;
		note: string | null;
		payload: Record<string, unknown>;
		createdAt: string;
	}>;
	/** What this viewer may do now. */
	viewer: {
		parts: ActingPart[];
		allowedActions: ReplicationStepAction[];
		/** Steps a guard holds back, with the reason to show. */
		blockedActions: Array<{ action: ReplicationStepAction; code: ErrorCode; message: string }>;
		/** Document kinds that may be uploaded now (when uploadDocument is allowed). */
		documentKinds: ReplicationDocumentKind[];
	};
}

export type ReplicationView = { access: 'public'; replication: ReplicationSummary } | { access: 'private'; replication: ReplicationDetail };

const mark = (at: Date | null, by: string | null, name: string | null) => (at === null ? null : { at: iso(at)!, by: person(by, name) });

/**
 * One replication for a viewer (null: the public). A completed replication's summary is public;
 * everything else, and every replication in progress, only for those with
 * `replication.readPrivate` (parties, fasilitator, admin, curator). Others get
 * REPLICATION_NOT_FOUND, as if it did not exist.
 */
export async function getReplication(db: Kysely<DB>, actor: Actor | null, id: string): Promise<ReplicationView> {
	const row = await findReplicationDetail(db, id);
	if (!row) throw replicationNotFound();
	if (!can(actor, 'replication.readPrivate', row)) {
		if (row.state !== 'selesai') throw replicationNotFound();
		return { access: 'public', replication: summaryOf(row) };
	}

	const [facts, reports, documents, messages, events] = await Promise.all([
		loadReplicationFacts(db, row),
		listReplicationReports(db, id),
		listReplicationDocuments(db, id),
		listReplicationMessages(db, id),
		listReplicationEvents(db, id)
	]);
	const parts = actingPartsOf(actor, row);
	const allowed = allowedActions(row.state, parts, facts);
	return {
		access: 'private',
		replication: {
			...summaryOf(row),
			hub: hubOf(row),
			interestScope: row.interest_scope,
			interestReason: row.interest_reason,
			verified: mark(row.verified_at, row.verified_by, row.verified_by_name),
			accepted: mark(row.accepted_at, row.accepted_by, row.accepted_by_name),
			agreement: {
				number: row.agreement_number,
				dutiesOriginator: row.agreement_duties_originator,
				dutiesReplicator: row.agreement_duties_replicator,
				validFrom: row.agreement_valid_from,
				validUntil: row.agreement_valid_until,
				confirmedByOriginator: mark(row.agreement_confirmed_by_originator_at, row.agreement_confirmed_by_originator, row.confirmed_by_originator_name),
				confirmedByReplicator: mark(row.agreement_confirmed_by_replicator_at, row.agreement_confirmed_by_replicator, row.confirmed_by_replicator_name)
			},
			plan:
				row.plan_changes === null
					? null
					: { changes: row.plan_changes, team: row.plan_team, budgetRupiah: row.plan_budget_rupiah === null ? null : Number(row.plan_budget_rupiah), targetDate: row.plan_target_date },
			implementationStartedOn: row.implementation_started_on,
			monitoringIntervalMonths: row.monitoring_interval_months,
			nextReportDueOn: row.next_report_due_on,
			closedReason: row.closed_reason,
			closedAt: iso(row.closed_at),
			createdBy: { id: row.created_by, name: row.created_by_name },
			createdAt: iso(row.created_at)!,
			updatedAt: iso(row.updated_at)!,
			version: row.version,
			reports: reports.map((r) => ({
				id: Number(r.id),
				periodStart: r.period_start,
				periodEnd: r.period_end,
				outcomes: r.outcomes,
				lessons: r.lessons,
				filedBy: { id: r.filed_by, name: r.filed_by_name },
				filedAt: iso(r.filed_at)!
			})),
			documents: documents
				.filter((d) => !d.removed)
				.map((d) => ({
					id: d.id,
					kind: d.kind,
					fileName: d.file_name,
					mediaType: d.media_type,
					sizeBytes: d.size_bytes,
					sha256: d.sha256,
					reportId: d.report_id === null ? null : Number(d.report_id),
					uploadedBy: { id: d.uploaded_by, name: d.uploader_name },
					uploadedAt: iso(d.uploaded_at)!
				})),
			messages: messages.map((m) => ({
				id: Number(m.id),
				author: { id: m.author_id, name: m.author_name },
				body: m.body,
				createdAt: iso(m.created_at)!
			})),
			timeline: events.map((e) => ({
				id: Number(e.id),
				kind: e.kind,
				fromState: e.from_state,
				toState: e.to_state,
				actor: { id: e.actor, name: e.actor_name },
				actorPart: e.actor_part,
				note: e.note,
				payload: e.payload,
				createdAt: iso(e.created_at)!
			})),
			viewer: {
				parts: [...parts],
				allowedActions: allowed,
				blockedActions: blockedActions(row.state, parts, facts).map((b) => ({ ...b, message: ERROR_TABLE[b.code].message })),
				documentKinds: allowed.includes('uploadDocument') ? [...documentKindsAllowed(row.state)] : []
			}
		}
	};
}
