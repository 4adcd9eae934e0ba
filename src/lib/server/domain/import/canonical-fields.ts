/**
 * Rebuilds an innovation's canonical fields from the source records linked to it, by per-field
 * source priority, with provenance: the same rule the importer applies record by record
 * (import-source-file.ts), applied to a whole set at once. Curation needs it after moving records
 * between innovations (merge, split, undo). Pure: the caller loads the records and writes the result.
 *
 * Rules per field:
 * - a value a person entered (provenance `manual`) stays;
 * - otherwise the first record with a value wins, records ordered by source priority
 *   for that column (see source-priority.ts), then oldest record first (the importer keeps the first
 *   writer of a source);
 * - when no record has a value: a value some source put there (and that source's record is gone)
 *   is cleared; a value with no provenance at all (seeded or older data) stays;
 * - a record stored without its normalised candidate (demo data, older imports) cannot be read
 *   field by field, so the values it owns stay as they are.
 */
import type { FieldProvenance, InnovationRow, SourceKey } from '../../db/schema';
import type { CanonicalCandidate } from './normalise-source-record';
import { sourceRank, toSourcePriority, type SourcePriority } from './source-priority';

/** Candidate field -> innovations column; awards are stored apart. */
export const CANONICAL_COLUMNS = {
	title: 'title',
	acronym: 'acronym',
	agencyId: 'agency_id',
	regionCode: 'region_code',
	yearStarted: 'year_started',
	startedOn: 'started_on',
	stage: 'stage',
	summary: 'summary',
	problem: 'problem',
	aims: 'aims',
	novelty: 'novelty',
	implementation: 'implementation',
	results: 'results',
	transferability: 'transferability',
	resources: 'resources',
	sustainabilityStrategy: 'sustainability_strategy',
	mainAffair: 'main_affair',
	otherAffairs: 'other_affairs',
	sdgs: 'sdgs',
	isDigital: 'is_digital',
	form: 'form',
	theme: 'theme',
	initiatorType: 'initiator_type',
	initiatorName: 'initiator_name',
	sustainabilityStatus: 'sustainability_status',
	maturityScore: 'maturity_score',
	videoUrl: 'video_url',
	contactName: 'contact_name',
	contactEmail: 'contact_email',
	contactPhone: 'contact_phone'
} as const satisfies Record<Exclude<keyof CanonicalCandidate, 'awards'>, keyof InnovationRow>;

export type CandidateField = keyof typeof CANONICAL_COLUMNS;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[CandidateField];

export const CANONICAL_COLUMN_NAMES = Object.values(CANONICAL_COLUMNS) as CanonicalColumn[];

const TEXT_COLUMNS = new Set<CanonicalColumn>([
	'summary',
	'problem',
	'aims',
	'novelty',
	'implementation',
	'results',
	'transferability',
	'resources',
	'sustainability_strategy'
]);
const ARRAY_COLUMNS = new Set<CanonicalColumn>(['other_affairs', 'sdgs']);
// Required columns are never cleared: every record supplies them, and an innovation without
// records is not rebuilt.
const REQUIRED_COLUMNS = new Set<CanonicalColumn>(['title', 'agency_id']);

export function hasValue(value: unknown): boolean {
	if (value === null || value === undefined || value === '') return false;
	return !Array.isArray(value) || value.length > 0;
}

/** What a column holds when no source supplies it (the table's defaults). */
export function emptyValueOf(column: CanonicalColumn): unknown {
	if (TEXT_COLUMNS.has(column)) return '';
	if (ARRAY_COLUMNS.has(column)) return [];
	if (column === 'stage') return 'penciptaan';
	return null;
}

export interface LinkedRecord {
	/** Source record id: the older record of a source wins a tie. */
	id: number;
	source: SourceKey;
	externalId: string;
	/** The normalised candidate stored with the record (`source_records.mapped.record`). */
	record: Partial<CanonicalCandidate>;
}

export interface RebuildInput {
	/** The innovation's current canonical column values (other columns are ignored). */
	current: Partial<Record<CanonicalColumn, unknown>>;
	provenance: Record<string, FieldProvenance>;
	records: readonly LinkedRecord[];
	priority?: SourcePriority | readonly SourceKey[];
}

export interface RebuildResult {
	/** Every canonical column after the rebuild. */
	values: Record<CanonicalColumn, unknown>;
	/** The whole provenance object after the rebuild (entries of other columns kept). */
	provenance: Record<string, FieldProvenance>;
	/** Changed columns with old and new value (provenance changes are not listed). */
	changes: Record<string, { from: unknown; to: unknown }>;
	provenanceChanged: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function rebuildCanonicalFields(input: RebuildInput): RebuildResult {
	const priority = toSourcePriority(input.priority);
	const readable = input.records.filter((r) => hasValue(r.record.title));
	const opaque = new Set(input.records.filter((r) => !hasValue(r.record.title)).map((r) => `${r.source}\u0000${r.externalId}`));
	const values = {} as Record<CanonicalColumn, unknown>;
	const provenance: Record<string, FieldProvenance> = { ...input.provenance };
	const changes: Record<string, { from: unknown; to: unknown }> = {};

	for (const [field, column] of Object.entries(CANONICAL_COLUMNS) as [CandidateField, CanonicalColumn][]) {
		const before = input.current[column] ?? null;
		const owner = input.provenance[column];
		let after: unknown = before;
		if (owner?.source === 'manual' || (owner && opaque.has(`${owner.source}\u0000${owner.externalId}`))) {
			values[column] = before;
			continue;
		}
		const winner = readable
			.filter((r) => hasValue(r.record[field]))
			.sort((a, b) => sourceRank(priority, column, a.source) - sourceRank(priority, column, b.source) || a.id - b.id)[0];
		if (winner) {
			after = winner.record[field];
			provenance[column] = { source: winner.source, externalId: winner.externalId };
		} else if (owner && !REQUIRED_COLUMNS.has(column)) {
			after = emptyValueOf(column);
			delete provenance[column];
		}
		values[column] = after;
		if (!same(before, after)) changes[column] = { from: before, to: after };
	}
	return { values, provenance, changes, provenanceChanged: !same(sortedEntries(input.provenance), sortedEntries(provenance)) };
}

function sortedEntries(provenance: Record<string, FieldProvenance>) {
	return Object.keys(provenance)
		.sort()
		.map((key) => [key, provenance[key]]);
}
