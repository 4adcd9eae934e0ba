import type { ReplicationView } from '../services/get-replication';
import type { ReplicationList } from '../services/list-replications';

/**
 * Replications as the API sends them: the service's view with the addresses of what can be
 * downloaded (certificate, agreement PDF, documents; each served by a page route that checks
 * access again). The public view carries only the summary fields — nothing private is copied.
 */

const segment = encodeURIComponent;

export const replicationLinks = {
	api: (id: string) => `/api/v1/replications/${segment(id)}`,
	certificate: (id: string) => `/replikasi/${segment(id)}/sertifikat.pdf`,
	agreement: (id: string) => `/replikasi/${segment(id)}/kesepakatan.pdf`,
	document: (id: string, documentId: string) => `/replikasi/${segment(id)}/berkas/${segment(documentId)}`
};

const certificateUrl = (r: { id: string; state: string; certificateNumber: string | null }) =>
	r.state === 'selesai' && r.certificateNumber ? replicationLinks.certificate(r.id) : null;

export function presentReplication(view: ReplicationView) {
	if (view.access === 'public') {
		const r = view.replication;
		return {
			id: r.id,
			access: 'public' as const,
			innovation: r.innovation,
			originator: r.originator,
			replicator: r.replicator,
			kind: r.kind,
			state: r.state,
			completedAt: r.completedAt,
			certificateNumber: r.certificateNumber,
			certificateUrl: certificateUrl(r)
		};
	}
	const r = view.replication;
	return {
		...r,
		access: 'private' as const,
		certificateUrl: certificateUrl(r),
		agreement: { ...r.agreement, pdfUrl: r.agreement.number ? replicationLinks.agreement(r.id) : null },
		documents: r.documents.map((d) => ({ ...d, downloadUrl: replicationLinks.document(r.id, d.id) }))
	};
}

export function presentReplicationList(list: ReplicationList) {
	return { ...list, items: list.items.map((item) => ({ ...item, certificateUrl: certificateUrl(item) })) };
}
