import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { findAgency } from '../repositories/agency-repository';

export interface InnovationCreation {
	/** The operator's own agency (the only one they may create for); null for staff, who name one. */
	agency: { id: string; name: string } | null;
	agencyRequired: boolean;
}

/** The "Tambah inovasi" form, asked for in advance: refused (403) to those who may create for no agency. */
export async function getInnovationCreation(db: Kysely<DB>, actor: Actor | null): Promise<InnovationCreation> {
	if (!actor) throw new AppError('UNAUTHENTICATED');
	if (actor.role !== 'operator') {
		authorize(actor, 'innovation.create', {});
		return { agency: null, agencyRequired: true };
	}
	authorize(actor, 'innovation.create', { agency_id: actor.agencyId ?? undefined });
	const agency = await findAgency(db, actor.agencyId!);
	if (!agency) throw new AppError('AGENCY_NOT_FOUND');
	return { agency: { id: agency.id, name: agency.name }, agencyRequired: false };
}
