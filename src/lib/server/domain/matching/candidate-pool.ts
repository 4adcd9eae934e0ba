import { DEFAULT_BLOCKING, type BlockingOptions } from './blocking';
import { mayMatch, scorePair, type MatchConfig, type MatchReason, type PreparedRecord } from './score';

/** A record already linked to an innovation, as a candidate for the records that come after it. */
export interface PoolMember {
	sourceRecordId: number;
	innovationId: string;
	prepared: PreparedRecord;
}

export interface PoolMatch {
	member: PoolMember;
	score: number;
	reasons: MatchReason[];
}

/**
 * The candidates of one import run, by blocking key, kept for the whole run so that a record
 * loaded (and prepared) for one batch is not loaded again for the next. Keys are loaded from the
 * registry on first use; a key with more members than `maxBlockSize` is never compared in full.
 */
export class CandidatePool {
	private readonly index = new Map<string, PoolMember[]>();
	private readonly members = new Map<number, PoolMember>();
	private readonly oversized = new Set<string>();
	readonly maxBlockSize: number;
	/** Pairs scored in full (for benchmarks). */
	comparisons = 0;

	constructor(options: BlockingOptions = DEFAULT_BLOCKING) {
		this.maxBlockSize = options.maxBlockSize;
	}

	/** Of `keys`, those not loaded yet. */
	missingKeys(keys: Iterable<string>): string[] {
		const missing = new Set<string>();
		for (const key of keys) if (!this.index.has(key) && !this.oversized.has(key)) missing.add(key);
		return [...missing];
	}

	hasMember(sourceRecordId: number): boolean {
		return this.members.has(sourceRecordId);
	}

	member(sourceRecordId: number): PoolMember | undefined {
		return this.members.get(sourceRecordId);
	}

	/** Records the registry's members of a key (ids of members already in the pool are enough). */
	loadKey(key: string, memberIds: readonly number[]): void {
		if (memberIds.length > this.maxBlockSize) {
			this.oversized.add(key);
			return;
		}
		const list: PoolMember[] = [];
		for (const id of memberIds) {
			const member = this.members.get(id);
			if (member) list.push(member);
		}
		this.index.set(key, list);
	}

	/** Marks a key as too large to compare, e.g. when the registry already has too many records under it. */
	markOversized(key: string): void {
		this.oversized.add(key);
		this.index.delete(key);
	}

	/** Makes a record known to the pool without putting it under any key yet. */
	remember(member: PoolMember): void {
		this.members.set(member.sourceRecordId, member);
	}

	/** Adds a newly linked record under its keys (keys not loaded yet pick it up when loaded). */
	add(member: PoolMember, keys: readonly string[]): void {
		this.members.set(member.sourceRecordId, member);
		for (const key of keys) {
			const list = this.index.get(key);
			if (!list) continue;
			list.push(member);
			if (list.length > this.maxBlockSize) this.markOversized(key);
		}
	}

	/** The best-scoring member to link to, and the best grey-zone member, among those sharing a key. */
	match(prepared: PreparedRecord, keys: readonly string[], config: MatchConfig): { link: PoolMatch | null; review: PoolMatch | null } {
		let link: PoolMatch | null = null;
		let review: PoolMatch | null = null;
		const compared = new Set<number>();
		for (const key of keys) {
			const list = this.index.get(key);
			if (!list) continue;
			for (const member of list) {
				if (compared.has(member.sourceRecordId)) continue;
				compared.add(member.sourceRecordId);
				if (!mayMatch(prepared, member.prepared)) continue;
				this.comparisons++;
				const result = scorePair(prepared, member.prepared, config);
				if (result.decision === 'link' && (!link || result.score > link.score)) link = { member, score: result.score, reasons: result.reasons };
				if (result.decision === 'review' && (!review || result.score > review.score)) review = { member, score: result.score, reasons: result.reasons };
			}
		}
		return { link, review };
	}
}
