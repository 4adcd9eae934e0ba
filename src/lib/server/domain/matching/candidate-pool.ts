import { DEFAULT_BLOCKING, type BlockingOptions } from './blocking';
import { scorePair, titlesIfMayMatch, type MatchConfig, type MatchReason, type PreparedRecord } from './score';
import type { MatchSource } from './types';

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

/** A member in the index, with the scratch count `match` keeps on it instead of in a map per record. */
interface Entry {
	member: PoolMember;
	/** The `match` call that last counted this entry, and the weight of the keys it shares with that record. */
	round: number;
	shared: number;
}

/**
 * The candidates of one import run, by blocking key, kept for the whole run so that a record
 * loaded (and prepared) for one batch is not loaded again for the next. Keys are loaded from the
 * registry on first use; a key with more members than `maxBlockSize` is never compared in full.
 */
export class CandidatePool {
	/** Key -> members: those loaded from the registry plus those added by this run. */
	private readonly index = new Map<string, Entry[]>();
	/** Keys whose registry members are loaded (this run's own members are indexed under every key anyway). */
	private readonly loaded = new Set<string>();
	private readonly members = new Map<number, Entry>();
	private readonly oversized = new Set<string>();
	/** Sources already linked to each innovation (a second record of one source is suspect). */
	private readonly sourcesOf = new Map<string, number>();
	readonly maxBlockSize: number;
	readonly maxCandidates: number;
	/** Pairs scored in full (for benchmarks). */
	comparisons = 0;
	private round = 0;

	constructor(options: Partial<BlockingOptions> = DEFAULT_BLOCKING) {
		this.maxBlockSize = options.maxBlockSize ?? DEFAULT_BLOCKING.maxBlockSize;
		this.maxCandidates = options.maxCandidates ?? DEFAULT_BLOCKING.maxCandidates;
	}

	private noteSource(member: PoolMember): void {
		const bit = SOURCE_BITS[member.prepared.record.source];
		this.sourcesOf.set(member.innovationId, (this.sourcesOf.get(member.innovationId) ?? 0) | bit);
	}

	/** Of `keys`, those not loaded yet. */
	missingKeys(keys: Iterable<string>): string[] {
		const missing = new Set<string>();
		for (const key of keys) if (!this.loaded.has(key) && !this.oversized.has(key)) missing.add(key);
		return [...missing];
	}

	hasMember(sourceRecordId: number): boolean {
		return this.members.has(sourceRecordId);
	}

	member(sourceRecordId: number): PoolMember | undefined {
		return this.members.get(sourceRecordId)?.member;
	}

	private entry(member: PoolMember): Entry {
		const entry: Entry = { member, round: 0, shared: 0 };
		this.members.set(member.sourceRecordId, entry);
		this.noteSource(member);
		return entry;
	}

	/**
	 * Records the registry's members of a key (ids of members already in the pool are enough),
	 * next to the members this run already added under it: the registry may not show those yet.
	 */
	loadKey(key: string, memberIds: readonly number[]): void {
		if (this.oversized.has(key)) return;
		if (memberIds.length > this.maxBlockSize) {
			this.markOversized(key);
			return;
		}
		this.loaded.add(key);
		const list = this.index.get(key) ?? [];
		// Most keys are new to the run: nothing listed yet to skip.
		const listed = list.length === 0 ? null : new Set(list.map((entry) => entry.member.sourceRecordId));
		for (const id of memberIds) {
			const entry = this.members.get(id);
			if (entry && !listed?.has(id)) list.push(entry);
		}
		if (list.length > this.maxBlockSize) this.markOversized(key);
		else this.index.set(key, list);
	}

	/** Marks a key as too large to compare, e.g. when the registry already has too many records under it. */
	markOversized(key: string): void {
		this.oversized.add(key);
		this.index.delete(key);
	}

	/** Makes a record known to the pool without putting it under any key yet. */
	remember(member: PoolMember): void {
		this.entry(member);
	}

	/** Adds a newly linked record under its keys, loaded or not. */
	add(member: PoolMember, keys: readonly string[]): void {
		const entry = this.entry(member);
		for (const key of keys) {
			if (this.oversized.has(key)) continue;
			const list = this.index.get(key);
			if (!list) {
				this.index.set(key, [entry]);
				continue;
			}
			list.push(entry);
			if (list.length > this.maxBlockSize) this.markOversized(key);
		}
	}

	/**
	 * The best-scoring member to link to, and the best grey-zone member, among the members sharing
	 * the most keys with the record (a short name counts as much as three other keys): only the top
	 * `maxCandidates` are scored, so the work per record stays bounded as blocks fill up.
	 *
	 * A pair within one source, or a record joining an innovation that already has a record of its
	 * source, must clear a higher bar: sources rarely list one innovation twice, while one agency
	 * often runs several look-alike innovations.
	 */
	match(prepared: PreparedRecord, keys: readonly string[], config: MatchConfig): { link: PoolMatch | null; review: PoolMatch | null } {
		// Shared key weight per member, counted on the entries themselves (no map per record).
		const round = ++this.round;
		const counted: Entry[] = [];
		for (const key of keys) {
			const list = this.index.get(key);
			if (!list) continue;
			const weight = key.startsWith('n:') ? NAME_KEY_WEIGHT : 1;
			for (const entry of list) {
				if (entry.round !== round) {
					entry.round = round;
					entry.shared = 0;
					counted.push(entry);
				}
				entry.shared += weight;
			}
		}
		const ranked = counted
			.filter((entry) => entry.shared >= MIN_SHARED)
			.sort((x, y) => y.shared - x.shared || y.member.sourceRecordId - x.member.sourceRecordId)
			.slice(0, this.maxCandidates);
		let link: PoolMatch | null = null;
		let review: PoolMatch | null = null;
		const bit = SOURCE_BITS[prepared.record.source];
		for (const { member } of ranked) {
			const titles = titlesIfMayMatch(prepared, member.prepared);
			if (!titles) continue;
			this.comparisons++;
			const result = scorePair(prepared, member.prepared, config, titles);
			let decision = result.decision;
			const sameSource = member.prepared.record.source === prepared.record.source || ((this.sourcesOf.get(member.innovationId) ?? 0) & bit) !== 0;
			if (sameSource && decision !== 'distinct') {
				const strong = result.score >= config.sameSourceLinkThreshold && (result.titleRelation === 'same-acronym' || result.titleRelation === 'same-expansion');
				decision = strong ? 'link' : result.score >= config.linkThreshold ? 'review' : 'distinct';
			}
			if (decision === 'link' && (!link || result.score > link.score)) link = { member, score: result.score, reasons: result.reasons };
			if (decision === 'review' && (!review || result.score > review.score)) review = { member, score: result.score, reasons: result.reasons };
		}
		return { link, review };
	}
}

const SOURCE_BITS: Record<MatchSource, number> = { panrb: 1, kemendagri: 2, lan: 4 };
/** A shared short name or long form says as much as three shared words or figures. */
const NAME_KEY_WEIGHT = 3;
/** Members sharing less than this with a record are not candidates (one common word or figure is chance). */
const MIN_SHARED = 2;
