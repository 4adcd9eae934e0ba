import { defineEndpoint, methodsAllowed } from '$lib/server/api/define-endpoint';
import { replicationActionBody, replicationActionParams, type ReplicationApiAction } from '$lib/server/api/parameters';
import { ReplicationStepResult } from '$lib/server/api/responses';
import { loadConfig } from '$lib/server/config/env';
import { replicationLinks } from '$lib/server/presenters/replication-presenter';
import { acceptReplication } from '$lib/server/services/accept-replication';
import { cancelReplication } from '$lib/server/services/cancel-replication';
import { completeReplication } from '$lib/server/services/complete-replication';
import { confirmReplicationAgreement } from '$lib/server/services/confirm-replication-agreement';
import { declineReplication } from '$lib/server/services/decline-replication';
import { draftReplicationAgreement } from '$lib/server/services/draft-replication-agreement';
import { fileMonitoringReport } from '$lib/server/services/file-monitoring-report';
import { startReplicationImplementation } from '$lib/server/services/start-replication-implementation';
import { stopReplication } from '$lib/server/services/stop-replication';
import { submitAdaptationPlan } from '$lib/server/services/submit-adaptation-plan';
import { verifyReplication } from '$lib/server/services/verify-replication';

/** The service of each step; each parses its own fields (the same rules and messages as the web forms). */
const STEPS = {
	verify: verifyReplication,
	accept: acceptReplication,
	decline: declineReplication,
	'draft-agreement': draftReplicationAgreement,
	'confirm-agreement': confirmReplicationAgreement,
	'submit-plan': submitAdaptationPlan,
	'start-implementation': startReplicationImplementation,
	'file-report': fileMonitoringReport,
	complete: completeReplication,
	stop: stopReplication,
	cancel: cancelReplication
} satisfies Record<ReplicationApiAction, unknown>;

export const POST = defineEndpoint({
	method: 'POST',
	path: '/api/v1/replications/{id}/actions/{action}',
	operationId: 'takeReplicationStep',
	tag: 'Replikasi',
	auth: 'required',
	summary: 'Ambil satu langkah replikasi',
	description:
		'Menjalankan satu langkah alur replikasi, seperti formulir di halaman replikasi: verify (fasilitator), accept (inovator), decline (inovator atau fasilitator, dengan reason), ' +
		'draft-agreement (dutiesOriginator, dutiesReplicator, validFrom, validUntil), confirm-agreement (masing-masing pihak; admin menyebut side), submit-plan (changes, team, budgetRupiah, targetDate), ' +
		'start-implementation (startedOn; perlu surat komitmen dan rencana), file-report (periodStart, periodEnd, outcomes, lessons), complete (fasilitator; perlu laporan), stop dan cancel (dengan reason). ' +
		'Setiap langkah mengirim version yang terakhir Anda lihat; bila replikasi sudah berubah, jawabannya 409 STALE_VERSION. Admin nasional boleh mewakili pihak mana pun. ' +
		'Yang tidak berhak melihat replikasi dijawab 404, sama seperti id yang tidak ada.',
	params: replicationActionParams,
	body: replicationActionBody,
	response: ReplicationStepResult,
	errors: [
		'REPLICATION_NOT_FOUND',
		'STALE_VERSION',
		'REPLICATION_PART_NOT_ALLOWED',
		'REPLICATION_STEP_NOT_ALLOWED',
		'REPLICATION_ALREADY_VERIFIED',
		'REPLICATION_ALREADY_ACCEPTED',
		'REPLICATION_AGREEMENT_NOT_DRAFTED',
		'REPLICATION_AGREEMENT_SIDE_REQUIRED',
		'REPLICATION_AGREEMENT_ALREADY_CONFIRMED',
		'REPLICATION_AGREEMENT_NOT_CONFIRMED',
		'REPLICATION_SIGNED_AGREEMENT_MISSING',
		'REPLICATION_PLAN_MISSING',
		'REPLICATION_COMMITMENT_MISSING',
		'REPLICATION_REPORT_MISSING'
	],
	examples: {
		request: { params: { id: 'rep-7k2m9q4x1b', action: 'decline' }, body: { version: 2, reason: 'Inovasi sedang dirombak tahun ini.' } },
		invalid: { params: { id: 'rep-7k2m9q4x1b', action: 'decline' }, body: { version: 'dua' } }
	},
	handler: ({ db, actor, params, rawBody, event }) => {
		const step = STEPS[params.action] as (
			...args: Parameters<typeof verifyReplication>
		) => ReturnType<(typeof STEPS)[ReplicationApiAction]>;
		// The replication is the one in the address, whatever the body says.
		return step(db, actor, { ...rawBody, id: params.id }, { baseUrl: loadConfig().BASE_URL ?? event.url.origin }).then((done) => ({
			...done,
			url: replicationLinks.api(done.id)
		}));
	}
});

export const fallback = methodsAllowed('POST');
