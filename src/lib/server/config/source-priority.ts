import { readFileSync } from 'node:fs';
import { DEFAULT_SOURCE_PRIORITY, parseSourcePriority, type SourcePriority } from '../domain/import/source-priority';
import { AppError } from '../errors';

let cached: { file: string | undefined; value: SourcePriority } | undefined;

/**
 * The source priority in force: the file named by SOURCE_PRIORITY_FILE, else the default.
 * Read once per file name; a missing or invalid file stops the import with the reasons.
 */
export function configuredSourcePriority(): SourcePriority {
	// Read on its own (not through loadConfig) so importing never depends on unrelated settings.
	return sourcePriorityFromFile(process.env.SOURCE_PRIORITY_FILE?.trim() || undefined);
}

export function sourcePriorityFromFile(file: string | undefined): SourcePriority {
	if (cached && cached.file === file) return cached.value;
	let value = DEFAULT_SOURCE_PRIORITY;
	if (file) {
		let json: unknown;
		try {
			json = JSON.parse(readFileSync(file, 'utf8'));
		} catch (error) {
			const reason = error instanceof SyntaxError ? 'isinya bukan JSON yang sah' : 'berkas tidak dapat dibaca';
			throw new AppError('VALIDATION_FAILED', `Berkas prioritas sumber ${file}: ${reason}.`);
		}
		const parsed = parseSourcePriority(json);
		if (!parsed.ok) throw new AppError('VALIDATION_FAILED', `Berkas prioritas sumber ${file} tidak sah: ${parsed.messages.join(' ')}`);
		value = parsed.value;
	}
	cached = { file, value };
	return value;
}
