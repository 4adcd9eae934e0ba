import { z } from 'zod';
import { ERROR_TABLE, presentError, type ErrorCode } from '../errors';
import { SESSION_COOKIE } from '../auth/cookies';
import {
	byPathAndMethod,
	isWriteMethod,
	parseInput,
	PRIVATE_CACHE,
	PUBLIC_CACHE,
	readQuery,
	type ApiTag,
	type RegisteredEndpoint
} from './define-endpoint';
import { apiSchemas, componentId } from './schema-registry';

/**
 * The OpenAPI 3.1 document of /api/v1, built from the registered endpoints and the zod schemas
 * they parse with (z.toJSONSchema, JSON Schema 2020-12 — the dialect of OpenAPI 3.1): request
 * parameters as the client sends them (io 'input'), responses as the server sends them
 * (io 'output'), named response schemas under components.schemas. Deterministic, so that the
 * committed docs/openapi.json can be compared with it.
 */

type JsonSchema = z.core.JSONSchema.BaseSchema;

export interface OpenApiParameter {
	name: string;
	in: 'query' | 'path';
	required: boolean;
	description?: string;
	schema: JsonSchema;
	example?: string;
}

export interface OpenApiOperation {
	operationId: string;
	summary: string;
	description: string;
	tags: string[];
	parameters: OpenApiParameter[];
	requestBody?: {
		required: true;
		content: { 'application/json': { schema: JsonSchema; example?: unknown } };
	};
	/** Absent: public. `[{}, {sesi}]`: the session is optional; `[{sesi, csrf}]`: required. */
	security?: Array<Record<string, string[]>>;
	responses: Record<string, OpenApiResponse>;
}

export type SecurityScheme = { type: 'apiKey'; in: 'cookie' | 'header'; name: string; description: string };

export interface OpenApiResponse {
	description: string;
	headers?: Record<string, { description: string; schema: JsonSchema }>;
	content: { 'application/json': { schema: JsonSchema; examples?: Record<string, { summary: string; value: unknown }> } };
}

// A type literal, not an interface: it must be assignable to the loose response schema.
export type OpenApiDocument = {
	openapi: '3.1.0';
	info: { title: string; version: string; summary: string; description: string };
	tags: Array<{ name: ApiTag; description: string }>;
	paths: Record<string, Record<string, OpenApiOperation>>;
	components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, SecurityScheme> };
};

export const API_VERSION = '1.0.0';

const TAGS: Array<{ name: ApiTag; description: string }> = [
	{
		name: 'Inovasi',
		description:
			'Katalog inovasi pelayanan publik dan detail setiap inovasi. Operator instansi yang masuk menambah, mengubah dan menghapus inovasi instansinya sendiri; admin dan kurator untuk instansi mana pun.'
	},
	{ name: 'Pencarian', description: 'Saran saat mengetik: inovasi, instansi dan wilayah.' },
	{ name: 'Instansi', description: 'Kementerian, lembaga dan pemerintah daerah pemilik inovasi.' },
	{ name: 'Wilayah', description: 'Provinsi dan kabupaten/kota (kode Kemendagri) beserta karakteristiknya.' },
	{ name: 'Hub', description: 'Hub inovasi pusat dan daerah beserta instansi anggotanya.' },
	{
		name: 'Replikasi',
		description:
			'Replikasi inovasi oleh instansi lain: publik melihat replikasi yang selesai; para pihak, fasilitator, admin dan kurator yang masuk melihat rinciannya dan menjalankan langkah-langkahnya.'
	},
	{ name: 'Statistik', description: 'Angka nasional registri.' },
	{ name: 'Dokumentasi', description: 'Dokumen OpenAPI ini.' }
];

const DESCRIPTION = [
	'API publik JIPPNas (Jaringan Inovasi Pelayanan Publik Nasional) menyediakan data registri inovasi pelayanan publik dalam format JSON. Tidak perlu mendaftar atau masuk.',
	'Replikasi yang sedang berjalan hanya terlihat oleh yang masuk dan berhak (pihak replikasi, fasilitator, admin, kurator): kirim cookie sesi jippnas_sesi dari halaman Masuk. Setiap penulisan (POST, PATCH dan DELETE; isi JSON) juga memerlukan header x-csrf-token berisi token CSRF sesi itu. Jawaban untuk yang masuk tidak disimpan di cache (Cache-Control: private, no-store).',
	'Id bersifat stabil: id inovasi berbentuk inv- diikuti 10 huruf/angka, id instansi berupa slug (kemenkes, pemkab-53.09), wilayah memakai kode Kemendagri (53, 53.09). Waktu ditulis dalam ISO 8601 (UTC), tanggal sebagai YYYY-MM-DD.',
	'Daftar dipaginasi dengan limit (1-100, bawaan 20) dan offset, dan dijawab sebagai {"items": [...], "total", "limit", "offset"}. Kolom baru dapat ditambahkan tanpa mengganti versi; abaikan kolom yang tidak Anda kenal.',
	'Galat dijawab dengan status HTTP yang sesuai dan badan {"error": {"code", "message"}}; code stabil untuk program, message dalam Bahasa Indonesia. Masukan yang tidak valid dijawab 400 VALIDATION_FAILED dengan details per parameter.',
	'Jawaban yang berhasil boleh disimpan di cache selama 60 detik (Cache-Control: public, max-age=60).'
].join('\n\n');

/** Makes zod's output read like hand-written OpenAPI without changing what it accepts. */
function tidy({ jsonSchema }: { jsonSchema: JsonSchema }): void {
	// Responses only ever gain fields (see DESCRIPTION), so they must not be declared closed.
	if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
	if (jsonSchema.format && jsonSchema.pattern) delete jsonSchema.pattern;
	if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
	if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
	const names = jsonSchema.propertyNames as JsonSchema | undefined;
	if (names && names.type === 'string' && Object.keys(names).length === 1) delete jsonSchema.propertyNames;
}

const ref = (id: string): JsonSchema => ({ $ref: `#/components/schemas/${id}` });

function componentSchemas(): Record<string, JsonSchema> {
	const { schemas } = z.toJSONSchema(apiSchemas, {
		target: 'draft-2020-12',
		io: 'output',
		metadata: apiSchemas,
		uri: (id) => `#/components/schemas/${id}`,
		override: tidy
	});
	const sorted: Record<string, JsonSchema> = {};
	for (const id of Object.keys(schemas).sort()) {
		const { $schema: _dialect, $id: _id, ...schema } = schemas[id]!;
		sorted[id] = schema;
	}
	return sorted;
}

function parametersOf(endpoint: RegisteredEndpoint): OpenApiParameter[] {
	const example = endpoint.examples.request ?? {};
	const of = (schema: z.ZodObject | undefined, location: 'query' | 'path', examples: Record<string, string | undefined> = {}) => {
		if (!schema) return [];
		const json = z.toJSONSchema(schema, {
			target: 'draft-2020-12',
			io: 'input',
			metadata: apiSchemas,
			override: tidy
		});
		const required = new Set(json.required ?? []);
		return Object.entries(json.properties ?? {}).map(([name, property]): OpenApiParameter => {
			const { description, ...schemaOnly } = property as JsonSchema;
			const value = examples[name];
			return {
				name,
				in: location,
				required: location === 'path' || required.has(name),
				...(description ? { description } : {}),
				schema: schemaOnly,
				...(value !== undefined ? { example: value } : {})
			};
		});
	};
	return [...of(endpoint.params, 'path', example.params), ...of(endpoint.query, 'query', example.query)];
}

function requestBodyOf(endpoint: RegisteredEndpoint): OpenApiOperation['requestBody'] {
	if (!endpoint.body) return undefined;
	const { $schema: _dialect, ...schema } = z.toJSONSchema(endpoint.body, {
		target: 'draft-2020-12',
		io: 'input',
		metadata: apiSchemas,
		override: tidy
	});
	const example = endpoint.examples.request?.body;
	return { required: true, content: { 'application/json': { schema, ...(example ? { example } : {}) } } };
}

const SECURITY_SCHEMES: Record<string, SecurityScheme> = {
	sesi: {
		type: 'apiKey',
		in: 'cookie',
		name: SESSION_COOKIE,
		description: 'Cookie sesi yang diberikan halaman Masuk (/masuk).'
	},
	csrf: {
		type: 'apiKey',
		in: 'header',
		name: 'x-csrf-token',
		description: 'Token CSRF sesi (sama dengan isian csrf pada formulir halaman); wajib pada setiap POST, PATCH dan DELETE.'
	}
};

function securityOf(endpoint: RegisteredEndpoint): OpenApiOperation['security'] {
	if (endpoint.auth === 'optional') return [{}, { sesi: [] }];
	if (endpoint.auth === 'required') return [isWriteMethod(endpoint.method) ? { sesi: [], csrf: [] } : { sesi: [] }];
	return undefined;
}

/** The 400 answer of the endpoint's invalid example, computed by the parser the route runs. */
function validationExample(endpoint: RegisteredEndpoint): unknown {
	const invalid = endpoint.examples.invalid;
	try {
		if (invalid?.params && endpoint.params) parseInput(endpoint.params, invalid.params);
		if (invalid?.query && endpoint.query) {
			parseInput(endpoint.query, readQuery(endpoint.query, new URLSearchParams(invalid.query as Record<string, string>)));
		}
		if (invalid?.body && endpoint.body) parseInput(endpoint.body, invalid.body);
	} catch (error) {
		return presentError(error).body;
	}
	return { error: { code: 'VALIDATION_FAILED', message: ERROR_TABLE.VALIDATION_FAILED.message } };
}

const CACHE_HEADERS = {
	public: { description: 'Boleh disimpan di cache selama 60 detik.', schema: { type: 'string', const: PUBLIC_CACHE } },
	optional: {
		description: 'Tanpa sesi boleh disimpan di cache selama 60 detik; dengan sesi tidak disimpan (private, no-store).',
		schema: { type: 'string', enum: [PUBLIC_CACHE, PRIVATE_CACHE] }
	},
	required: { description: 'Tidak disimpan di cache.', schema: { type: 'string', const: PRIVATE_CACHE } }
} satisfies Record<RegisteredEndpoint['auth'], { description: string; schema: JsonSchema }>;

function responsesOf(endpoint: RegisteredEndpoint): Record<string, OpenApiResponse> {
	const responses: Record<string, OpenApiResponse> = {
		[String(endpoint.status)]: {
			description: endpoint.status === 201 ? 'Berhasil dibuat.' : 'Berhasil.',
			headers: {
				'Cache-Control': CACHE_HEADERS[endpoint.auth],
				...Object.fromEntries(Object.entries(endpoint.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]))
			},
			content: { 'application/json': { schema: ref(componentId(endpoint.response)!) } }
		}
	};
	const codes: ErrorCode[] = [
		...new Set<ErrorCode>([
			...(endpoint.query || endpoint.params || endpoint.body ? (['VALIDATION_FAILED'] as const) : []),
			...(endpoint.auth === 'required' ? (['UNAUTHENTICATED'] as const) : []),
			...(isWriteMethod(endpoint.method) ? (['CSRF_INVALID'] as const) : []),
			...endpoint.errors,
			'INTERNAL'
		])
	];
	for (const code of codes) {
		const status = String(ERROR_TABLE[code].status);
		const value =
			code === 'VALIDATION_FAILED'
				? validationExample(endpoint)
				: { error: { code, message: ERROR_TABLE[code].message } };
		const entry = (responses[status] ??= {
			description: '',
			content: { 'application/json': { schema: ref('Error'), examples: {} } }
		});
		entry.description = [entry.description, `${code}: ${ERROR_TABLE[code].message}`].filter(Boolean).join(' ');
		entry.content['application/json'].examples![code] = { summary: code, value };
	}
	return responses;
}

export function buildOpenApiDocument(endpoints: readonly RegisteredEndpoint[]): OpenApiDocument {
	const paths: OpenApiDocument['paths'] = {};
	const sorted = [...endpoints].sort(byPathAndMethod);
	for (const endpoint of sorted) {
		const requestBody = requestBodyOf(endpoint);
		const security = securityOf(endpoint);
		(paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = {
			operationId: endpoint.operationId,
			summary: endpoint.summary,
			description: endpoint.description,
			tags: [endpoint.tag],
			parameters: parametersOf(endpoint),
			...(requestBody ? { requestBody } : {}),
			...(security ? { security } : {}),
			responses: responsesOf(endpoint)
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'API Publik JIPPNas',
			version: API_VERSION,
			summary: 'Data registri inovasi pelayanan publik nasional dalam JSON.',
			description: DESCRIPTION
		},
		tags: TAGS,
		paths,
		components: { schemas: componentSchemas(), securitySchemes: SECURITY_SCHEMES }
	};
}

/** The committed docs/openapi.json: stable formatting so that diffs show only real changes. */
export function serialiseOpenApiDocument(document: OpenApiDocument): string {
	return JSON.stringify(document, null, '\t') + '\n';
}
