// See https://svelte.dev/docs/kit/types#app.d.ts
import type { AppDatabase } from '$lib/server/db/database';

declare global {
	namespace App {
		interface Error {
			code: string;
			message: string;
		}
		interface Locals {
			db: AppDatabase;
		}
	}
}

export {};
