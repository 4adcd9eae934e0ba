import { error } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError } from '../errors';

/**
 * Pages show domain errors on the error page with the status and Indonesian message of the
 * error table; anything else is rethrown for handleError (logged, shown without details).
 */
export function throwPageError(cause: unknown): never {
	if (cause instanceof AppError) error(cause.status, { code: cause.code, message: cause.message });
	throw cause;
}

/** Awaits a service call, turning its AppError into the error page. */
export async function orPageError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (cause) {
		throwPageError(cause);
	}
}

/** A bad query string (filters, page number): status 400 with every problem spelled out. */
export function badQuery(message: string): never {
	error(400, { code: 'VALIDATION_FAILED', message });
}

/** The problems of a failed zod parse as one sentence list ("Tahun minimal 1945; SDG harus ..."). */
export function describeProblems(zodError: z.ZodError): string {
	return [...new Set(zodError.issues.map((issue) => issue.message))].join('; ');
}
