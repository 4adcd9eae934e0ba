// See https://svelte.dev/docs/kit/types#app.d.ts
import type { AppDatabase } from '$lib/server/db/database';
import type { Actor } from '$lib/server/policy';
import type { SessionView } from '$lib/server/services/resolve-session';

declare global {
	namespace App {
		interface Error {
			code: string;
			message: string;
		}
		interface Locals {
			db: AppDatabase;
			/** Who is signed in (set by the auth hook); null for the public. */
			actor: Actor | null;
			/** The signed-in session (its CSRF token and the user's name), set with actor. */
			session?: SessionView | null;
		}
	}
}

export {};
