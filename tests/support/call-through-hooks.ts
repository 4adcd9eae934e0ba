import type { RequestHandler } from '@sveltejs/kit';
import { handle } from '../../src/hooks.server';
import type { TestDatabase } from './test-database';
import { requestEvent } from './request-event';

/**
 * Calls an API handler the way the server does: through the hooks (session cookie -> actor,
 * CSRF check of writes, security headers), then the handler. The test file must have handed its
 * database to the hooks first (`provideAppDatabase`).
 */
export interface HookCall {
	db: TestDatabase;
	/** Path with query string. */
	path: string;
	method?: string;
	params?: Record<string, string>;
	/** The session: its Cookie header and, for writes, the x-csrf-token to send (omit: none). */
	cookie?: string;
	csrf?: string;
	json?: unknown;
	form?: Record<string, string>;
	headers?: Record<string, string>;
}

export interface HookResult<T = any> {
	status: number;
	headers: Headers;
	body: T;
	/** Whether the hooks let the request reach the handler. */
	reached: boolean;
}

export async function callThroughHooks<T = any>(handler: RequestHandler | undefined, call: HookCall): Promise<HookResult<T>> {
	if (!handler) throw new Error(`No handler for ${call.path}`);
	const headers: Record<string, string> = { ...call.headers };
	if (call.csrf !== undefined) headers['x-csrf-token'] = call.csrf;
	const built = requestEvent({
		db: call.db,
		path: call.path,
		method: call.method,
		params: call.params,
		cookie: call.cookie,
		json: call.json,
		form: call.form,
		headers
	});
	let reached = false;
	const response = await handle({
		event: built.event,
		resolve: async (event) => {
			reached = true;
			return handler(event as never);
		}
	});
	const isJson = response.headers.get('content-type')?.startsWith('application/json');
	const body = (isJson ? await response.json() : await response.text()) as T;
	return { status: response.status, headers: response.headers, body, reached };
}
