import type { InnovationCardData } from '$lib/components/innovation-card';
import { STAGE_LABELS, type StageCode } from '../domain/vocabulary';

/** The card of any innovation listing the services return (they share these camelCase fields). */
export function toInnovationCard(item: {
	id: string;
	title: string;
	stage: string;
	yearStarted: number | null;
	acronym?: string | null;
	summary?: string | null;
	agencyName?: string | null;
	agency?: { name: string };
	regionName?: string | null;
	region?: { name: string } | null;
	awards?: string | null;
	isDigital?: boolean | null;
}): InnovationCardData {
	return {
		id: item.id,
		title: item.title,
		acronym: item.acronym ?? null,
		summary: item.summary ?? null,
		yearStarted: item.yearStarted,
		stageLabel: STAGE_LABELS[item.stage as StageCode] ?? item.stage,
		agencyName: item.agencyName ?? item.agency?.name ?? null,
		regionName: item.regionName ?? item.region?.name ?? null,
		awards: item.awards ?? null,
		isDigital: item.isDigital ?? null
	};
}
