import type {
	AwardProgramme,
	FieldProvenance,
	InitiatorType,
	InnovationDocument,
	InnovationForm,
	SourceKey,
	Stage,
	SustainabilityStatus
} from '../../db/schema';

/** The rows of a demo corpus, before they are written (service units by name, not yet by id). */
export interface DemoServiceUnit {
	agencyId: string;
	name: string;
	abbreviation: string | null;
}

export interface DemoInnovation {
	id: string;
	title: string;
	acronym: string | null;
	agencyId: string;
	serviceUnit: DemoServiceUnit;
	regionCode: string | null;
	yearStarted: number;
	startedOn: string;
	summary: string;
	problem: string;
	aims: string;
	novelty: string;
	implementation: string;
	results: string;
	transferability: string;
	resources: string;
	sustainabilityStrategy: string;
	mainAffair: string;
	otherAffairs: string[];
	sdgs: number[];
	isDigital: boolean;
	form: InnovationForm;
	theme: string;
	initiatorType: InitiatorType;
	initiatorName: string;
	stage: Stage;
	sustainabilityStatus: SustainabilityStatus | null;
	statusVerifiedOn: string | null;
	regulationRef: string | null;
	budgetLine: string | null;
	sopRef: string | null;
	maturityScore: number | null;
	videoUrl: string | null;
	documents: InnovationDocument[];
	contactName: string;
	contactEmail: string;
	contactPhone: string;
	provenance: Record<string, FieldProvenance>;
	/** ISO timestamp, derived from when the innovation started (never the current time). */
	createdAt: string;
}

export interface DemoAward {
	innovationId: string;
	programme: AwardProgramme;
	year: number;
	level: string;
	category: string | null;
}

export interface DemoSourceRecord {
	source: SourceKey;
	externalId: string;
	innovationId: string;
	/** The record in the source's own column names (source-formats.md). */
	raw: Record<string, unknown>;
	importedAt: string;
}

/**
 * What the generator chose for an innovation (not stored): lets the search quality set judge
 * relevance from the generator's own facts instead of from any search engine.
 */
export interface DemoFacets {
	innovationId: string;
	/** topics.ts key, e.g. `stunting`. */
	topic: string;
	/** mechanisms.ts key, e.g. `keliling`. */
	mechanism: string;
}

export interface DemoBatch {
	/** Position of the first innovation of this batch in the corpus. */
	offset: number;
	innovations: DemoInnovation[];
	/** One per innovation, in the same order. */
	facets: DemoFacets[];
	awards: DemoAward[];
	sourceRecords: DemoSourceRecord[];
}
