/**
 * A short-lived in-process cache for expensive reads (national aggregates, catalogue counts),
 * one set per database handle so tests with separate databases never share entries. Writes
 * made through this process clear it, and `serve`'s sibling processes are told (decision 009);
 * writes by an unrelated process (an import CLI on the same PostgreSQL) show after at most the
 * entry's time to live.
 */
export class TtlCache<V> {
	private readonly entries = new Map<string, { expires: number; value: Promise<V> }>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries: number,
		private readonly now: () => number = Date.now
	) {}

	/** The cached value for `key`, computing it once when missing or expired (failures are not kept). */
	get(key: string, compute: () => Promise<V>): Promise<V> {
		const hit = this.entries.get(key);
		const now = this.now();
		if (hit && hit.expires > now) return hit.value;
		if (hit) this.entries.delete(key);
		const value = compute();
		this.entries.set(key, { expires: now + this.ttlMs, value });
		value.catch(() => this.entries.delete(key));
		while (this.entries.size > this.maxEntries) {
			const oldest = this.entries.keys().next().value;
			if (oldest === undefined) break;
			this.entries.delete(oldest);
		}
		return value;
	}

	clear(): void {
		this.entries.clear();
	}

	get size(): number {
		return this.entries.size;
	}
}

/**
 * Shared through globalThis: `jippnas serve` runs its own modules (tsx) beside the built app, so
 * a write by either (an import run by the CLI's worker, an edit on a page) clears the caches of
 * both, and `serve` can pass clears on to its sibling processes (decision 009).
 */
const SHARED = Symbol.for('jippnas.readCaches');
const shared = ((globalThis as Record<symbol, unknown>)[SHARED] ??= {
	caches: new WeakMap<object, Map<string, TtlCache<unknown>>>(),
	listeners: [] as Array<(db: object) => void>
}) as { caches: WeakMap<object, Map<string, TtlCache<unknown>>>; listeners: Array<(db: object) => void> };

export function readCache<V>(db: object, name: string, ttlMs: number, maxEntries = 1): TtlCache<V> {
	let caches = shared.caches.get(db);
	if (!caches) shared.caches.set(db, (caches = new Map()));
	let cache = caches.get(name);
	if (!cache) caches.set(name, (cache = new TtlCache<unknown>(ttlMs, maxEntries)));
	return cache as TtlCache<V>;
}

/** Called on every clearReadCaches (the search index marks itself stale this way). */
export function onReadCachesCleared(listener: (db: object) => void): () => void {
	shared.listeners.push(listener);
	return () => {
		const at = shared.listeners.indexOf(listener);
		if (at >= 0) shared.listeners.splice(at, 1);
	};
}

/** Forgets every cached read of this database (after a write). */
export function clearReadCaches(db: object): void {
	for (const cache of shared.caches.get(db)?.values() ?? []) cache.clear();
	for (const listener of [...shared.listeners]) listener(db);
}
