import type { MatchRecord } from './types';
import { acronymKeyOf, analyseTitle, GENERIC_TITLE_PREFIXES, CONDITIONAL_TITLE_PREFIXES, type TitleAnalysis } from './titles';
import { foldText, tellingFigures } from './similarity';

export interface BlockingOptions {
	/** Blocks with more records than this are skipped so that one huge block cannot go quadratic. */
	maxBlockSize: number;
	/** Candidates scored per record: those sharing the most keys with it (ties: the most recent). */
	maxCandidates: number;
}

export const DEFAULT_BLOCKING: BlockingOptions = { maxBlockSize: 60, maxCandidates: 12 };

/** Title words too common to say anything about identity. */
const COMMON_TITLE_WORDS = new Set([
	...GENERIC_TITLE_PREFIXES,
	...CONDITIONAL_TITLE_PREFIXES,
	'sistem',
	'informasi',
	'pelayanan',
	'gerakan',
	'online',
	'digital',
	'elektronik',
	'untuk',
	'dengan',
	'terpadu',
	'berbasis',
	'masyarakat',
	'desa',
	'kelurahan',
	'kabupaten',
	'kota',
	'daerah',
	'warga'
]);

/** Narrative figures used as keys: the longest (rarest) few, since short ones (10, 20, 100) are everywhere. */
const MAX_FIGURE_KEYS = 3;
/** Uncommon title words used as keys. */
const MAX_WORD_KEYS = 3;

/**
 * Where a record lives for blocking: its province (one source may only know the province of a
 * kabupaten, and records of other provinces never match), else its agency (central agencies;
 * their names are keyed across all region-less records).
 */
export function blockingPlace(record: Pick<MatchRecord, 'regionCode' | 'agencyId'>): string {
	if (record.regionCode) return `p${record.regionCode.split('.')[0]}`;
	if (record.agencyId) return `a${record.agencyId}`;
	return '-';
}

/** Telling figures of a narrative (decimals, or whole numbers from 10) as blocking material. */
export function figureKeysOf(figures: readonly string[]): string[] {
	return [...figures]
		.sort((x, y) => y.length - x.length || (x < y ? -1 : x > y ? 1 : 0))
		.slice(0, MAX_FIGURE_KEYS);
}

/**
 * The blocks one record falls in, all scoped to its place (province, or agency when it has no
 * region) so that a block stays small however large the registry grows: its short name and long
 * form (a record with only one of them meets the other through the rest), its uncommon title words
 * (typo-free), and the telling figures of its narrative (reports of one innovation repeat its
 * figures whoever wrote them, which is what joins an acronym-only title to an expansion-only one).
 * `figures` and `analysed` (the title's analysis) save computing them again when the caller has them.
 */
export function blockingKeys(record: MatchRecord, figures?: readonly string[], analysed?: TitleAnalysis): string[] {
	const keys = new Set<string>();
	const place = blockingPlace(record);
	// Names of records without a region meet across agencies: agency names are the part of a
	// central agency's record that sources spell most differently.
	const namePlace = record.regionCode ? place : '-';
	const title = analysed ?? analyseTitle(record.title);
	if (title.acronymKey) keys.add(`n:${namePlace}:${title.acronymKey}`);
	if (title.expansion) keys.add(`n:${namePlace}:${acronymKeyOf(title.expansion)}`);
	const words = new Set<string>();
	for (const word of foldText(`${title.acronym ?? ''} ${title.expansionTokens.join(' ')}`).split(' ')) {
		if (word.length >= 4 && !COMMON_TITLE_WORDS.has(word)) words.add(word);
	}
	for (const word of [...words].sort((x, y) => y.length - x.length || (x < y ? -1 : 1)).slice(0, MAX_WORD_KEYS)) keys.add(`w:${place}:${word}`);
	const telling = figures ?? tellingFigures(record.text);
	for (const figure of figureKeysOf(telling)) keys.add(`f:${place}:${figure}`);
	return [...keys].sort();
}

export interface Blocks {
	/** Block key -> record keys, in input order. */
	blocks: Map<string, string[]>;
	/** Keys of blocks left out for being larger than `maxBlockSize`. */
	skipped: string[];
}

export function buildBlocks(records: readonly MatchRecord[], options: BlockingOptions = DEFAULT_BLOCKING): Blocks {
	const blocks = new Map<string, string[]>();
	for (const record of records) {
		for (const key of blockingKeys(record)) {
			const members = blocks.get(key);
			if (members) members.push(record.key);
			else blocks.set(key, [record.key]);
		}
	}
	const skipped: string[] = [];
	for (const [key, members] of blocks) {
		if (members.length > options.maxBlockSize) {
			skipped.push(key);
			blocks.delete(key);
		}
	}
	return { blocks, skipped: skipped.sort() };
}

/**
 * Record-key pairs that share at least one block, each once, ordered (`a < b`, then sorted), so
 * that the work is bounded by the block sizes rather than the square of the record count.
 */
export function candidatePairs(records: readonly MatchRecord[], options: BlockingOptions = DEFAULT_BLOCKING): Array<[string, string]> {
	const { blocks } = buildBlocks(records, options);
	const seen = new Set<string>();
	const pairs: Array<[string, string]> = [];
	for (const members of blocks.values()) {
		for (let i = 0; i < members.length; i++) {
			for (let j = i + 1; j < members.length; j++) {
				const x = members[i]!;
				const y = members[j]!;
				if (x === y) continue;
				const [first, second] = x < y ? [x, y] : [y, x];
				const id = `${first}\u0000${second}`;
				if (seen.has(id)) continue;
				seen.add(id);
				pairs.push([first, second]);
			}
		}
	}
	return pairs.sort((p, q) => (p[0] === q[0] ? (p[1] < q[1] ? -1 : 1) : p[0] < q[0] ? -1 : 1));
}
