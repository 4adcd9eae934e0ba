/**
 * The steps every replication use case shares (verify, accept, ... cancel): not a use case
 * itself. In one transaction: load and lock the row, hide it from those who may not see it,
 * check the version the form was drawn from, ask the state machine, write the step (bumping the
 * version), append the timeline event and the change history, notify the others involved.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB, ReplicationState } from '../db/schema';
import { diffRecords } from '../domain/record-diff';
import { formatCertificateNumber, yearInIndonesia } from '../domain/replication/replication-numbers';
import {
	actingPartsOf,
	decideTransition,
	type Decision,
	type ReplicationFacts,
	type ReplicationStepAction,
	type TransitionInput
} from '../domain/replication/state-machine';
import { AppError, validationError } from '../errors';
import { can, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import {
	countLiveDocumentsByKind,
	countReports,
	insertReplicationEvent,
	lockReplication,
	nextYearlySequence,
	updateReplicationIfVersion,
	type ReplicationRow,
	type ReplicationUpdate
} from '../repositories/replication-repository';
import { notifyReplicationParties, type NotifyOptions } from './notify-replication-parties';

export type StepOptions = NotifyOptions & {
	/** The moment of the step (tests); default now. */
	now?: Date;
};

/** What every step answers: the replication's new state and version (forms redraw from it). */
export interface StepResult {
	id: string;
	state: ReplicationState;
	version: number;
	/** The timeline event written for the step. */
	eventId: number;
}

export function parseStepInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
	const parsed = schema.safeParse(input ?? {});
	if (!parsed.success) throw validationError(parsed.error);
	return parsed.data;
}

/** A replication one may not see answers exactly like one that does not exist (ids leak nothing). */
export const replicationNotFound = () => new AppError('REPLICATION_NOT_FOUND');

export const staleReplication = () =>
	new AppError(
		'STALE_VERSION',
		'Replikasi ini sudah diubah oleh orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat keadaan terbaru, lalu ulangi langkah Anda.'
	);

/** The facts the guards need, from the row and its live documents and reports. */
export async function loadReplicationFacts(db: Kysely<DB>, row: ReplicationRow): Promise<ReplicationFacts> {
	const documents = await countLiveDocumentsByKind(db, row.id);
	return {
		verified: row.verified_at !== null,
		accepted: row.accepted_at !== null,
		agreementDrafted: row.agreement_number !== null,
		confirmedByOriginator: row.agreement_confirmed_by_originator_at !== null,
		confirmedByReplicator: row.agreement_confirmed_by_replicator_at !== null,
		signedAgreement: (documents.kesepakatan_ditandatangani ?? 0) > 0,
		commitmentLetter: (documents.surat_komitmen ?? 0) > 0,
		plan: row.plan_changes !== null,
		reportCount: await countReports(db, row.id)
	};
}

export interface StepContext {
	trx: Kysely<DB>;
	actor: Actor;
	before: ReplicationRow;
	decision: Extract<Decision, { ok: true }>;
	now: Date;
}

export interface StepPlan {
	action: ReplicationStepAction;
	id: string;
	expectedVersion: number;
	input?: TransitionInput;
	/** A reason (decline, stop, cancel) or the actor's note: on the timeline, in the history and the notice. */
	note?: string | null;
	/** The step's own columns (form fields), written with the state. */
	changes?: (context: StepContext) => ReplicationUpdate | Promise<ReplicationUpdate>;
	/** Writes after the row (a report, the innovation's count); what it returns joins the event's payload. */
	after?: (context: StepContext & { after: ReplicationRow }) => Promise<Record<string, unknown> | void>;
}

/** The columns the decision's effects set. */
async function effectColumns(context: StepContext, note: string | null): Promise<ReplicationUpdate> {
	const { effects } = context.decision;
	const { actor, now } = context;
	const columns: ReplicationUpdate = {};
	if (effects.setVerified) Object.assign(columns, { verified_at: now, verified_by: actor.id });
	if (effects.setAccepted) Object.assign(columns, { accepted_at: now, accepted_by: actor.id });
	if (effects.clearConfirmations) {
		Object.assign(columns, {
			agreement_confirmed_by_originator_at: null,
			agreement_confirmed_by_originator: null,
			agreement_confirmed_by_replicator_at: null,
			agreement_confirmed_by_replicator: null
		});
	}
	if (effects.confirmSide === 'pertama') {
		Object.assign(columns, { agreement_confirmed_by_originator_at: now, agreement_confirmed_by_originator: actor.id });
	}
	if (effects.confirmSide === 'kedua') {
		Object.assign(columns, { agreement_confirmed_by_replicator_at: now, agreement_confirmed_by_replicator: actor.id });
	}
	if (effects.close) Object.assign(columns, { closed_at: now, closed_reason: note });
	if (effects.certify) {
		const year = yearInIndonesia(now);
		const sequence = await nextYearlySequence(context.trx, 'certificate', year);
		Object.assign(columns, { completed_at: now, certificate_number: formatCertificateNumber(sequence, year) });
	}
	return columns;
}

const HISTORY_IGNORED = new Set(['version', 'updated_at']);

/** Row values as they go into history snapshots (dates as ISO text). */
function snapshotOf(row: ReplicationRow): Record<string, unknown> {
	return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

/**
 * Runs one step for the actor. Refusals, in order: REPLICATION_NOT_FOUND (no such replication,
 * or one the actor may not see), REPLICATION_PART_NOT_ALLOWED for a completed replication
 * anyone may see, STALE_VERSION, then the state machine's (part, state, guard).
 */
export async function runReplicationStep(db: Kysely<DB>, actor: Actor, plan: StepPlan, options: StepOptions = {}): Promise<StepResult> {
	const result = await db.transaction().execute(async (trx) => {
		const before = await lockReplication(trx, plan.id);
		if (!before) throw replicationNotFound();
		if (!can(actor, 'replication.readPrivate', before)) {
			if (before.state === 'selesai') throw new AppError('REPLICATION_PART_NOT_ALLOWED');
			throw replicationNotFound();
		}
		if (before.version !== plan.expectedVersion) throw staleReplication();

		if (!can(actor, 'replication.step', { ...before, step: plan.action })) throw new AppError('REPLICATION_PART_NOT_ALLOWED');
		const facts = await loadReplicationFacts(trx, before);
		const decision = decideTransition(before.state, facts, plan.action, actingPartsOf(actor, before), plan.input);
		if (!decision.ok) throw new AppError(decision.code);

		const context: StepContext = { trx, actor, before, decision, now: options.now ?? new Date() };
		const note = plan.note ?? null;
		const columns: ReplicationUpdate = {
			...(await plan.changes?.(context)),
			...(await effectColumns(context, note)),
			state: decision.to
		};
		const after = await updateReplicationIfVersion(trx, before.id, before.version, columns);
		if (!after) throw staleReplication();

		const payload = (await plan.after?.({ ...context, after })) ?? {};
		const eventId = await insertReplicationEvent(trx, {
			replicationId: before.id,
			kind: plan.action,
			fromState: before.state,
			toState: decision.to,
			actor: actor.id,
			actorPart: actor.role === 'system' ? 'sistem' : decision.actorPart,
			note,
			payload: { ...payload, ...(decision.effects.confirmSide ? { side: decision.effects.confirmSide } : {}) }
		});
		const fields = Object.keys(columns).filter((k) => !HISTORY_IGNORED.has(k));
		await appendChanges(trx, [
			{
				entityType: 'replication',
				entityId: before.id,
				version: after.version,
				action: 'update',
				actor: actor.id,
				changes: diffRecords(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, fields),
				snapshot: snapshotOf(after),
				reason: note ?? `langkah replikasi: ${plan.action}`
			}
		]);
		await notifyReplicationParties(trx, { replicationId: before.id, eventKind: plan.action, actorUserId: actor.id, note }, options);
		return { id: after.id, state: after.state, version: after.version, eventId };
	});
	// Figures (states, replicated innovations) are cached per database.
	clearReadCaches(db);
	return result;
}
