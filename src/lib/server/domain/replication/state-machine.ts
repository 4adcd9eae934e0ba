import type { ReplicationDocumentKind, ReplicationState } from '../../db/schema';
import { partsOf, type PartActor, type ReplicationParties } from './parts';

/**
 * The replication workflow as a pure state machine (docs: replication-spec, domain.md
 * "Replication and scale-up"). Services load the row and its facts, ask `decideTransition`, and
 * write what it answers; pages ask `allowedActions` which buttons and forms to draw. Nothing here
 * touches the database.
 *
 * Who may take a step depends only on the action (never on the state); where it may be taken and
 * the guards depend on the state and the facts. So a refusal is, in this order: the part
 * (REPLICATION_PART_NOT_ALLOWED), the state (REPLICATION_STEP_NOT_ALLOWED), then a guard.
 */

export const REPLICATION_STATES = [
	'minat',
	'diverifikasi',
	'ditolak',
	'kesepakatan',
	'persiapan',
	'implementasi',
	'pemantauan',
	'selesai',
	'dihentikan',
	'dibatalkan'
] as const satisfies readonly ReplicationState[];

/** Closed: nothing more happens except messages. */
export const CLOSED_STATES: readonly ReplicationState[] = ['ditolak', 'selesai', 'dihentikan', 'dibatalkan'];
export const isOpenState = (state: ReplicationState) => !CLOSED_STATES.includes(state);

/** Steps on an existing replication. Filing an interest creates one: see `decideFiling`. */
export const REPLICATION_STEP_ACTIONS = [
	'verify',
	'accept',
	'decline',
	'draftAgreement',
	'confirmAgreement',
	'uploadDocument',
	'removeDocument',
	'submitPlan',
	'startImplementation',
	'fileReport',
	'complete',
	'stop',
	'cancel',
	'postMessage'
] as const;
export type ReplicationStepAction = (typeof REPLICATION_STEP_ACTIONS)[number];

/** Every action of the workflow, in the order of the journey. */
export const REPLICATION_ACTIONS = ['file', ...REPLICATION_STEP_ACTIONS] as const;
export type ReplicationAction = (typeof REPLICATION_ACTIONS)[number];

/**
 * The parts the state machine knows. `admin` is the national admin (or the system), who is also
 * fasilitator and may step in for any part; a hub coordinator is fasilitator only.
 */
export type ActingPart = 'replikator' | 'inovator' | 'fasilitator' | 'admin';
export type PartSet = ReadonlySet<ActingPart>;

export function actingPartsOf(actor: PartActor | null, replication: ReplicationParties): Set<ActingPart> {
	const parts = new Set<ActingPart>(partsOf(actor, replication));
	if (actor && (actor.role === 'admin' || actor.role === 'system')) parts.add('admin');
	return parts;
}

/** What is known about a replication besides its state (from its row and its documents/reports). */
export interface ReplicationFacts {
	verified: boolean;
	accepted: boolean;
	/** An agreement has been drafted (duties and validity written, number assigned). */
	agreementDrafted: boolean;
	confirmedByOriginator: boolean;
	confirmedByReplicator: boolean;
	/** A kesepakatan_ditandatangani document that is not removed. */
	signedAgreement: boolean;
	/** A surat_komitmen document that is not removed. */
	commitmentLetter: boolean;
	/** The adaptation plan has been submitted. */
	plan: boolean;
	reportCount: number;
}

export const NO_FACTS: ReplicationFacts = {
	verified: false,
	accepted: false,
	agreementDrafted: false,
	confirmedByOriginator: false,
	confirmedByReplicator: false,
	signedAgreement: false,
	commitmentLetter: false,
	plan: false,
	reportCount: 0
};

/** PIHAK PERTAMA is the originator (inovator), PIHAK KEDUA the replicator (replikator). */
export type AgreementSide = 'pertama' | 'kedua';

export interface TransitionInput {
	/** confirmAgreement: the side an admin confirms for (parties confirm their own side). */
	side?: AgreementSide;
	/** uploadDocument: the kind of the document. */
	documentKind?: ReplicationDocumentKind;
}

/** Markers the service writes along with the new state. */
export interface TransitionEffects {
	setVerified?: true;
	setAccepted?: true;
	/** draftAgreement while in kesepakatan: an edited agreement must be confirmed again. */
	clearConfirmations?: true;
	confirmSide?: AgreementSide;
	/** decline, stop, cancel: closed_at and closed_reason. */
	close?: true;
	/** complete: completed_at and the certificate number. */
	certify?: true;
}

export type RefusalCode =
	| 'REPLICATION_PART_NOT_ALLOWED'
	| 'REPLICATION_STEP_NOT_ALLOWED'
	| 'REPLICATION_ALREADY_VERIFIED'
	| 'REPLICATION_ALREADY_ACCEPTED'
	| 'REPLICATION_AGREEMENT_NOT_DRAFTED'
	| 'REPLICATION_AGREEMENT_SIDE_REQUIRED'
	| 'REPLICATION_AGREEMENT_ALREADY_CONFIRMED'
	| 'REPLICATION_AGREEMENT_NOT_CONFIRMED'
	| 'REPLICATION_SIGNED_AGREEMENT_MISSING'
	| 'REPLICATION_PLAN_MISSING'
	| 'REPLICATION_COMMITMENT_MISSING'
	| 'REPLICATION_REPORT_MISSING'
	| 'DOCUMENT_KIND_NOT_ALLOWED';

export type Decision =
	| {
			ok: true;
			from: ReplicationState;
			to: ReplicationState;
			/** The part recorded on the timeline; an admin stepping in is recorded as fasilitator. */
			actorPart: 'replikator' | 'inovator' | 'fasilitator';
			effects: TransitionEffects;
	  }
	| { ok: false; code: RefusalCode };

interface Rule {
	/** Parts that may take the step (admin may always step in). */
	parts: readonly Exclude<ActingPart, 'admin'>[];
	/** States the step may be taken in. */
	from: readonly ReplicationState[];
}

const OPEN: readonly ReplicationState[] = REPLICATION_STATES.filter(isOpenState);
const ALL_PARTS = ['replikator', 'inovator', 'fasilitator'] as const;

const RULES: Record<ReplicationStepAction, Rule> = {
	verify: { parts: ['fasilitator'], from: ['minat'] },
	accept: { parts: ['inovator'], from: ['minat'] },
	decline: { parts: ['inovator', 'fasilitator'], from: ['minat', 'diverifikasi'] },
	draftAgreement: { parts: ALL_PARTS, from: ['diverifikasi', 'kesepakatan'] },
	confirmAgreement: { parts: ['inovator', 'replikator'], from: ['kesepakatan'] },
	uploadDocument: { parts: ALL_PARTS, from: OPEN },
	// Which document: the uploader or a fasilitator (the service checks the document itself).
	removeDocument: { parts: ALL_PARTS, from: OPEN },
	submitPlan: { parts: ['replikator'], from: ['kesepakatan', 'persiapan'] },
	startImplementation: { parts: ['replikator'], from: ['persiapan'] },
	fileReport: { parts: ['replikator'], from: ['implementasi', 'pemantauan'] },
	complete: { parts: ['fasilitator'], from: ['pemantauan'] },
	stop: { parts: ['replikator', 'fasilitator'], from: ['implementasi', 'pemantauan'] },
	cancel: { parts: ['replikator', 'fasilitator'], from: ['minat', 'diverifikasi', 'kesepakatan', 'persiapan'] },
	postMessage: { parts: ALL_PARTS, from: REPLICATION_STATES }
};

/** Document kinds that may be uploaded in each state (any open state takes 'lainnya'). */
const DOCUMENT_KINDS_BY_STATE: Record<ReplicationState, readonly ReplicationDocumentKind[]> = {
	minat: ['surat_minat', 'lainnya'],
	diverifikasi: ['lainnya'],
	ditolak: [],
	kesepakatan: ['kesepakatan_ditandatangani', 'lainnya'],
	persiapan: ['rencana_adaptasi', 'surat_komitmen', 'lainnya'],
	implementasi: ['surat_komitmen', 'laporan_pemantauan', 'lainnya'],
	pemantauan: ['laporan_pemantauan', 'lainnya'],
	selesai: [],
	dihentikan: [],
	dibatalkan: []
};

export function documentKindsAllowed(state: ReplicationState): readonly ReplicationDocumentKind[] {
	return DOCUMENT_KINDS_BY_STATE[state];
}

/** The part an actor plays for this step; null when none of theirs may take it. */
function partFor(rule: Rule, parts: PartSet): 'replikator' | 'inovator' | 'fasilitator' | null {
	for (const part of rule.parts) if (parts.has(part)) return part;
	return parts.has('admin') ? 'fasilitator' : null;
}

/**
 * Whether someone with these parts may ever take this step (whatever the state): the part table
 * the policy module's `replication.step` rule reads.
 */
export function partMayTake(action: ReplicationStepAction, parts: PartSet): boolean {
	return partFor(RULES[action], parts) !== null;
}

/**
 * Decides one step: the next state and what to write, or the code of the refusal. `parts` are
 * the actor's parts in this replication (`actingPartsOf`).
 */
export function decideTransition(
	state: ReplicationState,
	facts: ReplicationFacts,
	action: ReplicationStepAction,
	parts: PartSet,
	input: TransitionInput = {}
): Decision {
	const rule = RULES[action];
	const actorPart = partFor(rule, parts);
	if (!actorPart) return { ok: false, code: 'REPLICATION_PART_NOT_ALLOWED' };
	if (!rule.from.includes(state)) return { ok: false, code: 'REPLICATION_STEP_NOT_ALLOWED' };
	const allow = (to: ReplicationState, effects: TransitionEffects = {}): Decision => ({ ok: true, from: state, to, actorPart, effects });
	const refuse = (code: RefusalCode): Decision => ({ ok: false, code });

	switch (action) {
		case 'verify':
			if (facts.verified) return refuse('REPLICATION_ALREADY_VERIFIED');
			// Verification and acceptance come in either order; the second one moves the state on.
			return allow(facts.accepted ? 'diverifikasi' : 'minat', { setVerified: true });
		case 'accept':
			if (facts.accepted) return refuse('REPLICATION_ALREADY_ACCEPTED');
			return allow(facts.verified ? 'diverifikasi' : 'minat', { setAccepted: true });
		case 'decline':
		case 'stop':
		case 'cancel':
			return allow(action === 'decline' ? 'ditolak' : action === 'stop' ? 'dihentikan' : 'dibatalkan', { close: true });
		case 'draftAgreement':
			return allow('kesepakatan', state === 'kesepakatan' ? { clearConfirmations: true } : {});
		case 'confirmAgreement': {
			if (!facts.agreementDrafted) return refuse('REPLICATION_AGREEMENT_NOT_DRAFTED');
			const side: AgreementSide | undefined =
				actorPart === 'inovator' ? 'pertama' : actorPart === 'replikator' ? 'kedua' : input.side;
			if (!side) return refuse('REPLICATION_AGREEMENT_SIDE_REQUIRED');
			if (side === 'pertama' ? facts.confirmedByOriginator : facts.confirmedByReplicator) {
				return refuse('REPLICATION_AGREEMENT_ALREADY_CONFIRMED');
			}
			return allow('kesepakatan', { confirmSide: side });
		}
		case 'uploadDocument':
			if (input.documentKind && !DOCUMENT_KINDS_BY_STATE[state].includes(input.documentKind)) {
				return refuse('DOCUMENT_KIND_NOT_ALLOWED');
			}
			return allow(state);
		case 'removeDocument':
		case 'postMessage':
			return allow(state);
		case 'submitPlan':
			if (state === 'kesepakatan') {
				if (!facts.confirmedByOriginator || !facts.confirmedByReplicator) return refuse('REPLICATION_AGREEMENT_NOT_CONFIRMED');
				if (!facts.signedAgreement) return refuse('REPLICATION_SIGNED_AGREEMENT_MISSING');
			}
			return allow('persiapan');
		case 'startImplementation':
			if (!facts.plan) return refuse('REPLICATION_PLAN_MISSING');
			if (!facts.commitmentLetter) return refuse('REPLICATION_COMMITMENT_MISSING');
			return allow('implementasi');
		case 'fileReport':
			return allow('pemantauan');
		case 'complete':
			if (facts.reportCount < 1) return refuse('REPLICATION_REPORT_MISSING');
			return allow('selesai', { certify: true });
	}
}

/** A representative input for asking whether a step is possible at all (an admin may confirm either side). */
function probeInputs(action: ReplicationStepAction, state: ReplicationState): TransitionInput[] {
	if (action === 'confirmAgreement') return [{ side: 'pertama' }, { side: 'kedua' }];
	if (action === 'uploadDocument') return DOCUMENT_KINDS_BY_STATE[state].map((documentKind) => ({ documentKind }));
	return [{}];
}

/** The steps this viewer can take now (buttons and forms to draw), in journey order. */
export function allowedActions(state: ReplicationState, parts: PartSet, facts: ReplicationFacts): ReplicationStepAction[] {
	return REPLICATION_STEP_ACTIONS.filter((action) =>
		probeInputs(action, state).some((input) => decideTransition(state, facts, action, parts, input).ok)
	);
}

/**
 * Steps this viewer could take in this state but a guard holds back, with the guard's code (a
 * page says why: e.g. the signed agreement is still missing).
 */
export function blockedActions(
	state: ReplicationState,
	parts: PartSet,
	facts: ReplicationFacts
): Array<{ action: ReplicationStepAction; code: RefusalCode }> {
	const allowed = new Set(allowedActions(state, parts, facts));
	const blocked: Array<{ action: ReplicationStepAction; code: RefusalCode }> = [];
	for (const action of REPLICATION_STEP_ACTIONS) {
		if (allowed.has(action)) continue;
		const decision = decideTransition(state, facts, action, parts, probeInputs(action, state)[0] ?? {});
		if (decision.ok || decision.code === 'REPLICATION_PART_NOT_ALLOWED' || decision.code === 'REPLICATION_STEP_NOT_ALLOWED') continue;
		blocked.push({ action, code: decision.code });
	}
	return blocked;
}

export type FilingRefusal =
	| 'FORBIDDEN'
	| 'REPLICATION_AGENCY_REQUIRED'
	| 'REPLICATION_OWN_INNOVATION'
	| 'REPLICATION_ALREADY_OPEN'
	| 'INNOVATION_NOT_FOUND';

export interface FilingFacts {
	actor: PartActor;
	/** The agency a form named (admins file on an agency's behalf); operators file for their own. */
	requestedAgencyId: string | null;
	innovationAgencyId: string;
	innovationDeleted: boolean;
	/** An open replication of this innovation by the replicator agency exists. */
	openExists: boolean;
}

/**
 * Who files and for which agency: an operator for their own agency, an admin (or the system) for
 * the agency they name. Curators and hub coordinators file nothing.
 */
export function filingAgencyOf(actor: PartActor, requestedAgencyId: string | null): { agencyId: string } | { refusal: FilingRefusal } {
	if (actor.role === 'operator') {
		if (!actor.agencyId) return { refusal: 'FORBIDDEN' };
		if (requestedAgencyId && requestedAgencyId !== actor.agencyId) return { refusal: 'FORBIDDEN' };
		return { agencyId: actor.agencyId };
	}
	if (actor.role === 'admin' || actor.role === 'system') {
		return requestedAgencyId ? { agencyId: requestedAgencyId } : { refusal: 'REPLICATION_AGENCY_REQUIRED' };
	}
	return { refusal: 'FORBIDDEN' };
}

export function decideFiling(facts: FilingFacts): { ok: true; replicatorAgencyId: string } | { ok: false; code: FilingRefusal } {
	const agency = filingAgencyOf(facts.actor, facts.requestedAgencyId);
	if ('refusal' in agency) return { ok: false, code: agency.refusal };
	if (facts.innovationDeleted) return { ok: false, code: 'INNOVATION_NOT_FOUND' };
	if (agency.agencyId === facts.innovationAgencyId) return { ok: false, code: 'REPLICATION_OWN_INNOVATION' };
	if (facts.openExists) return { ok: false, code: 'REPLICATION_ALREADY_OPEN' };
	return { ok: true, replicatorAgencyId: agency.agencyId };
}

/** 'YYYY-MM-DD' plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
	const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
	const monthIndex = m - 1 + months;
	const year = y + Math.floor(monthIndex / 12);
	const month = ((monthIndex % 12) + 12) % 12;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	const day = Math.min(d, lastDay);
	return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
