import { fail } from '@sveltejs/kit';
import { CHANGE_COLUMNS, type InnovationChanges } from '../domain/innovation-edit';
import { affairLabel, AFFAIRS, SDG_LABELS, STAGE_LABELS, SUSTAINABILITY_LABELS } from '../domain/vocabulary';
import { AppError } from '../errors';

/**
 * The innovation form of /inovasi/baru and /inovasi/[id]/ubah: plain form fields (named as in
 * the API and the edit schema) to the typed input the services parse, the stored values back to
 * form fields, and a service's AppError to `fail(status, { message, values })` so that nothing
 * typed is lost.
 */

/** What the form shows in its fields: text, or the chosen values of a checkbox group. */
export type InnovationFormValues = Record<string, string | string[]>;

const TEXT_FIELDS = [
	'title',
	'acronym',
	'startedOn',
	'summary',
	'problem',
	'aims',
	'novelty',
	'implementation',
	'results',
	'transferability',
	'resources',
	'sustainabilityStrategy',
	'statusVerifiedOn',
	'regulationRef',
	'budgetLine',
	'sopRef',
	'videoUrl'
] as const;

/** The form as the values to show again and the input for the services. */
export function readInnovationForm(form: FormData, options: { withAgency?: boolean } = {}) {
	const values: InnovationFormValues = {};
	const input: Record<string, unknown> = {};
	for (const field of TEXT_FIELDS) {
		const value = text(form, field);
		values[field] = value;
		input[field] = value;
	}
	const year = text(form, 'yearStarted').trim();
	values.yearStarted = year;
	// Not a number: handed on as text, so the schema says "Tahun mulai harus berupa angka".
	input.yearStarted = year === '' ? null : /^\d+$/.test(year) ? Number(year) : year;
	const affair = text(form, 'mainAffair');
	values.mainAffair = affair;
	input.mainAffair = affair === '' ? null : affair;
	const sdgs = form.getAll('sdgs').filter((v): v is string => typeof v === 'string');
	values.sdgs = sdgs;
	input.sdgs = sdgs.map((v) => (/^\d+$/.test(v) ? Number(v) : v));
	const digital = text(form, 'isDigital');
	values.isDigital = digital;
	input.isDigital = digital === 'ya' ? true : digital === 'tidak' ? false : null;
	const stage = text(form, 'stage');
	values.stage = stage;
	if (stage !== '') input.stage = stage;
	const status = text(form, 'sustainabilityStatus');
	values.sustainabilityStatus = status;
	input.sustainabilityStatus = status === '' ? null : status;
	if (options.withAgency) {
		values.agencyId = text(form, 'agencyId').trim();
		input.agencyId = values.agencyId;
	}
	return { values, input };
}

/** Stored values (edit schema names) as form fields. */
export function formValuesOf(values: Partial<InnovationChanges>): InnovationFormValues {
	const out: InnovationFormValues = {};
	for (const field of TEXT_FIELDS) out[field] = (values[field] as string | null | undefined) ?? '';
	out.yearStarted = values.yearStarted === null || values.yearStarted === undefined ? '' : String(values.yearStarted);
	out.mainAffair = values.mainAffair ?? '';
	out.sdgs = (values.sdgs ?? []).map(String);
	out.isDigital = values.isDigital === true ? 'ya' : values.isDigital === false ? 'tidak' : '';
	out.stage = values.stage ?? '';
	out.sustainabilityStatus = values.sustainabilityStatus ?? '';
	return out;
}

/** The choices of the form's lists (labels from the domain vocabulary). */
export function innovationFormOptions() {
	return {
		affairs: AFFAIRS.map((a) => ({ code: a.code, label: a.label })),
		stages: Object.entries(STAGE_LABELS).map(([code, label]) => ({ code, label })),
		statuses: Object.entries(SUSTAINABILITY_LABELS).map(([code, label]) => ({ code, label })),
		sdgs: Object.entries(SDG_LABELS).map(([number, label]) => ({ number: String(number), label }))
	};
}

/** After a refused edit (STALE_VERSION): the version saved now and where it differs from what was typed. */
export interface StaleEdit {
	version: number;
	differences: Array<{ column: string; value: string }>;
}

export interface InnovationFormFailure {
	ok: false;
	/** Which form on the page: 'simpan' (create/edit), 'hapus', 'pulihkan'. */
	action: string;
	message: string;
	values: InnovationFormValues;
	stale: StaleEdit | null;
}

/** Every problem of a refused form in one sentence list (validation lists them all). */
export function messageOf(error: AppError): string {
	const all = [...new Set((error.details ?? []).map((d) => d.message))];
	return all.length > 1 ? all.join('; ') : error.message;
}

export function innovationFormRefusal(
	status: number,
	action: string,
	message: string,
	values: InnovationFormValues = {},
	stale: StaleEdit | null = null
) {
	return fail(status, { ok: false, action, message, values, stale } satisfies InnovationFormFailure);
}

/** Fields whose stored value differs from the typed one: the column (for its label) and the stored value as read. */
export function staleDifferences(typed: InnovationFormValues, stored: InnovationFormValues): StaleEdit['differences'] {
	const out: StaleEdit['differences'] = [];
	for (const [field, column] of Object.entries(CHANGE_COLUMNS)) {
		if (!(field in typed) || JSON.stringify(typed[field]) === JSON.stringify(stored[field])) continue;
		out.push({ column, value: readable(field, stored[field] ?? '') });
	}
	return out;
}

function readable(field: string, value: string | string[]): string {
	if (Array.isArray(value)) return value.join(', ');
	if (field === 'mainAffair') return affairLabel(value) ?? value;
	if (field === 'stage') return STAGE_LABELS[value as keyof typeof STAGE_LABELS] ?? value;
	if (field === 'sustainabilityStatus') return SUSTAINABILITY_LABELS[value as keyof typeof SUSTAINABILITY_LABELS] ?? value;
	if (field === 'isDigital') return value === 'ya' ? 'Ya' : value === 'tidak' ? 'Tidak' : '';
	return value;
}

/** Runs a service; its AppError becomes the form's refusal with what was typed. */
export async function attemptInnovationForm<T>(action: string, values: InnovationFormValues, work: () => Promise<T>) {
	try {
		return { value: await work() };
	} catch (error) {
		if (error instanceof AppError) return { failure: innovationFormRefusal(error.status, action, messageOf(error), values), error };
		throw error;
	}
}

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}
