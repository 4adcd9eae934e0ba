import type { z } from 'zod';
import { AppError } from '../errors';

/** A zod failure as the VALIDATION_FAILED error: the first problem as the message, all as details. */
export function validationError(error: z.ZodError): AppError {
	const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
	return new AppError('VALIDATION_FAILED', details[0]?.message, details);
}
