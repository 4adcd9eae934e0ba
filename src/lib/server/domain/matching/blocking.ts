import type { MatchRecord } from './types';
import { acronymKeyOf, analyseTitle, GENERIC_TITLE_PREFIXES, CONDITIONAL_TITLE_PREFIXES } from './titles';
import { foldText } from './similarity';

export interface BlockingOptions {
	/** Blocks with more records than this are skipped so that one huge block cannot go quadratic. */
	maxBlockSize: number;
}

export const DEFAULT_BLOCKING: BlockingOptions = { maxBlockSize: 200 };

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
	'berbasis'
]);

/**
 * The blocks one record falls in: same agency, same region, same short name anywhere, and shared
 * uncommon title words (typo-free) so that acronym-only and expansion-only titles still meet when
 * region and agency are missing.
 */
export function blockingKeys(record: MatchRecord): string[] {
	const keys = new Set<string>();
	if (record.agencyId) keys.add(`agency:${record.agencyId}`);
	if (record.regionCode) keys.add(`region:${record.regionCode}`);
	const title = analyseTitle(record.title);
	if (title.acronymKey) keys.add(`name:${title.acronymKey}`);
	if (title.expansion) keys.add(`name:${acronymKeyOf(title.expansion)}`);
	for (const word of foldText(`${title.acronym ?? ''} ${title.expansionTokens.join(' ')}`).split(' ')) {
		if (word.length >= 4 && !COMMON_TITLE_WORDS.has(word)) keys.add(`word:${word}`);
	}
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
