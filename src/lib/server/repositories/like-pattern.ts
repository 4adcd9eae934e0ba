/** `%text%` for a case-insensitive LIKE on lower(column), with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
	return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
