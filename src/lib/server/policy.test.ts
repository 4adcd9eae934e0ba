import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { authorize, can, POLICY_ACTIONS, SYSTEM_ACTOR, type Actor, type PolicyAction } from './policy';

/**
 * The whole role x action matrix. Every action declared in policy.ts must appear here (the
 * type and the first test both say so), for every role: the public (no actor), the system
 * (CLI, jobs) and the four signed-in roles. Rules about one agency's innovations are checked
 * with an innovation of the operator's own agency and one of another agency.
 */
type Role = 'public' | 'system' | 'admin' | 'kurator' | 'koordinator_hub' | 'operator';
type Expected = boolean | { own: boolean; other: boolean };

const ACTORS: Record<Role, Actor | null> = {
	public: null,
	system: SYSTEM_ACTOR,
	admin: { id: 'usr-admin', role: 'admin', agencyId: null, hubId: null },
	kurator: { id: 'usr-kurator', role: 'kurator', agencyId: null, hubId: null },
	koordinator_hub: { id: 'usr-hub', role: 'koordinator_hub', agencyId: null, hubId: 'hub-ntt' },
	operator: { id: 'usr-operator', role: 'operator', agencyId: 'pemkab-53.09', hubId: null }
};

// One resource shape serves both kinds of rule: an innovation (agency_id) and a replication
// (its parties). OWN: the operator's agency's innovation, and a replication the operator's agency
// makes within hub-ntt; OTHER: neither.
const OWN = {
	agency_id: 'pemkab-53.09',
	originator_agency_id: 'pemkot-35.78',
	replicator_agency_id: 'pemkab-53.09',
	hub_id: 'hub-ntt',
	step: 'fileReport'
};
const OTHER = {
	agency_id: 'pemkot-35.78',
	originator_agency_id: 'pemkot-35.78',
	replicator_agency_id: 'kemenkes',
	hub_id: 'hub-jatim',
	step: 'fileReport'
};

const T = true;
const F = false;
const perAgency = { own: T, other: F };

//                                public  system  admin  kurator  koord.hub  operator
const row = (p: Expected, s: Expected, a: Expected, k: Expected, h: Expected, o: Expected): Record<Role, Expected> => ({
	public: p,
	system: s,
	admin: a,
	kurator: k,
	koordinator_hub: h,
	operator: o
});

const MATRIX: Record<PolicyAction, Record<Role, Expected>> = {
	'innovation.create': row(F, T, T, T, F, perAgency),
	'innovation.update': row(F, T, T, T, F, perAgency),
	'innovation.delete': row(F, T, T, T, F, perAgency),
	'innovation.restore': row(F, T, T, F, F, F),
	'innovation.readContact': row(F, T, T, T, T, T),
	'import.run': row(F, T, T, T, F, F),
	'import.review': row(F, T, T, T, F, F),
	'agency.curate': row(F, T, T, T, F, F),
	'search.synonyms': row(F, T, T, T, F, F),
	'user.manage': row(F, T, T, F, F, F),
	'outbox.read': row(F, T, T, F, F, F),
	'account.own': row(F, F, T, T, T, T),
	// An agency files interest in other agencies' innovations, never its own.
	'replication.file': row(F, T, T, F, F, { own: F, other: T }),
	'replication.readPrivate': row(F, T, T, T, perAgency, perAgency),
	'replication.uploadDocument': row(F, T, T, F, perAgency, perAgency),
	// Operators remove only what they uploaded themselves (tested below); facilitators anything.
	'replication.removeDocument': row(F, T, T, F, perAgency, F),
	'replication.oversee': row(F, T, T, T, F, F),
	// Filing a monitoring report is the replicator's step; admins (and the system) step in.
	'replication.step': row(F, T, T, F, F, perAgency)
};

const check = (actor: Actor | null, action: PolicyAction, resource?: unknown) =>
	(can as (actor: Actor | null, action: PolicyAction, resource?: unknown) => boolean)(actor, action, resource);

describe('policy matrix', () => {
	it('covers exactly the declared actions', () => {
		expect(Object.keys(MATRIX).sort()).toEqual([...POLICY_ACTIONS].sort());
	});

	for (const action of Object.keys(MATRIX) as PolicyAction[]) {
		for (const role of Object.keys(ACTORS) as Role[]) {
			const expected = MATRIX[action][role];
			if (typeof expected === 'boolean') {
				it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
					// Resource-free rules ignore a resource; resource rules are asked about one of the operator's agency.
					expect(check(ACTORS[role], action, OWN)).toBe(expected);
					expect(check(ACTORS[role], action, OTHER)).toBe(expected);
				});
			} else {
				it(`${role} ${action}: own agency ${expected.own}, other agency ${expected.other}`, () => {
					expect(check(ACTORS[role], action, OWN)).toBe(expected.own);
					expect(check(ACTORS[role], action, OTHER)).toBe(expected.other);
				});
			}
		}
	}

	it('an operator removes a document they uploaded while their agency is a party, not one of their agency colleague', () => {
		expect(check(ACTORS.operator, 'replication.removeDocument', { ...OWN, uploaded_by: 'usr-operator' })).toBe(true);
		// Steps by part: the hub verifies its own hub's replications; the originator accepts.
		expect(check(ACTORS.koordinator_hub, 'replication.step', { ...OWN, step: 'verify' })).toBe(true);
		expect(check(ACTORS.koordinator_hub, 'replication.step', { ...OTHER, step: 'verify' })).toBe(false);
		expect(check(ACTORS.operator, 'replication.step', { ...OTHER, originator_agency_id: 'pemkab-53.09', step: 'accept' })).toBe(true);
		expect(check(ACTORS.operator, 'replication.step', { ...OWN, step: 'accept' })).toBe(false);
		expect(check(ACTORS.operator, 'replication.removeDocument', { ...OWN, uploaded_by: 'usr-colleague' })).toBe(false);
		expect(check(ACTORS.operator, 'replication.removeDocument', { ...OTHER, uploaded_by: 'usr-operator' })).toBe(false);
	});

	it('an operator without an agency may not edit innovations that have none either', () => {
		const orphan: Actor = { id: 'usr-x', role: 'operator', agencyId: null };
		expect(check(orphan, 'innovation.update', { agency_id: undefined })).toBe(false);
	});
});

describe('authorize', () => {
	it('asks the public to sign in and refuses the signed-in without the right', () => {
		const codeOf = (work: () => void) => {
			try {
				work();
			} catch (error) {
				return (error as AppError).code;
			}
			return 'allowed';
		};
		expect(codeOf(() => authorize(null, 'user.manage'))).toBe('UNAUTHENTICATED');
		expect(codeOf(() => authorize(ACTORS.kurator, 'user.manage'))).toBe('FORBIDDEN');
		expect(codeOf(() => authorize(ACTORS.admin, 'user.manage'))).toBe('allowed');
	});
});
