import { describe, expect, it } from 'vitest';
import { incrementalSince } from './sync-coverage';

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

describe('incrementalSince', () => {
	it('fetches everything when no sync succeeded yet', () => {
		expect(incrementalSince([], MINUTE)).toBeNull();
	});

	it('starts from the last start reached by a chain of windows, minus the overlap', () => {
		const windows = [
			{ since: null, startedAt: at('2024-01-01T00:00:00Z') },
			{ since: at('2023-12-31T23:50:00Z'), startedAt: at('2024-01-02T00:00:00Z') }
		];
		expect(incrementalSince(windows, 10 * MINUTE)).toEqual(at('2024-01-01T23:50:00Z'));
	});

	it('ignores a sync whose --since left a gap, and one that only started later than a partial window', () => {
		const windows = [
			{ since: null, startedAt: at('2024-01-01T00:00:00Z') },
			// asked only for changes since March: February was never fetched
			{ since: at('2024-03-01T00:00:00Z'), startedAt: at('2024-03-02T00:00:00Z') }
		];
		expect(incrementalSince(windows, 0)).toEqual(at('2024-01-01T00:00:00Z'));
	});

	it('does not count windows that came before the first full sync', () => {
		const windows = [
			{ since: at('2024-02-01T00:00:00Z'), startedAt: at('2024-02-02T00:00:00Z') },
			{ since: null, startedAt: at('2024-01-15T00:00:00Z') }
		];
		// sorted by start: the full sync of 15 January comes first, then 1 February leaves a gap
		expect(incrementalSince(windows, 0)).toEqual(at('2024-01-15T00:00:00Z'));
	});
});
