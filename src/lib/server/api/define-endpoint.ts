import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { AppError, presentError, type ErrorCode } from '../errors';
import { componentId } from './schema-registry';

/**
 * `defineEndpoint` turns a declaration (path, parameters, response schema, handler) into a
 * SvelteKit request handler and records it in the endpoint registry the OpenAPI document is
 * built from, so the document describes exactly the schemas the routes parse with.
 *
 * The handler it returns: parses query and path parameters (invalid -> 400 VALIDATION_FAILED
 * with the first issue's message), calls the handler, parses the result with the response
 * schema (which also drops anything the schema does not list), and answers JSON. Thrown errors
 * go through presentError; internal ones are logged and answered without their cause.
 */

export type ApiTag = 'Inovasi' | 'Pencarian' | 'Instansi' | 'Wilayah' | 'Hub' | 'Statistik' | 'Dokumentasi';

type AnyObject = z.ZodObject;
type NoParameters = z.ZodObject<{}>;
type RawValues<S extends AnyObject> = Partial<Record<keyof S['shape'], string>>;

export interface RequestExample<Q extends AnyObject, P extends AnyObject> {
	query?: RawValues<Q>;
	params?: RawValues<P>;
}

export interface EndpointSpec<Q extends AnyObject, P extends AnyObject, R extends z.ZodType> {
	method: 'GET';
	/** OpenAPI path template; `{name}` segments must match the params schema's keys. */
	path: `/api/v1${string}`;
	operationId: string;
	tag: ApiTag;
	/** One line, Bahasa Indonesia. */
	summary: string;
	/** A paragraph, Bahasa Indonesia. */
	description: string;
	query?: Q;
	params?: P;
	/** A named component schema (see schema-registry `component`). */
	response: R;
	/** Domain errors this endpoint may answer with, besides VALIDATION_FAILED and INTERNAL. */
	errors?: ErrorCode[];
	/** A realistic request for the docs' curl example; `invalid` shows the 400 answer. */
	examples?: { request?: RequestExample<Q, P>; invalid?: RequestExample<Q, P> };
	handler: (input: {
		query: z.output<Q>;
		params: z.output<P>;
		db: Kysely<DB>;
		event: RequestEvent;
	}) => Promise<z.input<R>> | z.input<R>;
}

/** What the registry keeps of an endpoint: the declaration with its types erased, and its handler. */
export interface RegisteredEndpoint {
	method: 'GET';
	path: string;
	operationId: string;
	tag: ApiTag;
	summary: string;
	description: string;
	query?: AnyObject;
	params?: AnyObject;
	response: z.ZodType;
	errors: ErrorCode[];
	examples: { request?: RequestExample<AnyObject, AnyObject>; invalid?: RequestExample<AnyObject, AnyObject> };
	handle: RequestHandler;
}

const endpoints = new Map<string, RegisteredEndpoint>();

/** Every endpoint defined so far, in path order. */
export function listEndpoints(): RegisteredEndpoint[] {
	return [...endpoints.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

export const PUBLIC_CACHE = 'public, max-age=60';

export function defineEndpoint<
	R extends z.ZodType,
	Q extends AnyObject = NoParameters,
	P extends AnyObject = NoParameters
>(spec: EndpointSpec<Q, P, R>): RequestHandler {
	checkDeclaration(spec);
	const handle: RequestHandler = async (event) => {
		try {
			const query = spec.query ? parseInput(spec.query, readQuery(spec.query, event.url.searchParams)) : {};
			const params = spec.params ? parseInput(spec.params, event.params) : {};
			const result = await spec.handler({
				query: query as z.output<Q>,
				params: params as z.output<P>,
				db: event.locals.db.db,
				event
			});
			return jsonResponse(200, spec.response.parse(result), PUBLIC_CACHE);
		} catch (error) {
			return errorResponse(error, event);
		}
	};
	// A module evaluated again (dev reloads) replaces its earlier registration.
	endpoints.set(`${spec.method} ${spec.path}`, {
		method: spec.method,
		path: spec.path,
		operationId: spec.operationId,
		tag: spec.tag,
		summary: spec.summary,
		description: spec.description,
		query: spec.query,
		params: spec.params,
		response: spec.response,
		errors: spec.errors ?? [],
		examples: (spec.examples ?? {}) as RegisteredEndpoint['examples'],
		handle
	});
	return handle;
}

/** Only the keys the schema knows; a repeated key counts once (its first value). */
export function readQuery(schema: AnyObject, searchParams: URLSearchParams): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const key of Object.keys(schema.shape)) {
		const value = searchParams.get(key);
		if (value !== null) raw[key] = value;
	}
	return raw;
}

/** Parses request input; a failure is the caller's mistake (400) with every problem listed. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
	const parsed = schema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
	throw new AppError('VALIDATION_FAILED', details[0]?.message, details);
}

export function jsonResponse(status: number, body: unknown, cacheControl: string): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': cacheControl }
	});
}

/** The JSON answer for a thrown value. Errors are never cached: the data may appear a moment later. */
export function errorResponse(error: unknown, event: Pick<RequestEvent, 'request' | 'url'>): Response {
	const presented = presentError(error);
	if (presented.status >= 500) {
		console.error(`[${new Date().toISOString()}] ${event.request.method} ${event.url.pathname}`, error);
	}
	return jsonResponse(presented.status, presented.body, 'no-store');
}

/** Mistakes in a declaration fail when the module loads, not when a client first calls it. */
function checkDeclaration(spec: EndpointSpec<AnyObject, AnyObject, z.ZodType>): void {
	const where = `${spec.method} ${spec.path}`;
	if (!componentId(spec.response)) {
		throw new Error(`${where}: the response schema must be a named component (schema-registry component())`);
	}
	const templated = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
	const declared = Object.keys(spec.params?.shape ?? {}).sort();
	if (templated.join() !== declared.join()) {
		throw new Error(`${where}: path parameters {${templated.join(', ')}} do not match params (${declared.join(', ')})`);
	}
	const duplicate = [...endpoints.values()].find((e) => e.operationId === spec.operationId && e.path !== spec.path);
	if (duplicate) throw new Error(`${where}: operationId ${spec.operationId} is already used by ${duplicate.path}`);
}

/** Other methods on an existing API address: a JSON 405 naming the allowed method. */
export const methodNotAllowed: RequestHandler = (event) => {
	const response = errorResponse(new AppError('METHOD_NOT_ALLOWED'), event);
	response.headers.set('allow', 'GET');
	return response;
};
