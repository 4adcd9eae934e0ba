import type { z } from 'zod';
import type { OpenApiDocument, OpenApiOperation, OpenApiParameter } from './openapi';

/**
 * The readable API reference (/api) is drawn from the OpenAPI document, never written by hand:
 * this turns the document into what the page shows — per endpoint its parameters, a curl
 * example, the fields of its response, flattened to dotted paths, and its errors. Pure.
 */

type JsonSchema = z.core.JSONSchema.BaseSchema;

export interface ParameterView {
	name: string;
	location: 'path' | 'kueri';
	type: string;
	required: boolean;
	defaultValue: string | null;
	allowed: string[];
	constraints: string | null;
	description: string;
	example: string | null;
}

export interface FieldView {
	/** Dotted path; `[]` marks the items of a list, e.g. `items[].agency.name`. */
	path: string;
	depth: number;
	type: string;
	nullable: boolean;
	allowed: string[];
	description: string;
}

export interface EndpointView {
	anchor: string;
	method: string;
	path: string;
	summary: string;
	description: string;
	parameters: ParameterView[];
	/** Who may call it, in words. */
	access: string;
	/** Fields of the JSON body (POST, PATCH); empty without one. */
	requestFields: FieldView[];
	curl: string;
	/** The status of a successful answer, e.g. '200' or '201'. */
	successStatus: string;
	responseSchema: string;
	fields: FieldView[];
	errors: Array<{ status: string; code: string; message: string }>;
}

export interface ApiDocsView {
	title: string;
	version: string;
	summary: string;
	paragraphs: string[];
	openApiPath: string;
	groups: Array<{ tag: string; description: string; endpoints: EndpointView[] }>;
}

const OPENAPI_PATH = '/api/v1/openapi.json';
const TYPE_NAMES: Record<string, string> = {
	string: 'teks',
	integer: 'bilangan bulat',
	number: 'angka',
	boolean: 'boolean',
	array: 'daftar',
	object: 'objek',
	null: 'null'
};
const FORMAT_NAMES: Record<string, string> = { 'date-time': 'tanggal-waktu', date: 'tanggal' };

export function describeApi(document: OpenApiDocument, origin: string): ApiDocsView {
	const schemas = document.components.schemas;
	const groups: ApiDocsView['groups'] = document.tags.map((tag) => ({ tag: tag.name, description: tag.description, endpoints: [] }));
	for (const [path, operations] of Object.entries(document.paths)) {
		for (const [method, operation] of Object.entries(operations)) {
			const view = describeOperation(path, method, operation, schemas, origin);
			const group = groups.find((g) => g.tag === operation.tags[0]);
			if (group) group.endpoints.push(view);
			else groups.push({ tag: operation.tags[0] ?? 'Lainnya', description: '', endpoints: [view] });
		}
	}
	return {
		title: document.info.title,
		version: document.info.version,
		summary: document.info.summary,
		paragraphs: document.info.description.split(/\n{2,}/),
		openApiPath: OPENAPI_PATH,
		groups: groups.filter((g) => g.endpoints.length > 0)
	};
}

function describeOperation(
	path: string,
	method: string,
	operation: OpenApiOperation,
	schemas: Record<string, JsonSchema>,
	origin: string
): EndpointView {
	const successStatus = Object.keys(operation.responses).find((status) => status.startsWith('2')) ?? '200';
	const success = operation.responses[successStatus]!.content['application/json'].schema;
	const responseSchema = refName(success) ?? 'objek';
	const body = operation.requestBody?.content['application/json'];
	return {
		anchor: operation.operationId,
		method: method.toUpperCase(),
		path,
		summary: operation.summary,
		description: operation.description,
		parameters: operation.parameters.map(describeParameter),
		access: accessOf(operation),
		requestFields: body ? flattenFields(body.schema, schemas) : [],
		curl: curlExample(origin, path, operation.parameters, method.toUpperCase(), body?.example, operation.security),
		successStatus,
		responseSchema,
		fields: flattenFields(success, schemas),
		errors: Object.entries(operation.responses)
			.filter(([status]) => !status.startsWith('2'))
			.flatMap(([status, response]) =>
				Object.entries(response.content['application/json'].examples ?? {}).map(([code, example]) => ({
					status,
					code,
					message: (example.value as { error: { message: string } }).error.message
				}))
			)
	};
}

function describeParameter(parameter: OpenApiParameter): ParameterView {
	const schema = parameter.schema;
	const constraints: string[] = [];
	if (schema.minimum !== undefined && schema.maximum !== undefined) constraints.push(`${schema.minimum}–${schema.maximum}`);
	else if (schema.minimum !== undefined) constraints.push(`minimal ${schema.minimum}`);
	else if (schema.maximum !== undefined) constraints.push(`maksimal ${schema.maximum}`);
	if (schema.maxLength !== undefined) constraints.push(`paling banyak ${schema.maxLength} karakter`);
	if (schema.pattern) constraints.push(`pola ${schema.pattern}`);
	return {
		name: parameter.name,
		location: parameter.in === 'path' ? 'path' : 'kueri',
		type: typeName(schema),
		required: parameter.required,
		defaultValue: schema.default === undefined ? null : String(schema.default),
		allowed: (schema.enum ?? []).map(String),
		constraints: constraints.length ? constraints.join('; ') : null,
		description: parameter.description ?? '',
		example: parameter.example ?? null
	};
}

function accessOf(operation: OpenApiOperation): string {
	const security = operation.security;
	if (!security) return 'Publik, tanpa masuk.';
	if (security.some((requirement) => Object.keys(requirement).length === 0)) {
		return 'Publik; dengan cookie sesi (masuk) jawaban menyertakan juga data yang boleh Anda lihat.';
	}
	if (security.some((requirement) => 'csrf' in requirement)) return 'Perlu masuk: cookie sesi dan header x-csrf-token (token CSRF sesi).';
	return 'Perlu masuk: cookie sesi.';
}

/** A shell-safe curl line for the documented example request. */
function curlExample(
	origin: string,
	path: string,
	parameters: OpenApiParameter[],
	method = 'GET',
	body?: unknown,
	security?: OpenApiOperation['security']
): string {
	let url = path;
	const query = new URLSearchParams();
	for (const parameter of parameters) {
		if (parameter.in === 'path') {
			url = url.replace(`{${parameter.name}}`, encodeURIComponent(parameter.example ?? parameter.name));
		} else if (parameter.example !== undefined) {
			query.set(parameter.name, parameter.example);
		}
	}
	const search = query.toString();
	const full = `${origin}${url}${search ? `?${search}` : ''}`;
	const line = `curl -s '${full.replaceAll("'", "%27")}'`;
	if (method === 'GET') return line;
	const parts = [`curl -s -X ${method} '${full.replaceAll("'", "%27")}'`];
	if (security?.some((requirement) => 'sesi' in requirement)) parts.push(`-b 'jippnas_sesi=TOKEN_SESI'`);
	if (security?.some((requirement) => 'csrf' in requirement)) parts.push(`-H 'x-csrf-token: TOKEN_CSRF'`);
	if (body !== undefined) {
		parts.push(`-H 'content-type: application/json'`);
		parts.push(`-d '${JSON.stringify(body).replaceAll("'", "'\\''")}'`);
	}
	return parts.join(' \\\n  ');
}

function refName(schema: JsonSchema): string | undefined {
	return schema.$ref?.replace('#/components/schemas/', '');
}

/** Follows a $ref and unwraps `X | null`, keeping the outer description when there is one. */
function resolve(schema: JsonSchema, schemas: Record<string, JsonSchema>): { schema: JsonSchema; nullable: boolean; description?: string } {
	let nullable = false;
	let description = schema.description;
	let current = schema;
	const branches = current.anyOf as JsonSchema[] | undefined;
	if (branches?.length === 2 && branches.some((b) => b.type === 'null')) {
		nullable = true;
		current = branches.find((b) => b.type !== 'null')!;
		description ??= current.description;
	}
	if (Array.isArray(current.type) && current.type.includes('null')) {
		nullable = true;
		const rest = current.type.filter((t) => t !== 'null');
		current = { ...current, type: rest.length === 1 ? rest[0] : rest };
	}
	const name = refName(current);
	if (name && schemas[name]) {
		description ??= schemas[name].description;
		current = schemas[name];
	}
	return { schema: current, nullable, description: description ?? current.description };
}

function typeName(schema: JsonSchema): string {
	if (schema.const !== undefined) return `teks "${String(schema.const)}"`;
	const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
	if (type === 'string' && schema.format && FORMAT_NAMES[schema.format]) return FORMAT_NAMES[schema.format]!;
	if (type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties) {
		return 'peta (nama → nilai)';
	}
	if (type === undefined) return 'apa saja';
	return TYPE_NAMES[type] ?? type;
}

function flattenFields(root: JsonSchema, schemas: Record<string, JsonSchema>): FieldView[] {
	const fields: FieldView[] = [];
	const walk = (schema: JsonSchema, prefix: string, depth: number, seen: Set<string>) => {
		const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
		for (const [name, property] of Object.entries(properties)) {
			const ref = refName(property) ?? refName(((property.anyOf as JsonSchema[] | undefined) ?? [])[0] ?? {});
			if (ref && seen.has(ref)) continue;
			const inner = resolve(property, schemas);
			const path = `${prefix}${name}`;
			let type = typeName(inner.schema);
			let allowed = (inner.schema.enum ?? []).map(String);
			let nested: { schema: JsonSchema; prefix: string } | undefined;
			if (inner.schema.type === 'array' && inner.schema.items) {
				const item = resolve(inner.schema.items as JsonSchema, schemas);
				type = `daftar ${typeName(item.schema)}`;
				allowed = (item.schema.enum ?? []).map(String);
				if (item.schema.properties) nested = { schema: item.schema, prefix: `${path}[].` };
			} else if (inner.schema.properties) {
				nested = { schema: inner.schema, prefix: `${path}.` };
			} else if (typeof inner.schema.additionalProperties === 'object') {
				const value = resolve(inner.schema.additionalProperties as JsonSchema, schemas);
				if (value.schema.properties) nested = { schema: value.schema, prefix: `${path}.<nama>.` };
			}
			fields.push({ path, depth, type, nullable: inner.nullable, allowed, description: inner.description ?? '' });
			if (nested) walk(nested.schema, nested.prefix, depth + 1, ref ? new Set([...seen, ref]) : seen);
		}
	};
	const top = resolve(root, schemas);
	walk(top.schema, '', 0, new Set(refName(root) ? [refName(root)!] : []));
	return fields;
}
