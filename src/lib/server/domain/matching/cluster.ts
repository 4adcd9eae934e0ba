import type { MatchDecision } from './score';

export interface ScoredPair {
	a: string;
	b: string;
	score: number;
	decision: MatchDecision;
}

export interface Clustering {
	/** Every input key in exactly one cluster; members sorted, clusters sorted by first member. */
	clusters: string[][];
	/** Pairs in the grey zone, for curator review, sorted by score (highest first) then keys. */
	review: ScoredPair[];
}

/** Union-find over record keys; path halving and union by size keep it near-linear. */
class DisjointSet {
	private readonly parent = new Map<string, string>();
	private readonly size = new Map<string, number>();

	add(key: string): void {
		if (!this.parent.has(key)) {
			this.parent.set(key, key);
			this.size.set(key, 1);
		}
	}

	find(key: string): string {
		let current = key;
		for (;;) {
			const parent = this.parent.get(current)!;
			if (parent === current) return current;
			const grand = this.parent.get(parent)!;
			this.parent.set(current, grand);
			current = grand;
		}
	}

	union(a: string, b: string): void {
		const ra = this.find(a);
		const rb = this.find(b);
		if (ra === rb) return;
		const [big, small] = this.size.get(ra)! >= this.size.get(rb)! ? [ra, rb] : [rb, ra];
		this.parent.set(small, big);
		this.size.set(big, this.size.get(big)! + this.size.get(small)!);
	}
}

/**
 * Groups records joined by 'link' pairs. Review pairs never join clusters; they are returned apart,
 * except those already inside one cluster (nothing left to decide).
 */
export function clusterRecords(keys: readonly string[], pairs: readonly ScoredPair[]): Clustering {
	const sets = new DisjointSet();
	for (const key of keys) sets.add(key);
	for (const pair of pairs) {
		if (pair.decision !== 'link') continue;
		sets.add(pair.a);
		sets.add(pair.b);
		sets.union(pair.a, pair.b);
	}
	const groups = new Map<string, string[]>();
	for (const key of new Set([...keys, ...pairs.filter((p) => p.decision === 'link').flatMap((p) => [p.a, p.b])])) {
		const root = sets.find(key);
		const members = groups.get(root);
		if (members) members.push(key);
		else groups.set(root, [key]);
	}
	const clusters = [...groups.values()].map((members) => members.sort()).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
	const review = pairs
		.filter((p) => p.decision === 'review')
		.filter((p) => {
			sets.add(p.a);
			sets.add(p.b);
			return sets.find(p.a) !== sets.find(p.b);
		})
		.sort((p, q) => q.score - p.score || (p.a === q.a ? (p.b < q.b ? -1 : 1) : p.a < q.a ? -1 : 1));
	return { clusters, review };
}
