import type { AgencyKind, FieldProvenance, InnovationDocument, SourceKey, Stage } from '../db/schema';
import { collapseWhitespace } from '../domain/search/text';

/**
 * The shapes innovations leave the server in (pages and API alike): camelCase, ISO dates,
 * codes plus labels resolved by the caller. Rows never leave raw.
 */
export interface InnovationSummary {
	id: string;
	title: string;
	acronym: string | null;
	summary: string;
	yearStarted: number | null;
	stage: Stage;
	mainAffair: string | null;
	sdgs: number[];
	isDigital: boolean | null;
	agency: { id: string; name: string; kind: AgencyKind };
	region: { code: string; name: string } | null;
	awards: string | null;
	createdAt: string;
	updatedAt: string;
}

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** A stored search card's dates are ISO already (JSON of a Date): kept as they are. */
const toIso = (value: Date | string) => (typeof value === 'string' && ISO_INSTANT.test(value) ? value : new Date(value).toISOString());

export function excerpt(text: string, max = 220): string {
	return excerptOfCleanText(collapseWhitespace(text), max);
}

/** `excerpt` of a text whose whitespace is collapsed already (see snippetOfCleanText). */
export function excerptOfCleanText(clean: string, max = 220): string {
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max);
	return cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd() + '…';
}

export function presentInnovationSummary(row: {
	id: string;
	title: string;
	acronym: string | null;
	summary: string;
	year_started: number | null;
	stage: Stage;
	main_affair: string | null;
	sdgs: number[];
	is_digital: boolean | null;
	agency_id: string;
	agency_name: string;
	agency_kind: AgencyKind;
	region_code: string | null;
	region_name: string | null;
	award_summary: string | null;
	created_at: Date;
	updated_at: Date;
}): InnovationSummary {
	return {
		id: row.id,
		title: row.title,
		acronym: row.acronym,
		summary: excerpt(row.summary),
		yearStarted: row.year_started,
		stage: row.stage,
		mainAffair: row.main_affair,
		sdgs: row.sdgs,
		isDigital: row.is_digital,
		agency: { id: row.agency_id, name: row.agency_name, kind: row.agency_kind },
		region: row.region_code ? { code: row.region_code, name: row.region_name ?? row.region_code } : null,
		awards: row.award_summary,
		createdAt: toIso(row.created_at),
		updatedAt: toIso(row.updated_at)
	};
}

export interface InnovationDetails {
	id: string;
	title: string;
	acronym: string | null;
	agency: { id: string; name: string; kind: AgencyKind; abbreviation: string | null };
	serviceUnit: string | null;
	region: { code: string; name: string; level: string | null } | null;
	province: { code: string; name: string } | null;
	yearStarted: number | null;
	startedOn: string | null;
	narrative: {
		summary: string;
		problem: string;
		aims: string;
		novelty: string;
		implementation: string;
		results: string;
		transferability: string;
		resources: string;
		sustainabilityStrategy: string;
	};
	mainAffair: string | null;
	otherAffairs: string[];
	sdgs: number[];
	isDigital: boolean | null;
	form: string | null;
	theme: string | null;
	initiator: { type: string | null; name: string | null };
	stage: Stage;
	sustainability: { status: string | null; verifiedOn: string | null };
	institutionalisation: { regulation: string | null; budgetLine: string | null; sop: string | null };
	maturityScore: number | null;
	videoUrl: string | null;
	documents: InnovationDocument[];
	/** Personal data: only for signed-in government users (null otherwise). */
	contact: { name: string | null; email: string | null; phone: string | null } | null;
	provenance: Record<string, FieldProvenance>;
	awards: Array<{ programme: string; year: number; level: string; category: string | null }>;
	sources: Array<{
		source: SourceKey;
		externalId: string;
		recordVersion: number;
		matchScore: number | null;
		matchReasons: unknown[];
		importedAt: string;
	}>;
	version: number;
	createdAt: string;
	updatedAt: string;
	deletedAt: string | null;
}

type DetailRow = {
	id: string;
	title: string;
	acronym: string | null;
	agency_id: string;
	agency_name: string;
	agency_kind: AgencyKind;
	agency_abbreviation: string | null;
	service_unit_name: string | null;
	region_code: string | null;
	region_name: string | null;
	region_level: string | null;
	province_code: string | null;
	province_name: string | null;
	year_started: number | null;
	started_on: string | null;
	summary: string;
	problem: string;
	aims: string;
	novelty: string;
	implementation: string;
	results: string;
	transferability: string;
	resources: string;
	sustainability_strategy: string;
	main_affair: string | null;
	other_affairs: string[];
	sdgs: number[];
	is_digital: boolean | null;
	form: string | null;
	theme: string | null;
	initiator_type: string | null;
	initiator_name: string | null;
	stage: Stage;
	sustainability_status: string | null;
	status_verified_on: string | null;
	regulation_ref: string | null;
	budget_line: string | null;
	sop_ref: string | null;
	maturity_score: number | null;
	video_url: string | null;
	documents: InnovationDocument[];
	contact_name: string | null;
	contact_email: string | null;
	contact_phone: string | null;
	provenance: Record<string, FieldProvenance>;
	version: number;
	created_at: Date;
	updated_at: Date;
	deleted_at: Date | null;
};

export function presentInnovationDetails(
	row: DetailRow,
	awards: Array<{ programme: string; year: number; level: string; category: string | null }>,
	sources: Array<{
		source: SourceKey;
		external_id: string;
		record_version: number;
		match_score: number | null;
		match_reasons: unknown[];
		imported_at: Date;
	}>,
	options: { includeContact: boolean }
): InnovationDetails {
	return {
		id: row.id,
		title: row.title,
		acronym: row.acronym,
		agency: { id: row.agency_id, name: row.agency_name, kind: row.agency_kind, abbreviation: row.agency_abbreviation },
		serviceUnit: row.service_unit_name,
		region: row.region_code
			? { code: row.region_code, name: row.region_name ?? row.region_code, level: row.region_level }
			: null,
		province: row.province_code ? { code: row.province_code, name: row.province_name ?? row.province_code } : null,
		yearStarted: row.year_started,
		startedOn: row.started_on,
		narrative: {
			summary: row.summary,
			problem: row.problem,
			aims: row.aims,
			novelty: row.novelty,
			implementation: row.implementation,
			results: row.results,
			transferability: row.transferability,
			resources: row.resources,
			sustainabilityStrategy: row.sustainability_strategy
		},
		mainAffair: row.main_affair,
		otherAffairs: row.other_affairs,
		sdgs: row.sdgs,
		isDigital: row.is_digital,
		form: row.form,
		theme: row.theme,
		initiator: { type: row.initiator_type, name: row.initiator_name },
		stage: row.stage,
		sustainability: { status: row.sustainability_status, verifiedOn: row.status_verified_on },
		institutionalisation: { regulation: row.regulation_ref, budgetLine: row.budget_line, sop: row.sop_ref },
		maturityScore: row.maturity_score,
		videoUrl: row.video_url,
		documents: row.documents,
		contact: options.includeContact
			? { name: row.contact_name, email: row.contact_email, phone: row.contact_phone }
			: null,
		provenance: row.provenance,
		awards: awards.map((a) => ({ programme: a.programme, year: a.year, level: a.level, category: a.category })),
		sources: sources.map((s) => ({
			source: s.source,
			externalId: s.external_id,
			recordVersion: s.record_version,
			matchScore: s.match_score,
			matchReasons: s.match_reasons,
			importedAt: toIso(s.imported_at)
		})),
		version: row.version,
		createdAt: toIso(row.created_at),
		updatedAt: toIso(row.updated_at),
		deletedAt: row.deleted_at ? toIso(row.deleted_at) : null
	};
}
