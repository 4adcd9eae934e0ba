import { z } from 'zod';
import { importSettingsShape } from './import-settings';

/**
 * Runtime configuration, read once from the environment and validated with zod so that a
 * wrong value stops start-up with a clear message instead of failing later.
 */
const envSchema = z.object({
	PORT: z.coerce
		.number({ error: 'PORT harus berupa angka' })
		.int('PORT harus bilangan bulat')
		.min(1, 'PORT minimal 1')
		.max(65535, 'PORT maksimal 65535')
		.default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL harus berupa URL postgres:// atau postgresql://')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	DATA_DIR: z.string().min(1, 'DATA_DIR tidak boleh kosong').default('./data'),
	BASE_URL: z
		.url({ error: 'BASE_URL harus berupa URL lengkap, mis. https://jippnas.example.go.id' })
		.optional()
		.or(z.literal('').transform(() => undefined)),
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
	// `serve` on PostgreSQL: how many server processes share the port (decision 009). PGlite is
	// one process's alone, so it always runs one.
	WEB_CONCURRENCY: z.coerce
		.number({ error: 'WEB_CONCURRENCY harus berupa angka' })
		.int('WEB_CONCURRENCY harus bilangan bulat')
		.min(1, 'WEB_CONCURRENCY minimal 1')
		.max(64, 'WEB_CONCURRENCY maksimal 64')
		.default(1),
	SEED_DEMO: z
		.enum(['auto', 'never'], { error: 'SEED_DEMO harus "auto" atau "never"' })
		.default('auto'),
	PAGE_CACHE_SECONDS: z.coerce
		.number({ error: 'PAGE_CACHE_SECONDS harus berupa angka' })
		.int('PAGE_CACHE_SECONDS harus bilangan bulat')
		.min(0, 'PAGE_CACHE_SECONDS minimal 0')
		.max(3600, 'PAGE_CACHE_SECONDS maksimal 3600')
		.default(10),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
	...importSettingsShape,
	// A JSON file overriding which source wins each canonical field (see domain/import/source-priority.ts).
	SOURCE_PRIORITY_FILE: z
		.string()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	// Imports started from the web: the largest file accepted, and how long a running import may
	// go without a sign of life before it counts as interrupted and is started again.
	IMPORT_MAX_UPLOAD_MB: z.coerce
		.number({ error: 'IMPORT_MAX_UPLOAD_MB harus berupa angka' })
		.int('IMPORT_MAX_UPLOAD_MB harus bilangan bulat')
		.min(1, 'IMPORT_MAX_UPLOAD_MB minimal 1')
		.max(1024, 'IMPORT_MAX_UPLOAD_MB maksimal 1024')
		.default(50),
	IMPORT_STALE_MINUTES: z.coerce
		.number({ error: 'IMPORT_STALE_MINUTES harus berupa angka' })
		.int('IMPORT_STALE_MINUTES harus bilangan bulat')
		.min(1, 'IMPORT_STALE_MINUTES minimal 1')
		.max(1440, 'IMPORT_STALE_MINUTES maksimal 1440')
		.default(5),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'SMTP_URL harus berupa URL smtp:// atau smtps://, mis. smtps://user:sandi@mail.example.go.id:465')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	MAIL_FROM: z
		.string()
		.regex(/^(.+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'MAIL_FROM harus berupa alamat e-mail, mis. "JIPPNas <noreply@example.go.id>"')
		.default('JIPPNas <noreply@jippnas.invalid>'),
	SESSION_DAYS: z.coerce
		.number({ error: 'SESSION_DAYS harus berupa angka' })
		.int('SESSION_DAYS harus bilangan bulat')
		.min(1, 'SESSION_DAYS minimal 1')
		.max(90, 'SESSION_DAYS maksimal 90')
		.default(14),
	// Replication documents (PDF, JPEG, PNG): the largest file accepted, and where they are kept
	// (named by SHA-256; default DATA_DIR/berkas, see storage/file-store.ts).
	UPLOAD_MAX_MB: z.coerce
		.number({ error: 'UPLOAD_MAX_MB harus berupa angka' })
		.int('UPLOAD_MAX_MB harus bilangan bulat')
		.min(1, 'UPLOAD_MAX_MB minimal 1')
		.max(200, 'UPLOAD_MAX_MB maksimal 200')
		.default(10),
	FILES_DIR: z
		.string()
		.optional()
		.or(z.literal('').transform(() => undefined))
});

export type AppConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {
	constructor(public readonly problems: string[]) {
		super(`Konfigurasi tidak valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
	const result = envSchema.safeParse(env);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
		);
	}
	return result.data;
}

let cached: AppConfig | undefined;

/** The configuration of this process (validated on first use). */
export function loadConfig(): AppConfig {
	cached ??= parseConfig(process.env);
	return cached;
}
