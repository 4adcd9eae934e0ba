import type { UserRole } from './db/schema';
import { AppError } from './errors';
import { canSeePrivateDetails, partsOf, type ReplicationParties } from './domain/replication/parts';
import { actingPartsOf, partMayTake, type ReplicationStepAction } from './domain/replication/state-machine';

/**
 * Who may do what, declared once and called by name: `authorize(actor, 'innovation.restore', innovation)`.
 * Accounts arrive with the accounts issue; until then the CLI and tests act as named actors.
 */
export interface Actor {
	id: string;
	role: UserRole | 'system';
	agencyId?: string | null;
	hubId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

interface InnovationRef {
	agency_id?: string;
	agencyId?: string;
}

const isStaff = (actor: Actor) => actor.role === 'system' || actor.role === 'admin' || actor.role === 'kurator';

const agencyOf = (innovation: InnovationRef) => innovation.agency_id ?? innovation.agencyId;

const rules = {
	// A new innovation, entered by hand: operators for their own agency only, staff for any agency.
	'innovation.create': (actor: Actor, innovation: InnovationRef) =>
		isStaff(actor) || (actor.role === 'operator' && !!actor.agencyId && actor.agencyId === agencyOf(innovation)),
	'innovation.update': (actor: Actor, innovation: InnovationRef) =>
		actor.role === 'system' ||
		actor.role === 'admin' ||
		actor.role === 'kurator' ||
		(actor.role === 'operator' && !!actor.agencyId && actor.agencyId === agencyOf(innovation)),
	'innovation.delete': (actor: Actor, innovation: InnovationRef) =>
		actor.role === 'system' ||
		actor.role === 'admin' ||
		actor.role === 'kurator' ||
		(actor.role === 'operator' && !!actor.agencyId && actor.agencyId === agencyOf(innovation)),
	// Undoing a delete is for national admins only.
	'innovation.restore': (actor: Actor) => actor.role === 'system' || actor.role === 'admin',
	'innovation.readContact': (actor: Actor | null) => actor !== null,
	// Imports and their curation (review queue, merge/split, agency queue, quarantine) are for
	// national admins and data curators.
	'import.run': (actor: Actor) => isStaff(actor),
	'import.review': (actor: Actor) => isStaff(actor),
	'agency.curate': (actor: Actor) => isStaff(actor),
	// Search synonyms (abbreviations and their expansions) shape what everyone finds: staff only.
	'search.synonyms': (actor: Actor) => isStaff(actor),
	'user.manage': (actor: Actor) => actor.role === 'system' || actor.role === 'admin',
	'outbox.read': (actor: Actor) => actor.role === 'system' || actor.role === 'admin',
	// One's own account (password, sessions): any signed-in person; the system actor has none.
	'account.own': (actor: Actor) => actor.role !== 'system',
	// Replication (issue 5). Filing an interest: an operator for their own agency, of another
	// agency's innovation; admins file on an agency's behalf. Which step each part may take is
	// the state machine's business (domain/replication/state-machine.ts); these rules gate access.
	'replication.file': (actor: Actor, innovation: InnovationRef) =>
		actor.role === 'system' ||
		actor.role === 'admin' ||
		(actor.role === 'operator' && !!actor.agencyId && actor.agencyId !== agencyOf(innovation)),
	// Documents, messages, timeline and every field of a replication that is not public.
	'replication.readPrivate': (actor: Actor, replication: ReplicationParties) => canSeePrivateDetails(actor, replication),
	// Documents: any party or facilitator uploads (curators read but act in no part); a document
	// is removed by whoever uploaded it while still a party, or by a facilitator.
	'replication.uploadDocument': (actor: Actor, replication: ReplicationParties) => partsOf(actor, replication).size > 0,
	'replication.removeDocument': (actor: Actor, document: ReplicationParties & { uploaded_by?: string }) => {
		const parts = partsOf(actor, document);
		return parts.has('fasilitator') || (parts.size > 0 && document.uploaded_by === actor.id);
	},
	// Every replication in the country (national inbox, reminders run by hand).
	'replication.oversee': (actor: Actor) => isStaff(actor),
	// Each step of the workflow by part (replikator, inovator, fasilitator; admins step in): the
	// table is the state machine's; the state and the step's guards are checked there too.
	'replication.step': (actor: Actor, step: ReplicationParties & { step: ReplicationStepAction }) =>
		partMayTake(step.step, actingPartsOf(actor, step))
} as const;

export type PolicyAction = keyof typeof rules;

/** Every declared action, for the role x action matrix test. */
export const POLICY_ACTIONS = Object.keys(rules) as PolicyAction[];

export function can<A extends PolicyAction>(
	actor: Actor | null,
	action: A,
	...resource: Parameters<(typeof rules)[A]> extends [unknown, infer R] ? [R] : []
): boolean {
	if (!actor) return false;
	const rule = rules[action] as (actor: Actor, resource?: unknown) => boolean;
	return rule(actor, resource[0]);
}

export function authorize<A extends PolicyAction>(
	actor: Actor | null,
	action: A,
	...resource: Parameters<(typeof rules)[A]> extends [unknown, infer R] ? [R] : []
): void {
	if (!actor) throw new AppError('UNAUTHENTICATED');
	if (!can(actor, action, ...resource)) throw new AppError('FORBIDDEN');
}
