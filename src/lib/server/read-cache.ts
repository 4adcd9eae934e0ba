/**
 * A short-lived in-process cache for expensive reads (national aggregates, catalogue counts),
 * one set per database handle so tests with separate databases never share entries. Writes
 * made through this process clear it; writes by another process (an import on the same
 * PostgreSQL) show after at most the entry's time to live.
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

const cachesByDatabase = new WeakMap<object, Map<string, TtlCache<unknown>>>();

export function readCache<V>(db: object, name: string, ttlMs: number, maxEntries = 1): TtlCache<V> {
	let caches = cachesByDatabase.get(db);
	if (!caches) cachesByDatabase.set(db, (caches = new Map()));
	let cache = caches.get(name);
	if (!cache) caches.set(name, (cache = new TtlCache<unknown>(ttlMs, maxEntries)));
	return cache as TtlCache<V>;
}

const clearListeners: Array<(db: object) => void> = [];

/** Called on every clearReadCaches (the search index marks itself stale this way). */
export function onReadCachesCleared(listener: (db: object) => void): void {
	clearListeners.push(listener);
}

/** Forgets every cached read of this database (after a write). */
export function clearReadCaches(db: object): void {
	for (const cache of cachesByDatabase.get(db)?.values() ?? []) cache.clear();
	for (const listener of clearListeners) listener(db);
}
