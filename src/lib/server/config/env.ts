import { z } from 'zod';

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
	SEED_DEMO: z
		.enum(['auto', 'never'], { error: 'SEED_DEMO harus "auto" atau "never"' })
		.default('auto'),
	PAGE_CACHE_SECONDS: z.coerce
		.number({ error: 'PAGE_CACHE_SECONDS harus berupa angka' })
		.int('PAGE_CACHE_SECONDS harus bilangan bulat')
		.min(0, 'PAGE_CACHE_SECONDS minimal 0')
		.max(3600, 'PAGE_CACHE_SECONDS maksimal 3600')
		.default(10),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info')
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
