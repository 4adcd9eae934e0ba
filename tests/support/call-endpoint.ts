import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { AppDatabase } from '../../src/lib/server/db/database';
import type { Actor } from '../../src/lib/server/policy';

/**
 * Calls a SvelteKit request handler (`import { GET } from '.../+server'`) directly, with the
 * smallest RequestEvent the API's handlers read: url, params, locals and request.
 */

/**
 * Who is calling. Every endpoint is public for now; when accounts arrive this gains a signed-in
 * variant and `localsFor` puts the user where the auth hook will, so existing calls keep working.
 */
export type Caller = { kind: 'anonymous' } | { kind: 'actor'; actor: Actor };

export interface CallOptions {
	db: AppDatabase;
	/** Route parameters as SvelteKit would pass them, e.g. `{ id: 'inv-…' }`. */
	params?: Record<string, string>;
	method?: string;
	auth?: Caller;
	/** Request headers, e.g. accept-encoding. */
	headers?: Record<string, string>;
}

export interface EndpointResult<T = unknown> {
	status: number;
	headers: Headers;
	/** Parsed JSON when the answer is JSON, else the text. */
	body: T;
}

function localsFor(options: CallOptions): App.Locals {
	const caller = options.auth ?? { kind: 'anonymous' };
	switch (caller.kind) {
		case 'anonymous':
			return { db: options.db, actor: null } as App.Locals;
		case 'actor':
			return { db: options.db, actor: caller.actor } as App.Locals;
	}
}

/** `target` is the path with its query string, e.g. `/api/v1/innovations?limit=5`. */
export async function callEndpoint<T = unknown>(
	handler: RequestHandler | undefined,
	target: string,
	options: CallOptions
): Promise<EndpointResult<T>> {
	if (!handler) throw new Error(`No handler exported for ${target}`);
	const url = new URL(target, 'http://localhost');
	const request = new Request(url, { method: options.method ?? 'GET', headers: options.headers });
	// Headers given to setHeaders go onto the response, as SvelteKit does.
	const setHeaders: Record<string, string> = {};
	const event = {
		url,
		params: options.params ?? {},
		locals: localsFor(options),
		request,
		route: { id: null },
		setHeaders: (headers: Record<string, string>) => Object.assign(setHeaders, headers)
	} as unknown as RequestEvent;
	const response = await handler(event);
	for (const [name, value] of Object.entries(setHeaders)) response.headers.set(name, value);
	const isJson = response.headers.get('content-type')?.startsWith('application/json');
	// Decoded as a client would (answers the endpoint keeps compressed).
	const bytes = Buffer.from(await response.arrayBuffer());
	const encoding = response.headers.get('content-encoding');
	const text = (encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
	const body = (isJson ? JSON.parse(text) : text) as T;
	return { status: response.status, headers: response.headers, body };
}

/** The error body every failing endpoint answers with. */
export interface ErrorBody {
	error: { code: string; message: string; details?: Array<{ path: string; message: string }> };
}
