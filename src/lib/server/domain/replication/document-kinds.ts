import type { ReplicationDocumentKind, ReplicationState } from '../../db/schema';
import { documentKindsAllowed, isOpenState, REPLICATION_STATES } from './state-machine';

/**
 * Which documents belong to which step (replication spec, "uploadDocument"): a letter of
 * interest while the interest is open, the signed agreement during the agreement, the adaptation
 * plan and commitment letter while preparing, monitoring reports while implementing and
 * monitoring, and "lainnya" at any open step. Closed replications take no more documents.
 */
export const DOCUMENT_KINDS = [
	'surat_minat',
	'kesepakatan_ditandatangani',
	'rencana_adaptasi',
	'surat_komitmen',
	'laporan_pemantauan',
	'lainnya'
] as const satisfies readonly ReplicationDocumentKind[];

export const OPEN_STATES = REPLICATION_STATES.filter(isOpenState);

export const CLOSED_STATES = REPLICATION_STATES.filter((state) => !isOpenState(state));

export { isOpenState };

export function isDocumentKind(value: unknown): value is ReplicationDocumentKind {
	return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/**
 * Whether a document of this kind may be uploaded while the replication is in this state. The
 * table itself is the state machine's (documentKindsAllowed), the one its uploadDocument step checks.
 */
export function isDocumentKindAllowed(kind: ReplicationDocumentKind, state: ReplicationState): boolean {
	return documentKindsAllowed(state).includes(kind);
}

/** The kinds an upload form offers in this state, in their natural order (empty when closed). */
export function documentKindsFor(state: ReplicationState): ReplicationDocumentKind[] {
	return DOCUMENT_KINDS.filter((kind) => isDocumentKindAllowed(kind, state));
}

/** The states a kind may be uploaded in, in the order of the journey, e.g. to say when it can be uploaded. */
export function statesForDocumentKind(kind: ReplicationDocumentKind): readonly ReplicationState[] {
	return REPLICATION_STATES.filter((state) => isDocumentKindAllowed(kind, state));
}

/** Indonesian labels of the kinds (for messages and the PDF; pages use the i18n catalogue). */
export const DOCUMENT_KIND_LABELS: Record<ReplicationDocumentKind, string> = {
	surat_minat: 'Surat minat',
	kesepakatan_ditandatangani: 'Kesepakatan yang ditandatangani',
	rencana_adaptasi: 'Rencana adaptasi',
	surat_komitmen: 'Surat komitmen',
	laporan_pemantauan: 'Laporan pemantauan',
	lainnya: 'Dokumen lainnya'
};

/** The step names as they are written in messages ("pada tahap persiapan"). */
export const STATE_NAMES: Record<ReplicationState, string> = {
	minat: 'minat',
	diverifikasi: 'diverifikasi',
	ditolak: 'ditolak',
	kesepakatan: 'kesepakatan',
	persiapan: 'persiapan',
	implementasi: 'implementasi',
	pemantauan: 'pemantauan',
	selesai: 'selesai',
	dihentikan: 'dihentikan',
	dibatalkan: 'dibatalkan'
};

/** Why this kind cannot be uploaded now, in words (null when it can). */
export function documentKindRefusal(kind: ReplicationDocumentKind, state: ReplicationState): string | null {
	if (isDocumentKindAllowed(kind, state)) return null;
	if (!isOpenState(state)) {
		return `Replikasi ini sudah ditutup (${STATE_NAMES[state]}); dokumen tidak dapat diunggah lagi.`;
	}
	const when = statesForDocumentKind(kind).map((s) => STATE_NAMES[s]).join(' atau ');
	return `${DOCUMENT_KIND_LABELS[kind]} hanya dapat diunggah pada tahap ${when}; replikasi ini sedang pada tahap ${STATE_NAMES[state]}.`;
}
