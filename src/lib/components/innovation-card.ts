/** What a list of innovations shows per item; built on the server with labels resolved. */
export interface InnovationCardData {
	id: string;
	title: string;
	acronym?: string | null;
	summary?: string | null;
	yearStarted: number | null;
	stageLabel: string;
	agencyName?: string | null;
	regionName?: string | null;
	awards?: string | null;
	isDigital?: boolean | null;
	/** Search results: the title and a summary snippet as pieces, the words found marked. */
	titleParts?: { text: string; mark: boolean }[];
	snippetParts?: { text: string; mark: boolean }[];
}
