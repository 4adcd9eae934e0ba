/**
 * The agreement of a replication as a PDF, for its parties, facilitators and staff (readers of
 * private details; anyone else is told it does not exist). Available once the agreement has
 * been drafted; until both sides confirm, it says it is a draft.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { renderAgreementPdf } from '../domain/replication/agreement-pdf';
import { jakartaDate } from '../domain/replication/pdf-layout';
import { AppError } from '../errors';
import { can, type Actor } from '../policy';
import { findReplicationPaperwork } from '../repositories/replication-paperwork-repository';
import { replicationNotFound } from './replication-document-steps';

export interface RenderedPdf {
	fileName: string;
	mediaType: 'application/pdf';
	bytes: Uint8Array;
}

/** "007/KS-REP/JIPPNAS/2026" -> "007-KS-REP-JIPPNAS-2026" for a file name. */
export const numberForFileName = (number: string) => number.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

export async function renderReplicationAgreement(db: Kysely<DB>, actor: Actor | null, replicationId: string): Promise<RenderedPdf> {
	const replication = typeof replicationId === 'string' && replicationId.length <= 100 ? await findReplicationPaperwork(db, replicationId) : undefined;
	if (!replication || !can(actor, 'replication.readPrivate', replication)) throw replicationNotFound();
	const r = replication;
	if (!r.agreement_number || !r.agreement_duties_originator || !r.agreement_duties_replicator || !r.agreement_valid_from || !r.agreement_valid_until) {
		throw new AppError('AGREEMENT_NOT_DRAFTED');
	}
	const originatorConfirmation =
		r.agreement_confirmed_by_originator_at !== null
			? { by: r.originator_confirmer_name ?? 'PIHAK PERTAMA', on: r.agreement_confirmed_by_originator_at }
			: null;
	const replicatorConfirmation =
		r.agreement_confirmed_by_replicator_at !== null
			? { by: r.replicator_confirmer_name ?? 'PIHAK KEDUA', on: r.agreement_confirmed_by_replicator_at }
			: null;
	// Dated when it became binding (the later confirmation); a draft carries the day it was last drafted.
	const dated =
		originatorConfirmation && replicatorConfirmation
			? new Date(Math.max(new Date(originatorConfirmation.on).getTime(), new Date(replicatorConfirmation.on).getTime()))
			: (r.agreement_drafted_at ?? r.updated_at);
	const bytes = await renderAgreementPdf({
		number: r.agreement_number,
		date: jakartaDate(dated),
		innovationTitle: r.innovation_title,
		kind: r.kind,
		scope: r.interest_scope,
		originatorName: r.originator_name,
		replicatorName: r.replicator_name,
		dutiesOriginator: r.agreement_duties_originator,
		dutiesReplicator: r.agreement_duties_replicator,
		validFrom: r.agreement_valid_from,
		validUntil: r.agreement_valid_until,
		facilitatorName: r.hub_name,
		originatorConfirmation,
		replicatorConfirmation
	});
	return { fileName: `kesepakatan-replikasi-${numberForFileName(r.agreement_number)}.pdf`, mediaType: 'application/pdf', bytes };
}
