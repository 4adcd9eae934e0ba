import { describe, expect, it } from 'vitest';
import type { ReplicationState } from '../../db/schema';
import { formatAgreementNumber, formatCertificateNumber, newReplicationId, yearInIndonesia } from './replication-numbers';
import {
	actingPartsOf,
	addMonths,
	allowedActions,
	blockedActions,
	decideFiling,
	decideTransition,
	documentKindsAllowed,
	NO_FACTS,
	REPLICATION_STATES,
	REPLICATION_STEP_ACTIONS,
	type ActingPart,
	type ReplicationFacts,
	type ReplicationStepAction,
	type TransitionInput
} from './state-machine';

/**
 * Every step x every state x every seat, against tables written out by hand. The seats are the
 * people who can meet a replication: an operator of the replicator agency, an operator of the
 * originator agency, the coordinator of the replicator's hub, a national admin (fasilitator who
 * may step in) and anybody else (a curator, an operator of a third agency, the public: no part).
 */
const SEATS: Record<string, ReadonlySet<ActingPart>> = {
	replikator: new Set(['replikator']),
	inovator: new Set(['inovator']),
	fasilitator: new Set(['fasilitator']),
	admin: new Set(['fasilitator', 'admin']),
	none: new Set()
};
const SEAT_NAMES = Object.keys(SEATS);

/**
 * Facts under which the step's guards pass, so that the matrix shows only who and where
 * (the guards have their own table below).
 */
const PASSING: Record<ReplicationStepAction, { facts: ReplicationFacts; input?: TransitionInput }> = {
	verify: { facts: NO_FACTS },
	accept: { facts: NO_FACTS },
	decline: { facts: NO_FACTS },
	draftAgreement: { facts: { ...NO_FACTS, verified: true, accepted: true } },
	confirmAgreement: { facts: { ...NO_FACTS, agreementDrafted: true }, input: { side: 'pertama' } },
	uploadDocument: { facts: NO_FACTS, input: { documentKind: 'lainnya' } },
	removeDocument: { facts: NO_FACTS },
	submitPlan: {
		facts: { ...NO_FACTS, agreementDrafted: true, confirmedByOriginator: true, confirmedByReplicator: true, signedAgreement: true }
	},
	startImplementation: { facts: { ...NO_FACTS, plan: true, commitmentLetter: true } },
	fileReport: { facts: NO_FACTS },
	complete: { facts: { ...NO_FACTS, reportCount: 1 } },
	stop: { facts: NO_FACTS },
	cancel: { facts: NO_FACTS },
	postMessage: { facts: NO_FACTS }
};

/**
 * The expected outcome: a state name = allowed, to that state; P = REPLICATION_PART_NOT_ALLOWED
 * (nobody in this seat may take the step); S = REPLICATION_STEP_NOT_ALLOWED (not in this state).
 */
const EXPECTED: Record<ReplicationStepAction, string> = {
	verify: `
		state         replikator  inovator      fasilitator   admin         none
		minat         P           P             minat         minat         P
		diverifikasi  P           P             S             S             P
		ditolak       P           P             S             S             P
		kesepakatan   P           P             S             S             P
		persiapan     P           P             S             S             P
		implementasi  P           P             S             S             P
		pemantauan    P           P             S             S             P
		selesai       P           P             S             S             P
		dihentikan    P           P             S             S             P
		dibatalkan    P           P             S             S             P`,
	accept: `
		state         replikator  inovator      fasilitator   admin         none
		minat         P           minat         P             minat         P
		diverifikasi  P           S             P             S             P
		ditolak       P           S             P             S             P
		kesepakatan   P           S             P             S             P
		persiapan     P           S             P             S             P
		implementasi  P           S             P             S             P
		pemantauan    P           S             P             S             P
		selesai       P           S             P             S             P
		dihentikan    P           S             P             S             P
		dibatalkan    P           S             P             S             P`,
	decline: `
		state         replikator  inovator      fasilitator   admin         none
		minat         P           ditolak       ditolak       ditolak       P
		diverifikasi  P           ditolak       ditolak       ditolak       P
		ditolak       P           S             S             S             P
		kesepakatan   P           S             S             S             P
		persiapan     P           S             S             S             P
		implementasi  P           S             S             S             P
		pemantauan    P           S             S             S             P
		selesai       P           S             S             S             P
		dihentikan    P           S             S             S             P
		dibatalkan    P           S             S             S             P`,
	draftAgreement: `
		state         replikator   inovator     fasilitator  admin        none
		minat         S            S            S            S            P
		diverifikasi  kesepakatan  kesepakatan  kesepakatan  kesepakatan  P
		ditolak       S            S            S            S            P
		kesepakatan   kesepakatan  kesepakatan  kesepakatan  kesepakatan  P
		persiapan     S            S            S            S            P
		implementasi  S            S            S            S            P
		pemantauan    S            S            S            S            P
		selesai       S            S            S            S            P
		dihentikan    S            S            S            S            P
		dibatalkan    S            S            S            S            P`,
	confirmAgreement: `
		state         replikator   inovator     fasilitator  admin        none
		minat         S            S            P            S            P
		diverifikasi  S            S            P            S            P
		ditolak       S            S            P            S            P
		kesepakatan   kesepakatan  kesepakatan  P            kesepakatan  P
		persiapan     S            S            P            S            P
		implementasi  S            S            P            S            P
		pemantauan    S            S            P            S            P
		selesai       S            S            P            S            P
		dihentikan    S            S            P            S            P
		dibatalkan    S            S            P            S            P`,
	uploadDocument: `
		state         replikator    inovator      fasilitator   admin         none
		minat         minat         minat         minat         minat         P
		diverifikasi  diverifikasi  diverifikasi  diverifikasi  diverifikasi  P
		ditolak       S             S             S             S             P
		kesepakatan   kesepakatan   kesepakatan   kesepakatan   kesepakatan   P
		persiapan     persiapan     persiapan     persiapan     persiapan     P
		implementasi  implementasi  implementasi  implementasi  implementasi  P
		pemantauan    pemantauan    pemantauan    pemantauan    pemantauan    P
		selesai       S             S             S             S             P
		dihentikan    S             S             S             S             P
		dibatalkan    S             S             S             S             P`,
	removeDocument: `
		state         replikator    inovator      fasilitator   admin         none
		minat         minat         minat         minat         minat         P
		diverifikasi  diverifikasi  diverifikasi  diverifikasi  diverifikasi  P
		ditolak       S             S             S             S             P
		kesepakatan   kesepakatan   kesepakatan   kesepakatan   kesepakatan   P
		persiapan     persiapan     persiapan     persiapan     persiapan     P
		implementasi  implementasi  implementasi  implementasi  implementasi  P
		pemantauan    pemantauan    pemantauan    pemantauan    pemantauan    P
		selesai       S             S             S             S             P
		dihentikan    S             S             S             S             P
		dibatalkan    S             S             S             S             P`,
	submitPlan: `
		state         replikator    inovator      fasilitator   admin         none
		minat         S             P             P             S             P
		diverifikasi  S             P             P             S             P
		ditolak       S             P             P             S             P
		kesepakatan   persiapan     P             P             persiapan     P
		persiapan     persiapan     P             P             persiapan     P
		implementasi  S             P             P             S             P
		pemantauan    S             P             P             S             P
		selesai       S             P             P             S             P
		dihentikan    S             P             P             S             P
		dibatalkan    S             P             P             S             P`,
	startImplementation: `
		state         replikator    inovator      fasilitator   admin         none
		minat         S             P             P             S             P
		diverifikasi  S             P             P             S             P
		ditolak       S             P             P             S             P
		kesepakatan   S             P             P             S             P
		persiapan     implementasi  P             P             implementasi  P
		implementasi  S             P             P             S             P
		pemantauan    S             P             P             S             P
		selesai       S             P             P             S             P
		dihentikan    S             P             P             S             P
		dibatalkan    S             P             P             S             P`,
	fileReport: `
		state         replikator    inovator      fasilitator   admin         none
		minat         S             P             P             S             P
		diverifikasi  S             P             P             S             P
		ditolak       S             P             P             S             P
		kesepakatan   S             P             P             S             P
		persiapan     S             P             P             S             P
		implementasi  pemantauan    P             P             pemantauan    P
		pemantauan    pemantauan    P             P             pemantauan    P
		selesai       S             P             P             S             P
		dihentikan    S             P             P             S             P
		dibatalkan    S             P             P             S             P`,
	complete: `
		state         replikator    inovator      fasilitator   admin         none
		minat         P             P             S             S             P
		diverifikasi  P             P             S             S             P
		ditolak       P             P             S             S             P
		kesepakatan   P             P             S             S             P
		persiapan     P             P             S             S             P
		implementasi  P             P             S             S             P
		pemantauan    P             P             selesai       selesai       P
		selesai       P             P             S             S             P
		dihentikan    P             P             S             S             P
		dibatalkan    P             P             S             S             P`,
	stop: `
		state         replikator    inovator      fasilitator   admin         none
		minat         S             P             S             S             P
		diverifikasi  S             P             S             S             P
		ditolak       S             P             S             S             P
		kesepakatan   S             P             S             S             P
		persiapan     S             P             S             S             P
		implementasi  dihentikan    P             dihentikan    dihentikan    P
		pemantauan    dihentikan    P             dihentikan    dihentikan    P
		selesai       S             P             S             S             P
		dihentikan    S             P             S             S             P
		dibatalkan    S             P             S             S             P`,
	cancel: `
		state         replikator    inovator      fasilitator   admin         none
		minat         dibatalkan    P             dibatalkan    dibatalkan    P
		diverifikasi  dibatalkan    P             dibatalkan    dibatalkan    P
		ditolak       S             P             S             S             P
		kesepakatan   dibatalkan    P             dibatalkan    dibatalkan    P
		persiapan     dibatalkan    P             dibatalkan    dibatalkan    P
		implementasi  S             P             S             S             P
		pemantauan    S             P             S             S             P
		selesai       S             P             S             S             P
		dihentikan    S             P             S             S             P
		dibatalkan    S             P             S             S             P`,
	postMessage: `
		state         replikator    inovator      fasilitator   admin         none
		minat         minat         minat         minat         minat         P
		diverifikasi  diverifikasi  diverifikasi  diverifikasi  diverifikasi  P
		ditolak       ditolak       ditolak       ditolak       ditolak       P
		kesepakatan   kesepakatan   kesepakatan   kesepakatan   kesepakatan   P
		persiapan     persiapan     persiapan     persiapan     persiapan     P
		implementasi  implementasi  implementasi  implementasi  implementasi  P
		pemantauan    pemantauan    pemantauan    pemantauan    pemantauan    P
		selesai       selesai       selesai       selesai       selesai       P
		dihentikan    dihentikan    dihentikan    dihentikan    dihentikan    P
		dibatalkan    dibatalkan    dibatalkan    dibatalkan    dibatalkan    P`
};

function parseGrid(grid: string): Map<string, string> {
	const [header, ...rows] = grid.trim().split('\n').map((line) => line.trim().split(/\s+/));
	expect(header).toEqual(['state', ...SEAT_NAMES]);
	const cells = new Map<string, string>();
	for (const [state, ...outcomes] of rows) {
		outcomes.forEach((outcome, i) => cells.set(`${state}|${SEAT_NAMES[i]}`, outcome));
	}
	return cells;
}

const outcomeOf = (decision: ReturnType<typeof decideTransition>) =>
	decision.ok ? decision.to : decision.code === 'REPLICATION_PART_NOT_ALLOWED' ? 'P' : decision.code === 'REPLICATION_STEP_NOT_ALLOWED' ? 'S' : decision.code;

describe('decideTransition: every step x state x seat', () => {
	it('has a table for every step with a row for every state and a column for every seat', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...REPLICATION_STEP_ACTIONS].sort());
		for (const grid of Object.values(EXPECTED)) {
			const cells = parseGrid(grid);
			expect(cells.size).toBe(REPLICATION_STATES.length * SEAT_NAMES.length);
			for (const state of REPLICATION_STATES) for (const seat of SEAT_NAMES) expect(cells.has(`${state}|${seat}`)).toBe(true);
		}
	});

	for (const action of REPLICATION_STEP_ACTIONS) {
		describe(action, () => {
			const cells = parseGrid(EXPECTED[action]);
			for (const state of REPLICATION_STATES) {
				for (const seat of SEAT_NAMES) {
					const expected = cells.get(`${state}|${seat}`)!;
					const label = expected === 'P' ? 'refused (part)' : expected === 'S' ? 'refused (state)' : `-> ${expected}`;
					it(`${seat} in ${state}: ${label}`, () => {
						const { facts, input } = PASSING[action];
						expect(outcomeOf(decideTransition(state, facts, action, SEATS[seat]!, input))).toBe(expected);
					});
				}
			}
		});
	}
});

/** Refusals by a guard, and the allowed cases beside each guard. */
describe('decideTransition: guards', () => {
	const F = NO_FACTS;
	const drafted = { ...F, verified: true, accepted: true, agreementDrafted: true };
	const confirmed = { ...drafted, confirmedByOriginator: true, confirmedByReplicator: true };
	const cases: Array<{
		name: string;
		state: ReplicationState;
		action: ReplicationStepAction;
		seat: string;
		facts: ReplicationFacts;
		input?: TransitionInput;
		expected: string;
		effects?: object;
		part?: string;
	}> = [
		{ name: 'verify after acceptance moves on', state: 'minat', action: 'verify', seat: 'fasilitator', facts: { ...F, accepted: true }, expected: 'diverifikasi', effects: { setVerified: true } },
		{ name: 'verify before acceptance stays', state: 'minat', action: 'verify', seat: 'fasilitator', facts: F, expected: 'minat', effects: { setVerified: true }, part: 'fasilitator' },
		{ name: 'verify twice', state: 'minat', action: 'verify', seat: 'admin', facts: { ...F, verified: true }, expected: 'REPLICATION_ALREADY_VERIFIED' },
		{ name: 'accept after verification moves on', state: 'minat', action: 'accept', seat: 'inovator', facts: { ...F, verified: true }, expected: 'diverifikasi', effects: { setAccepted: true }, part: 'inovator' },
		{ name: 'admin accepts for the originator', state: 'minat', action: 'accept', seat: 'admin', facts: F, expected: 'minat', part: 'fasilitator' },
		{ name: 'accept twice', state: 'minat', action: 'accept', seat: 'inovator', facts: { ...F, accepted: true }, expected: 'REPLICATION_ALREADY_ACCEPTED' },
		{ name: 'decline closes', state: 'diverifikasi', action: 'decline', seat: 'inovator', facts: F, expected: 'ditolak', effects: { close: true } },
		{ name: 'first draft', state: 'diverifikasi', action: 'draftAgreement', seat: 'inovator', facts: { ...F, verified: true, accepted: true }, expected: 'kesepakatan', effects: {} },
		{ name: 'editing the draft clears confirmations', state: 'kesepakatan', action: 'draftAgreement', seat: 'replikator', facts: confirmed, expected: 'kesepakatan', effects: { clearConfirmations: true } },
		{ name: 'confirm with no draft', state: 'kesepakatan', action: 'confirmAgreement', seat: 'inovator', facts: F, expected: 'REPLICATION_AGREEMENT_NOT_DRAFTED' },
		{ name: 'inovator confirms as PIHAK PERTAMA', state: 'kesepakatan', action: 'confirmAgreement', seat: 'inovator', facts: drafted, expected: 'kesepakatan', effects: { confirmSide: 'pertama' }, part: 'inovator' },
		{ name: 'inovator cannot confirm for PIHAK KEDUA', state: 'kesepakatan', action: 'confirmAgreement', seat: 'inovator', facts: drafted, input: { side: 'kedua' }, expected: 'kesepakatan', effects: { confirmSide: 'pertama' } },
		{ name: 'replikator confirms as PIHAK KEDUA', state: 'kesepakatan', action: 'confirmAgreement', seat: 'replikator', facts: drafted, expected: 'kesepakatan', effects: { confirmSide: 'kedua' }, part: 'replikator' },
		{ name: 'inovator confirms twice', state: 'kesepakatan', action: 'confirmAgreement', seat: 'inovator', facts: { ...drafted, confirmedByOriginator: true }, expected: 'REPLICATION_AGREEMENT_ALREADY_CONFIRMED' },
		{ name: 'replikator confirms twice', state: 'kesepakatan', action: 'confirmAgreement', seat: 'replikator', facts: { ...drafted, confirmedByReplicator: true }, expected: 'REPLICATION_AGREEMENT_ALREADY_CONFIRMED' },
		{ name: 'admin must name a side', state: 'kesepakatan', action: 'confirmAgreement', seat: 'admin', facts: drafted, expected: 'REPLICATION_AGREEMENT_SIDE_REQUIRED' },
		{ name: 'admin confirms for PIHAK KEDUA', state: 'kesepakatan', action: 'confirmAgreement', seat: 'admin', facts: drafted, input: { side: 'kedua' }, expected: 'kesepakatan', effects: { confirmSide: 'kedua' }, part: 'fasilitator' },
		{ name: 'admin confirms a confirmed side', state: 'kesepakatan', action: 'confirmAgreement', seat: 'admin', facts: { ...drafted, confirmedByReplicator: true }, input: { side: 'kedua' }, expected: 'REPLICATION_AGREEMENT_ALREADY_CONFIRMED' },
		{ name: 'plan with no confirmation', state: 'kesepakatan', action: 'submitPlan', seat: 'replikator', facts: { ...drafted, signedAgreement: true }, expected: 'REPLICATION_AGREEMENT_NOT_CONFIRMED' },
		{ name: 'plan with one confirmation', state: 'kesepakatan', action: 'submitPlan', seat: 'replikator', facts: { ...drafted, confirmedByOriginator: true, signedAgreement: true }, expected: 'REPLICATION_AGREEMENT_NOT_CONFIRMED' },
		{ name: 'plan with no signed agreement', state: 'kesepakatan', action: 'submitPlan', seat: 'replikator', facts: confirmed, expected: 'REPLICATION_SIGNED_AGREEMENT_MISSING' },
		{ name: 'admin plan with no signed agreement', state: 'kesepakatan', action: 'submitPlan', seat: 'admin', facts: confirmed, expected: 'REPLICATION_SIGNED_AGREEMENT_MISSING' },
		{ name: 'plan edited in persiapan needs no guard', state: 'persiapan', action: 'submitPlan', seat: 'replikator', facts: { ...F, plan: true }, expected: 'persiapan', effects: {} },
		{ name: 'start with no plan', state: 'persiapan', action: 'startImplementation', seat: 'replikator', facts: { ...F, commitmentLetter: true }, expected: 'REPLICATION_PLAN_MISSING' },
		{ name: 'start with no commitment letter', state: 'persiapan', action: 'startImplementation', seat: 'replikator', facts: { ...F, plan: true }, expected: 'REPLICATION_COMMITMENT_MISSING' },
		{ name: 'start with neither', state: 'persiapan', action: 'startImplementation', seat: 'admin', facts: F, expected: 'REPLICATION_PLAN_MISSING' },
		{ name: 'complete with no report', state: 'pemantauan', action: 'complete', seat: 'fasilitator', facts: F, expected: 'REPLICATION_REPORT_MISSING' },
		{ name: 'complete with two reports', state: 'pemantauan', action: 'complete', seat: 'fasilitator', facts: { ...F, reportCount: 2 }, expected: 'selesai', effects: { certify: true } },
		{ name: 'stop closes', state: 'pemantauan', action: 'stop', seat: 'replikator', facts: F, expected: 'dihentikan', effects: { close: true }, part: 'replikator' },
		{ name: 'cancel closes', state: 'kesepakatan', action: 'cancel', seat: 'fasilitator', facts: F, expected: 'dibatalkan', effects: { close: true }, part: 'fasilitator' },
		{ name: 'letter of interest in minat', state: 'minat', action: 'uploadDocument', seat: 'replikator', facts: F, input: { documentKind: 'surat_minat' }, expected: 'minat' },
		{ name: 'letter of interest in kesepakatan', state: 'kesepakatan', action: 'uploadDocument', seat: 'replikator', facts: F, input: { documentKind: 'surat_minat' }, expected: 'DOCUMENT_KIND_NOT_ALLOWED' },
		{ name: 'signed agreement in kesepakatan', state: 'kesepakatan', action: 'uploadDocument', seat: 'inovator', facts: F, input: { documentKind: 'kesepakatan_ditandatangani' }, expected: 'kesepakatan' },
		{ name: 'signed agreement in persiapan', state: 'persiapan', action: 'uploadDocument', seat: 'inovator', facts: F, input: { documentKind: 'kesepakatan_ditandatangani' }, expected: 'DOCUMENT_KIND_NOT_ALLOWED' },
		{ name: 'commitment letter in implementasi', state: 'implementasi', action: 'uploadDocument', seat: 'replikator', facts: F, input: { documentKind: 'surat_komitmen' }, expected: 'implementasi' },
		{ name: 'commitment letter in pemantauan', state: 'pemantauan', action: 'uploadDocument', seat: 'replikator', facts: F, input: { documentKind: 'surat_komitmen' }, expected: 'DOCUMENT_KIND_NOT_ALLOWED' },
		{ name: 'monitoring report in persiapan', state: 'persiapan', action: 'uploadDocument', seat: 'replikator', facts: F, input: { documentKind: 'laporan_pemantauan' }, expected: 'DOCUMENT_KIND_NOT_ALLOWED' },
		{ name: 'a guard never speaks before the part', state: 'pemantauan', action: 'complete', seat: 'replikator', facts: F, expected: 'P' },
		{ name: 'a guard never speaks before the state', state: 'implementasi', action: 'complete', seat: 'fasilitator', facts: F, expected: 'S' }
	];
	for (const c of cases) {
		it(`${c.name}: ${c.expected}`, () => {
			const decision = decideTransition(c.state, c.facts, c.action, SEATS[c.seat]!, c.input);
			expect(outcomeOf(decision)).toBe(c.expected);
			if (c.effects && decision.ok) expect(decision.effects).toEqual(c.effects);
			if (c.part && decision.ok) expect(decision.actorPart).toBe(c.part);
		});
	}
});

/** What each seat is offered in each state, with the facts such a replication usually has. */
describe('allowedActions and blockedActions', () => {
	const TYPICAL: Record<ReplicationState, ReplicationFacts> = {
		minat: NO_FACTS,
		diverifikasi: { ...NO_FACTS, verified: true, accepted: true },
		ditolak: NO_FACTS,
		kesepakatan: { ...NO_FACTS, verified: true, accepted: true, agreementDrafted: true, confirmedByOriginator: true },
		persiapan: { ...NO_FACTS, verified: true, accepted: true, agreementDrafted: true, confirmedByOriginator: true, confirmedByReplicator: true, signedAgreement: true, plan: true },
		implementasi: { ...NO_FACTS, plan: true, commitmentLetter: true },
		pemantauan: { ...NO_FACTS, plan: true, commitmentLetter: true, reportCount: 1 },
		selesai: { ...NO_FACTS, reportCount: 1 },
		dihentikan: NO_FACTS,
		dibatalkan: NO_FACTS
	};
	const DOCS = ['uploadDocument', 'removeDocument'];
	const EXPECTED_OFFER: Record<ReplicationState, Record<string, string[]>> = {
		minat: {
			replikator: [...DOCS, 'cancel', 'postMessage'],
			inovator: ['accept', 'decline', ...DOCS, 'postMessage'],
			fasilitator: ['verify', 'decline', ...DOCS, 'cancel', 'postMessage'],
			admin: ['verify', 'accept', 'decline', ...DOCS, 'cancel', 'postMessage'],
			none: []
		},
		diverifikasi: {
			replikator: ['draftAgreement', ...DOCS, 'cancel', 'postMessage'],
			inovator: ['decline', 'draftAgreement', ...DOCS, 'postMessage'],
			fasilitator: ['decline', 'draftAgreement', ...DOCS, 'cancel', 'postMessage'],
			admin: ['decline', 'draftAgreement', ...DOCS, 'cancel', 'postMessage'],
			none: []
		},
		ditolak: { replikator: ['postMessage'], inovator: ['postMessage'], fasilitator: ['postMessage'], admin: ['postMessage'], none: [] },
		kesepakatan: {
			// PIHAK PERTAMA has confirmed: the originator has nothing to confirm, the replicator has.
			replikator: ['draftAgreement', 'confirmAgreement', ...DOCS, 'cancel', 'postMessage'],
			inovator: ['draftAgreement', ...DOCS, 'postMessage'],
			fasilitator: ['draftAgreement', ...DOCS, 'cancel', 'postMessage'],
			admin: ['draftAgreement', 'confirmAgreement', ...DOCS, 'cancel', 'postMessage'],
			none: []
		},
		persiapan: {
			replikator: [...DOCS, 'submitPlan', 'cancel', 'postMessage'],
			inovator: [...DOCS, 'postMessage'],
			fasilitator: [...DOCS, 'cancel', 'postMessage'],
			admin: [...DOCS, 'submitPlan', 'cancel', 'postMessage'],
			none: []
		},
		implementasi: {
			replikator: [...DOCS, 'fileReport', 'stop', 'postMessage'],
			inovator: [...DOCS, 'postMessage'],
			fasilitator: [...DOCS, 'stop', 'postMessage'],
			admin: [...DOCS, 'fileReport', 'stop', 'postMessage'],
			none: []
		},
		pemantauan: {
			replikator: [...DOCS, 'fileReport', 'stop', 'postMessage'],
			inovator: [...DOCS, 'postMessage'],
			fasilitator: [...DOCS, 'complete', 'stop', 'postMessage'],
			admin: [...DOCS, 'fileReport', 'complete', 'stop', 'postMessage'],
			none: []
		},
		selesai: { replikator: ['postMessage'], inovator: ['postMessage'], fasilitator: ['postMessage'], admin: ['postMessage'], none: [] },
		dihentikan: { replikator: ['postMessage'], inovator: ['postMessage'], fasilitator: ['postMessage'], admin: ['postMessage'], none: [] },
		dibatalkan: { replikator: ['postMessage'], inovator: ['postMessage'], fasilitator: ['postMessage'], admin: ['postMessage'], none: [] }
	};
	for (const state of REPLICATION_STATES) {
		for (const seat of SEAT_NAMES) {
			it(`${seat} in ${state}`, () => {
				expect(allowedActions(state, SEATS[seat]!, TYPICAL[state])).toEqual(EXPECTED_OFFER[state][seat]);
			});
		}
	}

	it('names the guard that holds a step back', () => {
		expect(blockedActions('persiapan', SEATS.replikator!, TYPICAL.persiapan)).toEqual([
			{ action: 'startImplementation', code: 'REPLICATION_COMMITMENT_MISSING' }
		]);
		expect(blockedActions('pemantauan', SEATS.fasilitator!, NO_FACTS)).toEqual([{ action: 'complete', code: 'REPLICATION_REPORT_MISSING' }]);
		expect(blockedActions('kesepakatan', SEATS.replikator!, { ...TYPICAL.kesepakatan, confirmedByReplicator: true })).toEqual([
			{ action: 'confirmAgreement', code: 'REPLICATION_AGREEMENT_ALREADY_CONFIRMED' },
			{ action: 'submitPlan', code: 'REPLICATION_SIGNED_AGREEMENT_MISSING' }
		]);
		expect(blockedActions('minat', SEATS.none!, NO_FACTS)).toEqual([]);
	});
});

describe('documentKindsAllowed', () => {
	it('follows the step', () => {
		expect(documentKindsAllowed('minat')).toEqual(['surat_minat', 'lainnya']);
		expect(documentKindsAllowed('kesepakatan')).toEqual(['kesepakatan_ditandatangani', 'lainnya']);
		expect(documentKindsAllowed('persiapan')).toEqual(['rencana_adaptasi', 'surat_komitmen', 'lainnya']);
		expect(documentKindsAllowed('implementasi')).toEqual(['surat_komitmen', 'laporan_pemantauan', 'lainnya']);
		expect(documentKindsAllowed('pemantauan')).toEqual(['laporan_pemantauan', 'lainnya']);
		for (const closed of ['ditolak', 'selesai', 'dihentikan', 'dibatalkan'] as const) expect(documentKindsAllowed(closed)).toEqual([]);
	});
});

describe('actingPartsOf', () => {
	const replication = { originator_agency_id: 'pemkot-35.78', replicator_agency_id: 'pemkab-53.09', hub_id: 'hub-ntt' };
	const of = (actor: Parameters<typeof actingPartsOf>[0]) => [...actingPartsOf(actor, replication)].sort();
	it('gives each person their parts', () => {
		expect(of({ role: 'operator', agencyId: 'pemkab-53.09' })).toEqual(['replikator']);
		expect(of({ role: 'operator', agencyId: 'pemkot-35.78' })).toEqual(['inovator']);
		expect(of({ role: 'operator', agencyId: 'kemenkes' })).toEqual([]);
		expect(of({ role: 'koordinator_hub', hubId: 'hub-ntt' })).toEqual(['fasilitator']);
		expect(of({ role: 'koordinator_hub', hubId: 'hub-jatim' })).toEqual([]);
		expect(of({ role: 'admin' })).toEqual(['admin', 'fasilitator']);
		expect(of({ role: 'system' })).toEqual(['admin', 'fasilitator']);
		expect(of({ role: 'kurator' })).toEqual([]);
		expect(of(null)).toEqual([]);
	});
});

describe('decideFiling', () => {
	const base = { requestedAgencyId: null, innovationAgencyId: 'pemkot-35.78', innovationDeleted: false, openExists: false };
	it('files for the operator\'s own agency', () => {
		expect(decideFiling({ ...base, actor: { role: 'operator', agencyId: 'pemkab-53.09' } })).toEqual({ ok: true, replicatorAgencyId: 'pemkab-53.09' });
		expect(decideFiling({ ...base, actor: { role: 'operator', agencyId: 'pemkab-53.09' }, requestedAgencyId: 'pemkab-53.09' })).toMatchObject({ ok: true });
	});
	it('files for the agency an admin names', () => {
		expect(decideFiling({ ...base, actor: { role: 'admin' }, requestedAgencyId: 'pemkab-53.10' })).toEqual({ ok: true, replicatorAgencyId: 'pemkab-53.10' });
		expect(decideFiling({ ...base, actor: { role: 'admin' } })).toEqual({ ok: false, code: 'REPLICATION_AGENCY_REQUIRED' });
	});
	it('refuses the rest', () => {
		const refusal = (facts: Partial<Parameters<typeof decideFiling>[0]>) => {
			const decision = decideFiling({ ...base, actor: { role: 'operator', agencyId: 'pemkab-53.09' }, ...facts });
			return decision.ok ? 'ok' : decision.code;
		};
		expect(refusal({ requestedAgencyId: 'pemkab-53.10' })).toBe('FORBIDDEN');
		expect(refusal({ actor: { role: 'operator', agencyId: null } })).toBe('FORBIDDEN');
		expect(refusal({ actor: { role: 'kurator' } })).toBe('FORBIDDEN');
		expect(refusal({ actor: { role: 'koordinator_hub', hubId: 'hub-ntt' } })).toBe('FORBIDDEN');
		expect(refusal({ innovationAgencyId: 'pemkab-53.09' })).toBe('REPLICATION_OWN_INNOVATION');
		expect(refusal({ actor: { role: 'admin' }, requestedAgencyId: 'pemkot-35.78' })).toBe('REPLICATION_OWN_INNOVATION');
		expect(refusal({ openExists: true })).toBe('REPLICATION_ALREADY_OPEN');
		expect(refusal({ innovationDeleted: true })).toBe('INNOVATION_NOT_FOUND');
	});
});

describe('dates and numbers', () => {
	it('adds months, clamped to the end of the month', () => {
		expect(addMonths('2025-01-15', 3)).toBe('2025-04-15');
		expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
		expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
		expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
		expect(addMonths('2025-12-01', 12)).toBe('2026-12-01');
	});
	it('numbers agreements and certificates per year', () => {
		expect(formatAgreementNumber(7, 2025)).toBe('007/KS-REP/JIPPNAS/2025');
		expect(formatCertificateNumber(1234, 2026)).toBe('1234/SRT-REP/JIPPNAS/2026');
		expect(yearInIndonesia(new Date('2025-12-31T17:30:00Z'))).toBe(2026);
		expect(yearInIndonesia(new Date('2025-12-31T16:30:00Z'))).toBe(2025);
		expect(newReplicationId(new Uint8Array(10))).toBe('rep-0000000000');
		expect(newReplicationId()).toMatch(/^rep-[0-9a-hjkmnp-tv-z]{10}$/);
	});
});
