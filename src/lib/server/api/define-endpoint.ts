import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { AppError, presentError, type ErrorCode } from '../errors';
import type { Actor } from '../policy';
import { chooseAnswerEncoding, compressAnswer, COMPRESS_MIN_BYTES } from '../http/content-encoding';
import { PreparedJson } from '../http/prepared-json';
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
 *
 * Most endpoints are public (`auth: 'public'`, the same answer for everyone, cacheable). Some
 * read the signed-in person from the session cookie (locals.actor, set by the auth hook):
 * `auth: 'optional'` answers the public and adds what the signed-in may see (such answers are
 * private, never cached); `auth: 'required'` answers 401 UNAUTHENTICATED without a session.
 * Writes (POST, PATCH, DELETE) are always 'required'; POST and PATCH take a JSON object body,
 * parsed like the parameters (DELETE says what it needs in the query). The hook has already
 * refused every write without the session's `x-csrf-token` header.
 */

export type ApiTag = 'Inovasi' | 'Pencarian' | 'Instansi' | 'Wilayah' | 'Hub' | 'Replikasi' | 'Statistik' | 'Dokumentasi';
export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Methods that change something: a session and the CSRF header are required. */
export const isWriteMethod = (method: ApiMethod) => method !== 'GET';
export type EndpointAuth = 'public' | 'optional' | 'required';

type AnyObject = z.ZodObject;
type NoParameters = z.ZodObject<{}>;
type RawValues<S extends AnyObject> = Partial<Record<keyof S['shape'], string>>;

export interface RequestExample<Q extends AnyObject, P extends AnyObject, B extends AnyObject = NoParameters> {
	query?: RawValues<Q>;
	params?: RawValues<P>;
	/** The JSON body (POST, PATCH). */
	body?: { [K in keyof B['shape']]?: unknown };
}

export interface EndpointSpec<
	Q extends AnyObject,
	P extends AnyObject,
	R extends z.ZodType,
	B extends AnyObject = NoParameters,
	A extends EndpointAuth = 'public'
> {
	method: ApiMethod;
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
	/** The JSON object a POST or PATCH sends. */
	body?: B;
	/** Who may call (see above); default 'public' for GET, and writes must say 'required'. */
	auth?: A;
	/** The status of a successful answer: 200 (default) or 201 when something was created. */
	status?: 200 | 201;
	/** A named component schema (see schema-registry `component`). */
	response: R;
	/**
	 * The handler builds its answer field by field with a presenter, so it is sent as built
	 * instead of being parsed again (checking a 40 KB search answer cost more than building it).
	 * tests/db/api-response-schemas.test.ts parses each such presenter's output with the schema
	 * and requires it unchanged. Such a handler may also answer a PreparedJson of that output
	 * (serialised once by its owner, e.g. a cache).
	 */
	presented?: true;
	/**
	 * Answered straight on Node's request by `serve`, before SvelteKit (see direct-routes.ts): for
	 * the busiest public reads, whose answers are mostly kept already, where SvelteKit's request
	 * and response objects cost as much CPU as finding the answer. Only a public GET without path
	 * parameters, whose handler uses nothing of `event` but `url` and `setHeaders`.
	 */
	direct?: true;
	/** Headers of a successful answer besides Cache-Control, for the OpenAPI document (name -> description). */
	headers?: Record<string, string>;
	/**
	 * Domain errors this endpoint may answer with, besides VALIDATION_FAILED, INTERNAL and those
	 * of its `auth` (UNAUTHENTICATED; CSRF_INVALID for writes), which are added by themselves.
	 */
	errors?: ErrorCode[];
	/** A realistic request for the docs' curl example; `invalid` shows the 400 answer. */
	examples?: { request?: RequestExample<Q, P, B>; invalid?: RequestExample<Q, P, B> };
	handler: (input: {
		query: z.output<Q>;
		params: z.output<P>;
		/** The parsed body; `rawBody` is the object as sent, for services that parse it themselves. */
		body: z.output<B>;
		rawBody: Record<string, unknown>;
		/** The signed-in person (never null when auth is 'required'). */
		actor: A extends 'required' ? Actor : Actor | null;
		db: Kysely<DB>;
		event: RequestEvent;
	}) => Answer<R> | Promise<Answer<R>>;
}

/** What a handler answers: the response's value, or (`presented` endpoints) it serialised already. */
type Answer<R extends z.ZodType> = z.input<R> | PreparedJson<z.input<R>>;

/** What the registry keeps of an endpoint: the declaration with its types erased, and its handler. */
export interface RegisteredEndpoint {
	method: ApiMethod;
	path: string;
	operationId: string;
	tag: ApiTag;
	summary: string;
	description: string;
	query?: AnyObject;
	params?: AnyObject;
	body?: AnyObject;
	auth: EndpointAuth;
	status: 200 | 201;
	response: z.ZodType;
	/** Sent as built, not parsed again (see EndpointSpec.presented). */
	presented: boolean;
	headers: Record<string, string>;
	errors: ErrorCode[];
	examples: { request?: RequestExample<AnyObject, AnyObject, AnyObject>; invalid?: RequestExample<AnyObject, AnyObject, AnyObject> };
	handle: RequestHandler;
	/** The same answer without SvelteKit, for `direct` endpoints (see EndpointSpec.direct). */
	direct: DirectHandler | null;
}

/** An answer as bytes with its headers: what a Response is built from, or a direct route writes. */
export interface EncodedAnswer {
	status: number;
	headers: Record<string, string>;
	body: Uint8Array<ArrayBuffer>;
}

/** A direct endpoint's answer to a GET of `url` (see EndpointSpec.direct). */
export type DirectHandler = (request: { url: URL; acceptEncoding: string | null; db: Kysely<DB> }) => Promise<EncodedAnswer>;

const endpoints = new Map<string, RegisteredEndpoint>();

/** Reading before writing on one address: GET, POST, PATCH, DELETE. */
const METHOD_ORDER: Record<ApiMethod, number> = { GET: 0, POST: 1, PATCH: 2, DELETE: 3 };

export function byPathAndMethod(a: { path: string; method: ApiMethod }, b: { path: string; method: ApiMethod }): number {
	return a.path.localeCompare(b.path) || METHOD_ORDER[a.method] - METHOD_ORDER[b.method];
}

/** Every endpoint defined so far, in path order. */
export function listEndpoints(): RegisteredEndpoint[] {
	return [...endpoints.values()].sort(byPathAndMethod);
}

export const PUBLIC_CACHE = 'public, max-age=60';
/** Answers that depend on who is signed in are never stored by browsers or proxies. */
export const PRIVATE_CACHE = 'private, no-store';

export function defineEndpoint<
	R extends z.ZodType,
	Q extends AnyObject = NoParameters,
	P extends AnyObject = NoParameters,
	B extends AnyObject = NoParameters,
	A extends EndpointAuth = 'public'
>(spec: EndpointSpec<Q, P, R, B, A>): RequestHandler {
	checkDeclaration(spec);
	const auth: EndpointAuth = spec.auth ?? 'public';
	const direct: DirectHandler | null = spec.direct
		? async ({ url, acceptEncoding, db }) => {
				const headers: Record<string, string> = {};
				try {
					const query = spec.query ? parseInput(spec.query, readQuery(spec.query, url.searchParams)) : {};
					const result = await spec.handler({
						query: query as z.output<Q>,
						params: {} as z.output<P>,
						body: {} as z.output<B>,
						rawBody: {},
						actor: null as A extends 'required' ? Actor : Actor | null,
						db,
						event: directEvent(url, headers)
					});
					const answer = encodeAnswer(spec.status ?? 200, serializeAnswer(spec, result), PUBLIC_CACHE, acceptEncoding);
					return { ...answer, headers: { ...answer.headers, ...headers } };
				} catch (error) {
					return errorAnswer(error, `GET ${url.pathname}`);
				}
			}
		: null;
	const handleThroughKit: RequestHandler = async (event) => {
		const actor = auth === 'public' ? null : (event.locals.actor ?? null);
		const cache = auth === 'public' || (auth === 'optional' && !actor) ? PUBLIC_CACHE : PRIVATE_CACHE;
		try {
			// Who is asking comes first: a stranger learns nothing, not even which input is wrong.
			if (auth === 'required' && !actor) throw new AppError('UNAUTHENTICATED');
			const query = spec.query ? parseInput(spec.query, readQuery(spec.query, event.url.searchParams)) : {};
			const params = spec.params ? parseInput(spec.params, event.params) : {};
			const rawBody = spec.body ? await readJsonObject(event.request) : {};
			const body = spec.body ? parseInput(spec.body, rawBody) : {};
			const result = await spec.handler({
				query: query as z.output<Q>,
				params: params as z.output<P>,
				body: body as z.output<B>,
				rawBody,
				actor: actor as A extends 'required' ? Actor : Actor | null,
				db: event.locals.db.db,
				event
			});
			const response = answerResponse(spec.status ?? 200, serializeAnswer(spec, result), cache, event.request);
			if (auth === 'optional') response.headers.append('vary', 'cookie');
			return response;
		} catch (error) {
			return errorResponse(error, event);
		}
	};
	// Through SvelteKit (vite dev, HEAD requests) a direct endpoint runs its direct handler too:
	// one code path, so both answer the same bytes.
	const handle: RequestHandler = direct
		? async (event) => {
				const answer = await direct({ url: event.url, acceptEncoding: event.request.headers.get('accept-encoding'), db: event.locals.db.db });
				return new Response(answer.body, { status: answer.status, headers: answer.headers });
			}
		: handleThroughKit;
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
		body: spec.body,
		auth,
		status: spec.status ?? 200,
		response: spec.response,
		presented: spec.presented === true,
		headers: spec.headers ?? {},
		errors: spec.errors ?? [],
		examples: (spec.examples ?? {}) as RegisteredEndpoint['examples'],
		handle,
		direct
	});
	return handle;
}

/**
 * The request event a direct endpoint's handler gets: its address and setHeaders. Anything else
 * of SvelteKit's event does not exist there, and reading it fails loudly (in the tests) instead
 * of answering differently from the SvelteKit route.
 */
function directEvent(url: URL, headers: Record<string, string>): RequestEvent {
	const available: Record<string | symbol, unknown> = {
		url,
		params: {},
		setHeaders: (set: Record<string, string>) => {
			for (const [name, value] of Object.entries(set)) headers[name.toLowerCase()] = value;
		}
	};
	return new Proxy(available, {
		get(target, key) {
			if (key in target) return target[key];
			throw new Error(`Rute langsung: event.${String(key)} tidak tersedia (lihat EndpointSpec.direct).`);
		}
	}) as unknown as RequestEvent;
}

/** The JSON object a POST or PATCH sends; anything else is the caller's mistake (400). */
async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/json') {
		throw new AppError('VALIDATION_FAILED', 'Isi permintaan harus berupa JSON (Content-Type: application/json).');
	}
	let value: unknown;
	try {
		value = await request.json();
	} catch {
		throw new AppError('VALIDATION_FAILED', 'Isi permintaan bukan JSON yang valid.');
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new AppError('VALIDATION_FAILED', 'Isi permintaan harus berupa objek JSON.');
	}
	return value as Record<string, unknown>;
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

/**
 * Checked and serialised answers by the handler's result object: a handler that answers from a
 * read cache returns the same object again, and checking and serialising a 40 KB answer costs
 * about a millisecond each time. An answer sent a second time is also kept compressed, per
 * encoding. Cached values are never changed in place, which is what makes this safe. A
 * `presented` endpoint's handler may return a PreparedJson instead: serialised by its owner,
 * sent as it is.
 */
const serializedAnswers = new WeakMap<object, WeakMap<z.ZodType, PreparedJson>>();

function serializeAnswer(spec: { response: z.ZodType; presented?: true }, result: unknown): PreparedJson {
	const { response: schema } = spec;
	if (spec.presented && result instanceof PreparedJson) {
		result.sent++;
		return result;
	}
	const serialize = () => PreparedJson.of(spec.presented ? result : schema.parse(result));
	if (result === null || typeof result !== 'object') return serialize();
	let bySchema = serializedAnswers.get(result);
	let known = bySchema?.get(schema);
	if (!known) {
		known = serialize();
		if (!bySchema) serializedAnswers.set(result, (bySchema = new WeakMap()));
		bySchema.set(schema, known);
	}
	known.sent++;
	return known;
}

/**
 * The answer as JSON, compressed here rather than by `serve` (see chooseAnswerEncoding): cheaply
 * the first time, and kept, smaller, once it is sent again.
 */
function answerResponse(status: number, answer: PreparedJson, cacheControl: string, request: Request): Response {
	const encoded = encodeAnswer(status, answer, cacheControl, request.headers.get('accept-encoding'));
	return new Response(encoded.body, { status, headers: encoded.headers });
}

function encodeAnswer(status: number, answer: PreparedJson, cacheControl: string, acceptEncoding: string | null): EncodedAnswer {
	const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': cacheControl };
	const kept = answer.sent > 1;
	const encoding = answer.byteLength >= COMPRESS_MIN_BYTES ? chooseAnswerEncoding(acceptEncoding, kept, answer.encoded) : null;
	// The length is known, so the body goes out in one write with the headers instead of as
	// chunks followed by a separate terminating write (two sends, two wake-ups of the client).
	if (!encoding) {
		const body = answer.bytes;
		return { status, headers: { ...headers, 'content-length': String(body.byteLength) }, body };
	}
	const bytes = answer.encoded[encoding] ?? compressAnswer(answer.bytes, encoding, kept);
	if (kept) answer.encoded[encoding] = bytes;
	return {
		status,
		headers: { ...headers, 'content-encoding': encoding, vary: 'Accept-Encoding', 'content-length': String(bytes.byteLength) },
		body: bytes
	};
}

/** The JSON answer for a thrown value. Errors are never cached: the data may appear a moment later. */
export function errorResponse(error: unknown, event: Pick<RequestEvent, 'request' | 'url'>): Response {
	const answer = errorAnswer(error, `${event.request.method} ${event.url.pathname}`);
	return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** The answer for a thrown value; internal errors are logged (`where`: method and path) and answered without their cause. */
export function errorAnswer(error: unknown, where: string): EncodedAnswer {
	const presented = presentError(error);
	if (presented.status >= 500) console.error(`[${new Date().toISOString()}] ${where}`, error);
	const body = Buffer.from(JSON.stringify(presented.body));
	return {
		status: presented.status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': String(body.byteLength) },
		body
	};
}

/** Mistakes in a declaration fail when the module loads, not when a client first calls it. */
function checkDeclaration(spec: EndpointSpec<AnyObject, AnyObject, z.ZodType, AnyObject, EndpointAuth>): void {
	const where = `${spec.method} ${spec.path}`;
	if (isWriteMethod(spec.method) && spec.auth !== 'required') {
		throw new Error(`${where}: a ${spec.method} endpoint writes, so it must declare auth: 'required'`);
	}
	if (spec.direct && (spec.method !== 'GET' || (spec.auth ?? 'public') !== 'public' || spec.params)) {
		throw new Error(`${where}: only a public GET without path parameters can be direct`);
	}
	if (spec.body && spec.method !== 'POST' && spec.method !== 'PATCH') {
		throw new Error(`${where}: only POST and PATCH endpoints take a body`);
	}
	if (!componentId(spec.response)) {
		throw new Error(`${where}: the response schema must be a named component (schema-registry component())`);
	}
	const templated = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
	const declared = Object.keys(spec.params?.shape ?? {}).sort();
	if (templated.join() !== declared.join()) {
		throw new Error(`${where}: path parameters {${templated.join(', ')}} do not match params (${declared.join(', ')})`);
	}
	const duplicate = [...endpoints.values()].find(
		(e) => e.operationId === spec.operationId && `${e.method} ${e.path}` !== where
	);
	if (duplicate) throw new Error(`${where}: operationId ${spec.operationId} is already used by ${duplicate.method} ${duplicate.path}`);
}

/** Other methods on an existing API address: a JSON 405 naming the allowed methods. */
export function methodsAllowed(...methods: ApiMethod[]): RequestHandler {
	return (event) => {
		const response = errorResponse(new AppError('METHOD_NOT_ALLOWED'), event);
		response.headers.set('allow', methods.join(', '));
		return response;
	};
}

/** The 405 of a GET-only address. */
export const methodNotAllowed: RequestHandler = methodsAllowed('GET');
