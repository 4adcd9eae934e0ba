import { z } from 'zod';
import { AppError } from '../errors';

/**
 * Tuning of imports from the environment. The fields are part of the app's configuration
 * (env.ts extends its schema with them, so `serve` refuses a wrong value at start), and an
 * import reads them on its own, so that importing from the command line never depends on
 * unrelated settings.
 */
export const importSettingsShape = {
	// Batch transactions written at once (decision 010); PGlite writes one at a time whatever this says.
	IMPORT_WRITE_CONCURRENCY: z.coerce
		.number({ error: 'IMPORT_WRITE_CONCURRENCY harus berupa angka' })
		.int('IMPORT_WRITE_CONCURRENCY harus bilangan bulat')
		.min(1, 'IMPORT_WRITE_CONCURRENCY minimal 1')
		.max(16, 'IMPORT_WRITE_CONCURRENCY maksimal 16')
		.default(3),
	// 1: rows are read and normalised in a worker thread; 0: in-process; unset: a worker for CSV/JSON of 2 MB or more.
	IMPORT_PREPARE_WORKER: z
		.enum(['0', '1', ''], { error: 'IMPORT_PREPARE_WORKER harus 0 atau 1 (kosongkan untuk otomatis)' })
		.optional()
		.transform((value) => (value === '' ? undefined : value))
};

const importSettingsSchema = z.object(importSettingsShape);
export type ImportSettings = z.infer<typeof importSettingsSchema>;

/** The import settings of this environment; a wrong value stops the import with its reason. */
export function importSettings(env: Record<string, string | undefined> = process.env): ImportSettings {
	const parsed = importSettingsSchema.safeParse(env);
	if (parsed.success) return parsed.data;
	throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((issue) => issue.message).join('; '));
}
