import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

/** A mistake in how a command was called: shown with a pointer to --help, exit code 2. */
export class UsageError extends Error {
	constructor(
		message: string,
		public readonly command?: string
	) {
		super(message);
		this.name = 'UsageError';
	}
}

/** A failure the user can fix outside the registry (a missing build, a busy port): exit 1. */
export class CliError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CliError';
	}
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Reads a command's flags with node:util parseArgs, turning its English errors into Bahasa
 * Indonesia, then validates them with the command's zod schema (which receives the flag
 * values plus `positionals`).
 */
export function parseCommandArgs<T extends z.ZodType>(
	command: string,
	argv: string[],
	options: Options,
	schema: T,
	{ positionals = 0 }: { positionals?: number } = {}
): z.output<T> {
	let parsed: { values: Record<string, unknown>; positionals: string[] };
	try {
		parsed = parseArgs({ args: argv, options, allowPositionals: positionals > 0, strict: true });
	} catch (error) {
		throw new UsageError(translateParseError(error), command);
	}
	if (parsed.positionals.length > positionals) {
		throw new UsageError(`Argumen tidak dikenal: ${parsed.positionals[positionals]}.`, command);
	}
	const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
	if (!result.success) {
		throw new UsageError(result.error.issues.map((issue) => issue.message).join('\n'), command);
	}
	return result.data;
}

function translateParseError(error: unknown): string {
	const code = (error as { code?: string }).code;
	const message = error instanceof Error ? error.message : String(error);
	const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
	const flag = /--[a-z0-9-]+/i.exec(quoted)?.[0] ?? quoted;
	switch (code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `Opsi tidak dikenal: ${flag}.`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			if (/does not take/.test(message)) return `Opsi ${flag} tidak menerima nilai.`;
			if (/ambiguous/.test(message)) return `Nilai opsi ${flag} diawali tanda minus: tulis ${flag}=NILAI.`;
			return `Opsi ${flag} memerlukan nilai.`;
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return `Argumen tidak dikenal: ${quoted}.`;
		default:
			return `Argumen tidak dapat dibaca: ${message}`;
	}
}
