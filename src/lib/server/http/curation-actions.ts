import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError } from '../errors';
import { describeProblems } from './page-errors';

/**
 * Form actions of the curator pages: the form parsed with zod (the first problems as one
 * Indonesian sentence, status 400) and a service's AppError as `fail(status, { message })`, so the
 * page shows the message above the form and nothing changed.
 */
export type ActionFailure = { ok: false; message: string; target: string | null };

export function parseForm<T extends z.ZodType>(schema: T, form: FormData, target: string | null = null) {
	const parsed = schema.safeParse(Object.fromEntries(form));
	if (!parsed.success) return { failure: fail(400, { ok: false, message: describeProblems(parsed.error), target } satisfies ActionFailure) };
	return { data: parsed.data as z.infer<T> };
}

export async function runAction<T>(work: () => Promise<T>, target: string | null = null) {
	try {
		return { value: await work() };
	} catch (error) {
		if (error instanceof AppError) return { failure: fail(error.status, { ok: false, message: error.message, target } satisfies ActionFailure) };
		throw error;
	}
}
