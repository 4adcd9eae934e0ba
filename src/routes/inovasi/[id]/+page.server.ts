import { safeExternalUrl } from '$lib/external-url';
import { INNOVATION_ID_PATTERN } from '$lib/server/domain/ids';
import {
	affairLabel,
	AGENCY_KIND_LABELS,
	AWARD_PROGRAMME_LABELS,
	FORM_LABELS,
	INITIATOR_LABELS,
	SDG_LABELS,
	SOURCE_LABELS,
	STAGE_LABELS,
	SUSTAINABILITY_LABELS
} from '$lib/server/domain/vocabulary';
import { AppError } from '$lib/server/errors';
import { toInnovationCard } from '$lib/server/http/innovation-cards';
import { describeMatchReason } from '$lib/server/http/match-reasons';
import { orPageError, throwPageError } from '$lib/server/http/page-errors';
import { getInnovationDetails } from '$lib/server/services/get-innovation-details';
import { listInnovationHistory } from '$lib/server/services/list-innovation-history';
import { z } from 'zod';
import { parseForm, runAction } from '$lib/server/http/curation-actions';
import { requirePermission } from '$lib/server/http/require-permission';
import { can } from '$lib/server/policy';
import { splitSourceRecord } from '$lib/server/services/split-source-record';
import { requestI18n } from '$lib/server/http/request-i18n';
import { listReplicatingAgencies } from '$lib/server/services/list-replicating-agencies';
import { renderReplicationMap } from '$lib/server/services/render-replication-map';
import type { MessageKey } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

const NARRATIVE_ORDER = [
	'summary',
	'problem',
	'aims',
	'novelty',
	'implementation',
	'results',
	'transferability',
	'resources',
	'sustainabilityStrategy'
] as const;

const label = <T extends Record<string, string>>(labels: T, code: string | null) =>
	code ? (labels[code as keyof T] ?? code) : null;

export const load: PageServerLoad = async ({ locals, params, cookies }) => {
	if (!INNOVATION_ID_PATTERN.test(params.id)) throwPageError(new AppError('INNOVATION_NOT_FOUND'));
	const actor = locals.actor ?? null;
	// Contact data is personal: the public page never asks for it.
	const [{ innovation: i, similar }, history, replications] = await Promise.all([
		orPageError(getInnovationDetails(locals.db.db, params.id, { includeContact: false })),
		listInnovationHistory(locals.db.db, params.id),
		// "Direplikasi oleh": completed ones for everyone, the reader's own in progress too.
		listReplicatingAgencies(locals.db.db, params.id, actor)
	]);
	const { t } = requestI18n(cookies);
	const replicationMap = replications.length
		? await renderReplicationMap(
				locals.db.db,
				replications.map((r) => ({
					agencyName: r.agency.name,
					agencyId: r.agency.id,
					regionCode: r.region?.code ?? null,
					state: r.state,
					detail: t(`replication.kind.${r.kind}` as MessageKey)
				})),
				{ title: t('innovation.replicationMap') }
			)
		: null;
	const video = safeExternalUrl(i.videoUrl);
	return {
		innovation: {
			id: i.id,
			title: i.title,
			acronym: i.acronym,
			agency: { ...i.agency, kindLabel: AGENCY_KIND_LABELS[i.agency.kind] },
			serviceUnit: i.serviceUnit,
			region: i.region,
			province: i.province && i.province.code !== i.region?.code ? i.province : null,
			yearStarted: i.yearStarted,
			startedOn: i.startedOn,
			narrative: NARRATIVE_ORDER.map((key) => ({ key, text: i.narrative[key].trim() })).filter((s) => s.text),
			mainAffair: i.mainAffair ? { code: i.mainAffair, label: affairLabel(i.mainAffair)! } : null,
			otherAffairs: i.otherAffairs.map((code) => affairLabel(code)!),
			sdgs: i.sdgs.map((n) => ({ number: n, label: SDG_LABELS[n] ?? String(n) })),
			isDigital: i.isDigital,
			form: label(FORM_LABELS, i.form),
			theme: i.theme,
			initiator: { type: label(INITIATOR_LABELS, i.initiator.type), name: i.initiator.name },
			stage: { code: i.stage, label: STAGE_LABELS[i.stage] },
			sustainability: { status: label(SUSTAINABILITY_LABELS, i.sustainability.status), verifiedOn: i.sustainability.verifiedOn },
			institutionalisation: i.institutionalisation,
			maturityScore: i.maturityScore,
			video,
			documents: i.documents.flatMap((d) => {
				const url = safeExternalUrl(d.url);
				return url ? [{ title: d.title?.trim() || url, url }] : [];
			}),
			awards: i.awards.map((a) => ({
				...a,
				programmeLabel: label(AWARD_PROGRAMME_LABELS, a.programme) ?? a.programme
			})),
			sources: i.sources.map((s) => ({
				source: s.source,
				sourceLabel: SOURCE_LABELS[s.source] ?? s.source,
				externalId: s.externalId,
				recordVersion: s.recordVersion,
				importedAt: s.importedAt,
				matchScore: s.matchScore,
				matchReasons: s.matchReasons.map(describeMatchReason)
			})),
			provenance: Object.entries(i.provenance)
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([field, origin]) => ({
					field,
					source: origin.source,
					sourceLabel: origin.source === 'manual' ? null : (SOURCE_LABELS[origin.source] ?? origin.source),
					externalId: origin.externalId ?? null
				})),
			version: i.version,
			updatedAt: i.updatedAt
		},
		similar: similar.map(toInnovationCard),
		replications,
		replicationMap,
		// Operators of other agencies (and admins) may ask to replicate it.
		canFileReplication: can(actor, 'replication.file', { agency_id: i.agency.id }),
		// Curators see a "Pisahkan" (split) button per source record.
		canCurate: can(actor, 'import.review'),
		// Who changed it stays with the curators; the public sees when, what and why.
		history: history.map((h) => ({
			version: h.version,
			action: h.action,
			changedAt: h.changedAt,
			fields: Object.keys(h.changes).sort(),
			reason: h.reason
		}))
	};
};

const splitSchema = z.object({
	sumber: z.enum(['panrb', 'kemendagri', 'lan'], { error: 'Sumber rekaman tidak valid.' }),
	rekaman: z.string({ error: 'ID rekaman sumber wajib diisi.' }).trim().min(1, 'ID rekaman sumber wajib diisi.').max(200, 'ID rekaman sumber tidak valid.'),
	catatan: z.string().max(1000, 'Catatan paling panjang 1000 karakter.').optional()
});

export const actions: Actions = {
	/** Moves one source record out into a new innovation (undo in /kurasi/keputusan). */
	pisahkan: async (event) => {
		const actor = requirePermission(event, 'import.review');
		const form = parseForm(splitSchema, await event.request.formData());
		if (form.failure) return form.failure;
		const { sumber, rekaman, catatan } = form.data;
		const target = `${sumber}-${rekaman}`;
		const done = await runAction(
			() => splitSourceRecord(event.locals.db.db, actor, { source: sumber, externalId: rekaman, fromInnovationId: event.params.id, note: catatan }),
			target
		);
		if (done.failure) return done.failure;
		return {
			ok: true,
			target,
			innovationId: done.value.innovationId,
			decisionId: done.value.decisionId,
			message: `Rekaman ${sumber} ${rekaman} dipisahkan menjadi inovasi baru (keputusan #${done.value.decisionId}).`
		};
	}
};
