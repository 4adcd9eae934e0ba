/** The sources whose records are matched against each other. */
export type MatchSource = 'panrb' | 'kemendagri' | 'lan';

/**
 * One source record as entity resolution sees it: already normalised (agency, region, year resolved),
 * narrative reduced to plain text. Matching never looks at anything else.
 */
export interface MatchRecord {
	/** `source:externalId`, unique across all sources. */
	key: string;
	source: MatchSource;
	title: string;
	agencyId: string | null;
	/** Kemendagri code with dots (`53.09`, `35`) or another stable region key; null for central agencies. */
	regionCode: string | null;
	year: number | null;
	/** Narrative, plain text. */
	text: string;
}
