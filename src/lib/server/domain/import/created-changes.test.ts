import { describe, expect, it } from 'vitest';
import { createdChanges } from './created-changes';

/** What the field-by-field merge builds for a new innovation: each value from null, the provenance marker after the first. */
function mergedChanges(values: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
	const changes: Record<string, { from: unknown; to: unknown }> = {};
	for (const [column, value] of Object.entries(values)) {
		changes[column] = { from: null, to: value };
		changes.provenance ??= { from: null, to: null };
	}
	return changes;
}

describe('createdChanges', () => {
	it('is the JSON of the merged changes, byte for byte, for every kind of value', () => {
		const values = {
			title: 'SI PERUT LAPER "Sistem" \\ Informasi',
			acronym: 'SI PERUT LAPER',
			year_started: 2021,
			maturity_score: 3.75,
			is_digital: false,
			sdgs: [3, 16],
			other_affairs: ['kesehatan', 'sosial'],
			summary: 'Baris satu\nbaris dua\tdengan tab — dan é, 🚑, \u2028.',
			documents: [{ title: 'SK Bupati', url: 'https://example.go.id/sk.pdf' }],
			started_on: '2021-03-04'
		};
		expect(createdChanges(values)).toBe(JSON.stringify(mergedChanges(values)));
		expect(createdChanges({ title: 'X' })).toBe(JSON.stringify(mergedChanges({ title: 'X' })));
	});

	it('is an empty object for no values', () => {
		expect(createdChanges({})).toBe('{}');
	});
});
