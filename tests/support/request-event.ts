import { isActionFailure, isHttpError, isRedirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { AppDatabase } from '../../src/lib/server/db/database';
import { authenticate } from '../../src/lib/server/http/auth';

/**
 * A RequestEvent for calling hooks, page loads and form actions directly, with a cookie jar
 * that records what the server sets. `cookie` is a Cookie header ('a=1; b=2'); `form` is sent
 * as application/x-www-form-urlencoded (or multipart when `multipart` is set).
 */
export interface EventOptions {
	db: AppDatabase;
	method?: string;
	/** Path with query string, e.g. '/masuk?kembali=/akun'. */
	path: string;
	cookie?: string;
	form?: Record<string, string>;
	multipart?: boolean;
	json?: unknown;
	headers?: Record<string, string>;
	params?: Record<string, string>;
	address?: string;
	origin?: string;
}

export interface CookieJar {
	/** Cookies as the next request would send them. */
	values: Map<string, string>;
	/** Every Set-Cookie the server made: name -> value ('' when deleted) and options. */
	set: Map<string, { value: string; options: Record<string, unknown> }>;
}

export interface TestEvent {
	event: RequestEvent;
	jar: CookieJar;
	/** Headers given to setHeaders. */
	headers: Record<string, string>;
}

export function requestEvent(options: EventOptions): TestEvent {
	const url = new URL(options.path, options.origin ?? 'http://localhost');
	const method = options.method ?? (options.form || options.json !== undefined ? 'POST' : 'GET');
	const headers = new Headers(options.headers);
	if (options.cookie) headers.set('cookie', options.cookie);
	let body: BodyInit | undefined;
	if (options.form) {
		if (options.multipart) {
			const data = new FormData();
			for (const [k, v] of Object.entries(options.form)) data.append(k, v);
			body = data;
		} else {
			body = new URLSearchParams(options.form);
			headers.set('content-type', 'application/x-www-form-urlencoded');
		}
	} else if (options.json !== undefined) {
		body = JSON.stringify(options.json);
		headers.set('content-type', 'application/json');
	}
	const request = new Request(url, { method, headers, body });
	const jar: CookieJar = { values: parseCookieHeader(options.cookie ?? ''), set: new Map() };
	const cookies: Cookies = {
		get: (name) => jar.values.get(name),
		getAll: () => [...jar.values].map(([name, value]) => ({ name, value })),
		set: (name, value, opts) => {
			jar.values.set(name, value);
			jar.set.set(name, { value, options: opts as unknown as Record<string, unknown> });
		},
		delete: (name, opts) => {
			jar.values.delete(name);
			jar.set.set(name, { value: '', options: opts as unknown as Record<string, unknown> });
		},
		serialize: () => ''
	};
	const setHeaders: Record<string, string> = {};
	const event = {
		url,
		request,
		params: options.params ?? {},
		cookies,
		locals: { db: options.db, actor: null, session: null },
		route: { id: null },
		getClientAddress: () => options.address ?? '192.0.2.10',
		setHeaders: (h: Record<string, string>) => {
			for (const [k, v] of Object.entries(h)) {
				if (k.toLowerCase() in setHeaders) throw new Error(`"${k}" header is already set`);
				setHeaders[k.toLowerCase()] = v;
			}
		},
		isDataRequest: false,
		isSubRequest: false,
		fetch
	} as unknown as RequestEvent;
	return { event, jar, headers: setHeaders };
}

/** The event with locals.actor/session set from its cookies, as the hook does. */
export async function authenticatedEvent(options: EventOptions): Promise<TestEvent> {
	const built = requestEvent(options);
	await authenticate(built.event, { sessionDays: 14 });
	return built;
}

export function parseCookieHeader(header: string): Map<string, string> {
	const map = new Map<string, string>();
	for (const part of header.split(';')) {
		const i = part.indexOf('=');
		if (i > 0) map.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
	}
	return map;
}

/** Runs a form action or load and returns what it threw (redirect, error) or returned. */
export async function outcome(work: () => unknown): Promise<
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'error'; status: number; body: { code?: string; message: string } }
	| { kind: 'failure'; status: number; data: Record<string, unknown> }
	| { kind: 'value'; value: any }
> {
	try {
		const value = (await work()) as any;
		if (isActionFailure(value)) return { kind: 'failure', status: value.status, data: value.data as unknown as Record<string, unknown> };
		return { kind: 'value', value };
	} catch (error) {
		if (isRedirect(error)) return { kind: 'redirect', status: error.status, location: error.location };
		if (isHttpError(error)) return { kind: 'error', status: error.status, body: error.body };
		throw error;
	}
}
