/**
 * Which source wins each canonical field when several linked records have a value: a default
 * order plus per-field overrides, keyed by the innovations column the provenance is recorded on.
 * Pure; the JSON file that overrides it is read by `config/source-priority.ts`.
 */
import { z } from 'zod';
import type { SourceKey } from '../../db/schema';
import { CANONICAL_COLUMNS } from './canonical-fields';

export interface SourcePriority {
	/** First wins, for every column without its own order. */
	default: readonly SourceKey[];
	/** Column (e.g. `stage`) -> its own order. */
	fields: Readonly<Partial<Record<string, readonly SourceKey[]>>>;
}

export const SOURCE_KEYS: readonly SourceKey[] = ['panrb', 'kemendagri', 'lan'];

/**
 * PANRB's KIPP entries are curated by a jury, so they win by default. Kemendagri's Indeks Inovasi
 * Daerah is re-reported by the regional government every year, so its stage, sustainability
 * status and maturity score are the most current.
 */
export const DEFAULT_SOURCE_PRIORITY: SourcePriority = {
	default: ['panrb', 'kemendagri', 'lan'],
	fields: {
		stage: ['kemendagri', 'panrb', 'lan'],
		sustainability_status: ['kemendagri', 'panrb', 'lan'],
		maturity_score: ['kemendagri', 'panrb', 'lan']
	}
};

const orderSchema = z
	.array(z.enum(['panrb', 'kemendagri', 'lan'], { error: 'Sumber harus salah satu dari: panrb, kemendagri, lan.' }))
	.min(1, 'Urutan sumber tidak boleh kosong.')
	.refine((order) => new Set(order).size === order.length, 'Satu sumber disebut dua kali dalam satu urutan.');

export const sourcePrioritySchema = z
	.object(
		{
			default: orderSchema,
			fields: z.record(z.string(), orderSchema).default({})
		},
		{ error: 'Prioritas sumber harus berupa objek JSON {"default": [...], "fields": {...}}.' }
	)
	.strict()
	.superRefine((value, ctx) => {
		const CANONICAL_COLUMN_NAMES: readonly string[] = Object.values(CANONICAL_COLUMNS);
		for (const column of Object.keys(value.fields)) {
			if (!CANONICAL_COLUMN_NAMES.includes(column)) {
				ctx.addIssue({
					code: 'custom',
					path: ['fields', column],
					message: `Kolom "${column}" tidak dikenal. Kolom yang dapat diatur: ${CANONICAL_COLUMN_NAMES.join(', ')}.`
				});
			}
		}
	});

/** A parsed configuration, or the Indonesian messages explaining what is wrong with it. */
export function parseSourcePriority(input: unknown): { ok: true; value: SourcePriority } | { ok: false; messages: string[] } {
	const result = sourcePrioritySchema.safeParse(input);
	if (result.success) return { ok: true, value: result.data };
	return {
		ok: false,
		messages: result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
	};
}

/** A plain list of sources (the older form) means the same order for every column. */
export function toSourcePriority(priority: SourcePriority | readonly SourceKey[] | undefined): SourcePriority {
	if (!priority) return DEFAULT_SOURCE_PRIORITY;
	if (Array.isArray(priority)) return { default: priority as readonly SourceKey[], fields: {} };
	return priority as SourcePriority;
}

/**
 * Rank of a source for one column: lower wins. Sources missing from the order rank after
 * those listed; `manual` (an edit in the registry) is never ranked here, callers keep it.
 */
export function sourceRank(priority: SourcePriority, column: string, source: string): number {
	const order = priority.fields[column] ?? priority.default;
	const index = order.indexOf(source as SourceKey);
	return index < 0 ? order.length : index;
}
