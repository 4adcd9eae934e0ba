import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { decideFiling } from '../domain/replication/state-machine';
import { AppError, ERROR_TABLE, type ErrorCode } from '../errors';
import type { Actor } from '../policy';
import { findInnovation } from '../repositories/innovation-repository';
import { findOpenReplication } from '../repositories/replication-repository';

export interface ReplicationFiling {
	innovation: { id: string; title: string; agency: { id: string; name: string } };
	/** Admins name the agency they file for; operators file for their own. */
	needsAgency: boolean;
	/** Why this person cannot file for this innovation now (the form is not drawn), or null. */
	refusal: { code: ErrorCode; message: string } | null;
	/** The open replication that stands in the way (REPLICATION_ALREADY_OPEN), to link to. */
	openReplicationId: string | null;
}

/**
 * What the "Ajukan replikasi" form needs before it is drawn: the innovation, and whether the
 * person may file for it (the same decision fileReplicationInterest makes, asked in advance so
 * the page can say why not instead of showing a form that will be refused).
 */
export async function getReplicationFiling(db: Kysely<DB>, actor: Actor, innovationId: string): Promise<ReplicationFiling> {
	const innovation = innovationId.length <= 100 ? await findInnovation(db, innovationId) : undefined;
	if (!innovation) throw new AppError('INNOVATION_NOT_FOUND');
	const ownAgency = actor.role === 'operator' ? (actor.agencyId ?? null) : null;
	const open = ownAgency ? await findOpenReplication(db, innovation.id, ownAgency) : undefined;
	const needsAgency = actor.role === 'admin' || actor.role === 'system';
	const decision = decideFiling({
		actor,
		// An admin's agency is chosen in the form; a stand-in lets the rest of the decision run.
		requestedAgencyId: needsAgency ? '' : null,
		innovationAgencyId: innovation.agency_id,
		innovationDeleted: innovation.deleted_at !== null,
		openExists: open !== undefined
	});
	const code: ErrorCode | null = decision.ok || (needsAgency && decision.code === 'REPLICATION_AGENCY_REQUIRED') ? null : decision.code;
	return {
		innovation: { id: innovation.id, title: innovation.title, agency: { id: innovation.agency_id, name: innovation.agency_name } },
		needsAgency,
		refusal: code ? { code, message: ERROR_TABLE[code].message } : null,
		openReplicationId: code === 'REPLICATION_ALREADY_OPEN' ? (open?.id ?? null) : null
	};
}
