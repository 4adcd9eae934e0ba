/**
 * The changes of an innovation created with `values`, as JSON: every value from null, and the
 * provenance marker after the first (where the field-by-field merge put it), i.e. what
 * JSON.stringify gives for the changes object the merge keeps for existing innovations, written
 * without building that object (two per column per new innovation).
 */
export function createdChanges(values: Record<string, unknown>): string {
	let json = '';
	for (const column in values) {
		const change = `${JSON.stringify(column)}:{"from":null,"to":${JSON.stringify(values[column])}}`;
		json = json === '' ? `{${change},"provenance":{"from":null,"to":null}` : `${json},${change}`;
	}
	return json === '' ? '{}' : `${json}}`;
}
