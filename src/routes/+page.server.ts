import { SOURCE_LABELS, STAGE_LABELS } from '$lib/server/domain/vocabulary';
import { toInnovationCard } from '$lib/server/http/innovation-cards';
import { getNationalStatistics } from '$lib/server/services/get-national-statistics';
import { listHomeHighlights } from '$lib/server/services/list-home-highlights';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = locals.db.db;
	const [stats, highlights] = await Promise.all([getNationalStatistics(db), listHomeHighlights(db, { limit: 6 })]);
	const provinces = stats.byProvince.map((p) => ({
		code: p.code,
		label: p.name,
		value: p.count,
		href: `/katalog?provinsi=${p.code}`
	}));
	return {
		totals: {
			innovations: stats.innovations,
			agenciesWithInnovations: stats.agenciesWithInnovations,
			hubs: stats.hubs,
			awards: stats.awards.reduce((sum, a) => sum + a.count, 0)
		},
		// Computed from completed replications, never typed in (issue 5).
		replication: {
			innovationsReplicated: stats.replication.innovationsReplicated,
			agenciesReplicating: stats.replication.agenciesReplicating,
			inProgress: stats.replication.inProgress
		},
		sources: stats.bySource.map((s) => ({ ...s, label: SOURCE_LABELS[s.source] })),
		stages: stats.byStage.map((s) => ({ label: STAGE_LABELS[s.stage], value: s.count, href: `/katalog?tahap=${s.stage}` })),
		provincesByCount: [...provinces].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'id')),
		provincesByCode: provinces,
		central: stats.central,
		newest: highlights.newest.map(toInnovationCard),
		awarded: highlights.awarded.map(toInnovationCard)
	};
};
