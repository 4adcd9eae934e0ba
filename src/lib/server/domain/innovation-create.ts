import { z } from 'zod';
import { innovationChangesSchema } from './innovation-edit';
import { foldText } from './matching/similarity';
import { analyseTitle, compareTitles } from './matching/titles';

/**
 * A new innovation entered by hand: the edit schema's fields (same rules and messages), with a
 * title and a summary required, and the owning agency (operators may leave it out: always their
 * own). Unknown keys are refused in Bahasa Indonesia, like every other problem.
 */
const required = (label: string, min: number, max: number) =>
	z
		.string({ error: (issue) => (issue.input === undefined || issue.input === null ? `${label} wajib diisi` : `${label} harus berupa teks`) })
		.trim()
		.min(1, { error: `${label} wajib diisi`, abort: true })
		.min(min, `${label} minimal ${min} karakter`)
		.max(max, `${label} maksimal ${max} karakter`);

const unknownKeys = (issue: { code?: string; keys?: string[] }) =>
	issue.code === 'unrecognized_keys' ? `Kolom tidak dikenal: ${issue.keys!.join(', ')}` : undefined;

export const TITLE_MIN = 3;
export const SUMMARY_MIN = 20;

export const newInnovationSchema = z.strictObject(
	{
		...innovationChangesSchema.shape,
		title: required('Judul', TITLE_MIN, 300),
		summary: required('Ringkasan', SUMMARY_MIN, 20_000),
		agencyId: z.preprocess(
			(v) => (v === '' || v === null ? undefined : v),
			z
				.string({ error: 'Id instansi harus berupa teks' })
				.trim()
				.max(100, 'Id instansi maksimal 100 karakter')
				.regex(/^[a-z0-9][a-z0-9._-]*$/, 'Id instansi hanya boleh berisi huruf kecil, angka, titik, garis bawah dan tanda hubung, mis. pemkab-53.09')
				.optional()
		)
	},
	{ error: (issue) => unknownKeys(issue as { code?: string; keys?: string[] }) }
);

export type NewInnovation = z.infer<typeof newInnovationSchema>;

/**
 * How far a similar innovation found by the search engine is from being the same one. Only the
 * titles decide "strong": the same short name, or the same long form up to a typo per word
 * (domain/matching/titles). A strong match must be confirmed before saving ("Tetap simpan").
 */
export interface DraftMatch {
	strong: boolean;
	/** Why, in Bahasa Indonesia (empty when not strong: the search engine found shared words). */
	reason: string | null;
}

export function compareDraftTitle(enteredTitle: string, existingTitle: string): DraftMatch {
	const entered = analyseTitle(enteredTitle);
	const existing = analyseTitle(existingTitle);
	const comparison = compareTitles(entered, existing);
	if (comparison.relation !== 'same-acronym' && comparison.relation !== 'same-expansion') return { strong: false, reason: null };
	if (foldText(enteredTitle) === foldText(existingTitle)) return { strong: true, reason: 'Judulnya sama' };
	if (comparison.relation === 'same-acronym' && entered.hasBoth && existing.hasBoth) return { strong: true, reason: 'Nama singkatnya sama' };
	return { strong: true, reason: 'Judulnya hampir sama' };
}

// --- What every write on an existing innovation carries ------------------------------------

const numberFrom = (v: unknown) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v);

/** The version the editor loaded (a form's hidden field, the API's `version`). */
export const innovationVersionSchema = z.preprocess(
	numberFrom,
	z
		.number({ error: (issue) => (issue.input === undefined || issue.input === '' ? 'Versi inovasi wajib dikirim' : 'Versi inovasi harus berupa angka') })
		.int('Versi inovasi harus berupa angka')
		.min(1, 'Versi inovasi harus berupa angka')
);

/** Why something was changed (optional; kept in the history). */
export const changeReasonSchema = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
	z.string({ error: 'Alasan harus berupa teks' }).trim().max(1000, 'Alasan maksimal 1000 karakter').optional()
);

/** Why an innovation is deleted (required; shown in its history). Same rule as deleteInnovation. */
export const deleteReasonSchema = z
	.string({ error: (issue) => (issue.input === undefined ? 'Alasan penghapusan wajib diisi' : 'Alasan penghapusan harus berupa teks') })
	.trim()
	.min(5, 'Alasan penghapusan minimal 5 karakter.')
	.max(1000, 'Alasan penghapusan maksimal 1000 karakter.');

/** An edit as one JSON object (PATCH): the fields that change, the version, and a reason. */
export const innovationEditSchema = z.strictObject(
	{ ...innovationChangesSchema.shape, version: innovationVersionSchema, reason: changeReasonSchema },
	{ error: (issue) => unknownKeys(issue as { code?: string; keys?: string[] }) }
);
