/**
 * The completion certificate of a replication as a PDF. Certificates are public proof: anyone
 * may download the certificate of a completed ('selesai') replication. Before that there is
 * none; those who may follow the replication are told so, anyone else is told it does not exist.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { renderCertificatePdf } from '../domain/replication/certificate-pdf';
import { replicationPath } from '../domain/replication/notification-text';
import { jakartaDate } from '../domain/replication/pdf-layout';
import { AppError } from '../errors';
import { can, type Actor } from '../policy';
import { findReplicationPaperwork } from '../repositories/replication-paperwork-repository';
import { numberForFileName, type RenderedPdf } from './render-replication-agreement';
import { replicationNotFound, type DocumentServiceOptions } from './replication-document-steps';

export async function renderReplicationCertificate(
	db: Kysely<DB>,
	actor: Actor | null,
	replicationId: string,
	options: Pick<DocumentServiceOptions, 'baseUrl'> = {}
): Promise<RenderedPdf> {
	const r = typeof replicationId === 'string' && replicationId.length <= 100 ? await findReplicationPaperwork(db, replicationId) : undefined;
	if (!r) throw replicationNotFound();
	if (r.state !== 'selesai' || !r.certificate_number || !r.completed_at) {
		if (!can(actor, 'replication.readPrivate', r)) throw replicationNotFound();
		throw new AppError('CERTIFICATE_NOT_AVAILABLE');
	}
	const { baseUrl } = options;
	const bytes = await renderCertificatePdf({
		number: r.certificate_number,
		replicatorName: r.replicator_name,
		originatorName: r.originator_name,
		innovationTitle: r.innovation_title,
		kind: r.kind,
		completedOn: jakartaDate(r.completed_at),
		facilitatorName: r.hub_name,
		agreementNumber: r.agreement_number,
		verifyUrl: baseUrl ? new URL(replicationPath(r.id), baseUrl).href : null
	});
	return { fileName: `sertifikat-replikasi-${numberForFileName(r.certificate_number)}.pdf`, mediaType: 'application/pdf', bytes };
}
