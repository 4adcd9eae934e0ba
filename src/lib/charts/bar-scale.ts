/**
 * Widths of CSS bars as percentages of the largest value. A value above zero always gets a
 * sliver (`minVisible`) so that "a few" never looks like "none".
 */
export function barWidths(values: readonly number[], minVisible = 0.5): number[] {
	const max = values.reduce((m, v) => (Number.isFinite(v) && v > m ? v : m), 0);
	if (max === 0) return values.map(() => 0);
	return values.map((v) => {
		if (!Number.isFinite(v) || v <= 0) return 0;
		const percent = Math.round((v / max) * 1000) / 10;
		return Math.max(percent, minVisible);
	});
}

/** Each value's share of the total, in whole percent (for "35%" labels). */
export function shares(values: readonly number[]): number[] {
	const total = values.reduce((sum, v) => sum + (Number.isFinite(v) && v > 0 ? v : 0), 0);
	return values.map((v) => (total === 0 || !(v > 0) ? 0 : Math.round((v / total) * 100)));
}
