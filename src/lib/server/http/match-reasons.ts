/**
 * A match reason as one line of text. Reasons are stored as the matcher wrote them: plain
 * text, or objects with a text (message/reason/label/description) and maybe points.
 */
export function describeMatchReason(reason: unknown): string {
	if (typeof reason === 'string') return reason;
	if (reason && typeof reason === 'object') {
		const record = reason as Record<string, unknown>;
		const text = record.message ?? record.reason ?? record.label ?? record.description;
		if (typeof text === 'string') {
			const points = record.points ?? record.score ?? record.weight;
			return typeof points === 'number' ? `${text} (${points > 0 ? '+' : ''}${points})` : text;
		}
		return Object.entries(record)
			.map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
			.join(', ');
	}
	return String(reason);
}
