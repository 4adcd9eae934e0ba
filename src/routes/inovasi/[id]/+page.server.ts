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
import { redirect } from '@sveltejs/kit';
import { changeReasonSchema, innovationVersionSchema } from '$lib/server/domain/innovation-create';
import { attemptInnovationForm, innovationFormRefusal } from '$lib/server/http/innovation-form';
import { requireSignedIn } from '$lib/server/http/replication-pages';
import { deleteInnovation } from '$lib/server/services/delete-innovation';
import { restoreInnovation } from '$lib/server/services/restore-innovation';
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

export const load: PageServerLoad = async ({ locals, params, cookies, url }) => {
	if (!INNOVATION_ID_PATTERN.test(params.id)) throwPageError(new AppError('INNOVATION_NOT_FOUND'));
	const actor = locals.actor ?? null;
	// Contact data is personal: the public page never asks for it. A deleted innovation is shown
	// only to those who could have deleted it and to admins (who may restore it).
	const [{ innovation: i, similar }, history, replications] = await Promise.all([
		orPageError(getInnovationDetails(locals.db.db, params.id, { includeContact: false, includeDeleted: actor !== null })),
		listInnovationHistory(locals.db.db, params.id),
		// "Direplikasi oleh": completed ones for everyone, the reader's own in progress too.
		listReplicatingAgencies(locals.db.db, params.id, actor)
	]);
	const owner = { agency_id: i.agency.id };
	if (i.deletedAt && !can(actor, 'innovation.delete', owner) && !can(actor, 'innovation.restore')) {
		throwPageError(new AppError('INNOVATION_NOT_FOUND'));
	}
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
		canFileReplication: !i.deletedAt && can(actor, 'replication.file', { agency_id: i.agency.id }),
		// "Ubah" / "Hapus" only for those allowed (an operator of its agency, admins, curators); "Pulihkan" for admins.
		manage: {
			canEdit: !i.deletedAt && can(actor, 'innovation.update', owner),
			canDelete: !i.deletedAt && can(actor, 'innovation.delete', owner),
			canRestore: !!i.deletedAt && can(actor, 'innovation.restore'),
			deletedAt: i.deletedAt
		},
		notice: noticeOf(url.searchParams),
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

/** What the last write on this page did (after its redirect), as a message key. */
function noticeOf(search: URLSearchParams): MessageKey | null {
	if (search.get('dibuat') === '1') return 'innovation.createdNotice';
	if (search.get('diubah') === '1') return 'innovation.updatedNotice';
	if (search.get('diubah') === '0') return 'innovation.unchangedNotice';
	if (search.get('dihapus') === '1') return 'innovation.deletedNow';
	if (search.get('dipulihkan') === '1') return 'innovation.restoredNow';
	return null;
}

const formText = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

export const actions: Actions = {
	/** Soft delete with a reason, at the version shown (operator of its agency, admin, curator). */
	hapus: async (event) => {
		const actor = requireSignedIn(event);
		const id = event.params.id;
		const form = await event.request.formData();
		const typed = { alasan: formText(form, 'alasan') };
		const version = innovationVersionSchema.safeParse(form.get('version') ?? undefined);
		if (!version.success) return innovationFormRefusal(400, 'hapus', version.error.issues[0]!.message, typed);
		const done = await attemptInnovationForm('hapus', typed, () =>
			deleteInnovation(event.locals.db.db, actor, { id, expectedVersion: version.data, reason: typed.alasan })
		);
		if (done.failure) return done.failure;
		redirect(303, `/inovasi/${encodeURIComponent(id)}?dihapus=1`);
	},
	/** Undoes a soft delete (national admins only). */
	pulihkan: async (event) => {
		const actor = requireSignedIn(event);
		const id = event.params.id;
		const form = await event.request.formData();
		const typed = { alasan: formText(form, 'alasan') };
		const reason = changeReasonSchema.safeParse(typed.alasan);
		if (!reason.success) return innovationFormRefusal(400, 'pulihkan', reason.error.issues[0]!.message, typed);
		const done = await attemptInnovationForm('pulihkan', typed, () =>
			restoreInnovation(event.locals.db.db, actor, { id, reason: reason.data })
		);
		if (done.failure) return done.failure;
		redirect(303, `/inovasi/${encodeURIComponent(id)}?dipulihkan=1`);
	},
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
