/**
 * The fields that differ between two versions of a record, as {field: {from, to}}. Arrays and
 * objects compare by value, so rewriting the same SDG list is not a change.
 */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export function diffRecords(
	before: Record<string, unknown>,
	after: Record<string, unknown>,
	fields: readonly string[] = Object.keys(after)
): FieldChanges {
	const changes: FieldChanges = {};
	for (const field of fields) {
		if (!(field in after)) continue;
		const from = normalise(before[field]);
		const to = normalise(after[field]);
		if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
	}
	return changes;
}

function normalise(value: unknown): unknown {
	if (value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	return value;
}
