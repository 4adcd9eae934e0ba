/**
 * The shapes a source record is stored in, beside its raw row (source_records): `mapped`, the
 * normalised candidate that curation rebuilds innovations from, and `match_features`, what
 * duplicate detection needs of the record without reading its narrative again. Pure.
 *
 * The narrative is stored once in `mapped.record` (its fields); matching reads it as one text
 * (`narrativeTextOf`). Records stored before 0014 carry that text in `mapped.match` instead and
 * have no `match_features`: `matchRecordOfMapped` reads both shapes.
 */
import type { MatchRecord, MatchSource } from '../matching/types';
import { decodeNarrativeFeatures, encodeNarrativeFeatures, type NarrativeFeatures, type StoredNarrativeFeatures } from '../matching/similarity';
import type { PreparedRecord } from '../matching/score';
import { narrativeTextOf, type CanonicalCandidate, type NormalisedSourceRecord } from './normalise-source-record';

/**
 * `source_records.mapped`: the candidate and the year matching compares. The review queue shows
 * the summary, or the joined narrative when a record has no summary: only then is that text kept.
 */
export function mappedDocument(value: NormalisedSourceRecord, rawChecksum: string): Record<string, unknown> {
	const match: Record<string, unknown> = { year: value.match.year };
	if (!value.record.summary && value.match.text) match.text = value.match.text;
	return { record: value.record, match, rawChecksum };
}

/** `source_records.match_features`: the record as matching sees it, its narrative as features. */
export interface StoredMatchFeatures extends StoredNarrativeFeatures {
	title: string;
	agencyId: string | null;
	regionCode: string | null;
	year: number | null;
	hasText: boolean;
}

export function matchFeaturesOf(prepared: PreparedRecord, stopWordsKey: string): StoredMatchFeatures {
	const { title, agencyId, regionCode, year } = prepared.record;
	return { title, agencyId, regionCode, year, hasText: prepared.hasText, ...encodeNarrativeFeatures(prepared.narrative, stopWordsKey) };
}

/** The stored features back, or null when they are missing, malformed or computed with other stop words. */
export function readMatchFeatures(
	stored: unknown,
	stopWordsKey: string
): { record: Omit<MatchRecord, 'key' | 'source' | 'text'>; narrative: NarrativeFeatures; hasText: boolean } | null {
	if (typeof stored !== 'object' || stored === null) return null;
	const features = stored as Partial<StoredMatchFeatures>;
	if (typeof features.title !== 'string') return null;
	const narrative = decodeNarrativeFeatures(features, stopWordsKey);
	if (!narrative) return null;
	return {
		record: { title: features.title, agencyId: features.agencyId ?? null, regionCode: features.regionCode ?? null, year: features.year ?? null },
		narrative,
		hasText: features.hasText === true
	};
}

/** A stored record as matching sees it, from its `mapped` document (either shape), with its text. */
export function matchRecordOfMapped(key: string, source: MatchSource, mapped: unknown): MatchRecord | null {
	if (typeof mapped !== 'object' || mapped === null) return null;
	const { record, match } = mapped as { record?: Partial<CanonicalCandidate>; match?: Record<string, unknown> };
	// Before 0014 the match part held the whole comparison record, text included.
	if (match && typeof match.title === 'string' && typeof match.text === 'string') {
		return {
			key,
			source,
			title: match.title,
			agencyId: (match.agencyId as string | null) ?? null,
			regionCode: (match.regionCode as string | null) ?? null,
			year: typeof match.year === 'number' ? match.year : null,
			text: match.text
		};
	}
	if (!record || typeof record.title !== 'string') return null;
	return {
		key,
		source,
		title: record.title,
		agencyId: record.agencyId ?? null,
		regionCode: record.regionCode ?? null,
		year: typeof match?.year === 'number' ? match.year : null,
		text: narrativeTextOf(record)
	};
}
