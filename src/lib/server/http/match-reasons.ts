/**
 * A stored match reason as one line for people. The matcher (domain/matching/score.ts) writes
 * {feature, value, weight, note}: the note says what was compared, value how well it agreed and
 * weight how much that feature counts in the score. Older or hand-written reasons may be text.
 */
const percent = (n: number) => `${Math.round(n * 100)}%`;

export function describeMatchReason(reason: unknown): string {
	if (typeof reason === 'string') return reason;
	if (reason && typeof reason === 'object') {
		const record = reason as Record<string, unknown>;
		const text = record.note ?? record.message ?? record.reason ?? record.label;
		if (typeof text === 'string') {
			const { value, weight } = record;
			if (typeof value === 'number' && typeof weight === 'number') {
				return weight > 0 ? `${text} — kecocokan ${percent(value)}, bobot ${percent(weight)}` : `${text} (tidak dihitung)`;
			}
			return text;
		}
		return Object.entries(record)
			.map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
			.join(', ');
	}
	return String(reason);
}
