/**
 * Where an incremental sync starts. A successful sync with `since` s fetched every change in
 * [s, its start]; a full sync (no since) everything up to its start. Changes are known to be
 * fetched up to the latest start reached by an unbroken chain of such windows from a full sync;
 * a sync run with a later --since leaves a gap and does not move that point.
 */
export interface SyncWindow {
	since: Date | null;
	startedAt: Date;
}

/** The `updated_since` for the next sync, or null when nothing is covered yet (fetch everything). */
export function incrementalSince(windows: readonly SyncWindow[], overlapMs: number): Date | null {
	let coveredUntil: number | null = null;
	for (const window of [...windows].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())) {
		const start = window.startedAt.getTime();
		if (window.since === null || (coveredUntil !== null && window.since.getTime() <= coveredUntil)) {
			coveredUntil = Math.max(coveredUntil ?? start, start);
		}
	}
	return coveredUntil === null ? null : new Date(coveredUntil - overlapMs);
}
