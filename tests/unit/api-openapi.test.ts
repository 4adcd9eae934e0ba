import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRouteFiles, loadApiEndpoints } from '../../src/lib/server/api/api-routes';
import { defineEndpoint, type RegisteredEndpoint } from '../../src/lib/server/api/define-endpoint';
import { buildOpenApiDocument, serialiseOpenApiDocument, type OpenApiDocument } from '../../src/lib/server/api/openapi';
import { InnovationPage } from '../../src/lib/server/api/responses';
import { ERROR_TABLE } from '../../src/lib/server/errors';

let endpoints: RegisteredEndpoint[];
let document: OpenApiDocument;

beforeAll(async () => {
	endpoints = await loadApiEndpoints();
	document = buildOpenApiDocument(endpoints);
});

/** Every `$ref` anywhere in a JSON value. */
function refsIn(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(refsIn);
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, v]) => (key === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
	}
	return [];
}

function resolvePointer(root: unknown, ref: string): unknown {
	if (!ref.startsWith('#/')) return undefined;
	return ref
		.slice(2)
		.split('/')
		.map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
		.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), root);
}

describe('the OpenAPI document', () => {
	it('is OpenAPI 3.1.0 with the contracted endpoints', () => {
		expect(document.openapi).toBe('3.1.0');
		expect(Object.keys(document.paths).sort()).toEqual([
			'/api/v1/agencies',
			'/api/v1/agencies/{id}',
			'/api/v1/hubs',
			'/api/v1/hubs/{id}',
			'/api/v1/innovations',
			'/api/v1/innovations/{id}',
			'/api/v1/openapi.json',
			'/api/v1/regions',
			'/api/v1/regions/{code}',
			'/api/v1/replications',
			'/api/v1/replications/{id}',
			'/api/v1/replications/{id}/actions/{action}',
			'/api/v1/replications/{id}/messages',
			'/api/v1/statistics',
			'/api/v1/suggestions'
		]);
		expect(Object.keys(document.paths['/api/v1/replications']!).sort()).toEqual(['get', 'post']);
	});

	it('gives every operation a unique id, a summary, a 200 response and described error responses', () => {
		const operations = Object.values(document.paths).flatMap((p) => Object.values(p));
		expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
		for (const operation of operations) {
			expect(operation.summary, operation.operationId).not.toBe('');
			const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
			expect(success, operation.operationId).toHaveLength(1);
			expect(operation.responses[success[0]!]?.content['application/json'].schema.$ref, operation.operationId).toMatch(
				/^#\/components\/schemas\//
			);
			expect(operation.responses['500'], operation.operationId).toBeDefined();
			for (const [status, response] of Object.entries(operation.responses)) {
				expect(response.description, `${operation.operationId} ${status}`).not.toBe('');
			}
		}
	});

	it('declares each {name} of a path as a required path parameter, and documents every parameter', () => {
		for (const [template, operations] of Object.entries(document.paths)) {
			const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			for (const operation of Object.values(operations)) {
				const inPath = operation.parameters.filter((p) => p.in === 'path');
				expect(inPath.map((p) => p.name)).toEqual(names);
				expect(inPath.every((p) => p.required)).toBe(true);
				for (const parameter of operation.parameters) expect(parameter.description, `${template} ${parameter.name}`).toBeTruthy();
			}
		}
	});

	it('resolves every $ref', () => {
		const refs = refsIn(document);
		expect(refs.length).toBeGreaterThan(20);
		const broken = refs.filter((ref) => resolvePointer(document, ref) === undefined);
		expect(broken).toEqual([]);
	});

	it('keeps shared schemas in components.schemas without their own $schema or $id', () => {
		for (const [id, schema] of Object.entries(document.components.schemas)) {
			expect(schema.$schema, id).toBeUndefined();
			expect(schema.$id, id).toBeUndefined();
		}
		expect(document.components.schemas.Error).toBeDefined();
	});

	it('documents the list response as {items, total, limit, offset}', () => {
		const page = document.components.schemas.InnovationPage!;
		expect(page.required).toEqual(['items', 'total', 'limit', 'offset']);
		expect((page.properties as Record<string, z.core.JSONSchema.BaseSchema>).items!.items).toEqual({
			$ref: '#/components/schemas/InnovationSummary'
		});
	});

	it('documents the search engine\'s Server-Timing header on the search', () => {
		const ok = document.paths['/api/v1/innovations']!.get!.responses['200']!;
		expect(Object.keys(ok.headers ?? {})).toEqual(['Cache-Control', 'Server-Timing']);
		expect(ok.headers!['Server-Timing']!.description).toContain('semua-kata');
	});

	it('shows a real 400 for each endpoint that takes input, produced by the route parser', () => {
		for (const endpoint of endpoints.filter((e) => e.query || e.params || e.body)) {
			const operation = document.paths[endpoint.path]![endpoint.method.toLowerCase()]!;
			const example = operation.responses['400']!.content['application/json'].examples!.VALIDATION_FAILED!.value as {
				error: { message: string; details: unknown[] };
			};
			expect(example.error.message, endpoint.path).not.toBe(ERROR_TABLE.VALIDATION_FAILED.message);
			expect(example.error.details.length, endpoint.path).toBeGreaterThan(0);
		}
	});
});

describe('routes and the endpoint registry', () => {
	it('registers every /api/v1 route file under the path its directory gives', async () => {
		const files = apiRouteFiles().filter((f) => !f.includes('[...rest]'));
		const fromFiles = files
			.map((f) => f.replace(/^\/src\/routes/, '').replace(/\/\+server\.ts$/, '').replace(/\[(\w+)\]/g, '{$1}'))
			.sort();
		expect([...new Set(endpoints.map((e) => e.path))].sort()).toEqual(fromFiles);
	});

	it('documents how the signed-in call: optional or required session, CSRF header on writes, 201 on creation', () => {
		const list = document.paths['/api/v1/replications']!;
		expect(list.get!.security).toEqual([{}, { sesi: [] }]);
		expect(list.post!.security).toEqual([{ sesi: [], csrf: [] }]);
		expect(Object.keys(list.post!.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '500']));
		expect(list.post!.requestBody!.content['application/json'].schema.required).toEqual([
			'innovationId',
			'kind',
			'interestScope',
			'interestReason'
		]);
		expect(document.paths['/api/v1/innovations']!.get!.security).toBeUndefined();
		expect(document.components.securitySchemes).toEqual({
			sesi: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'jippnas_sesi' }),
			csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-csrf-token' })
		});
	});

	it('refuses a POST endpoint that does not require a session, and a body on a GET', () => {
		const base = { operationId: 'uji', tag: 'Inovasi', summary: 's', description: 'd', response: InnovationPage, handler: () => ({ items: [], total: 0, limit: 1, offset: 0 }) } as const;
		expect(() => defineEndpoint({ ...base, method: 'POST', path: '/api/v1/uji-tulis' })).toThrow(/auth: 'required'/);
		expect(() => defineEndpoint({ ...base, method: 'GET', path: '/api/v1/uji-baca', body: z.object({ a: z.string() }) })).toThrow(/only POST/);
	});

	it('exports from each route module the very handler that was registered, under its method', async () => {
		const modules = import.meta.glob<Record<string, unknown>>('/src/routes/api/v1/**/+server.ts', { eager: true });
		for (const endpoint of endpoints) {
			const file = `/src/routes${endpoint.path.replace(/\{(\w+)\}/g, '[$1]')}/+server.ts`;
			expect(modules[file]?.[endpoint.method], file).toBe(endpoint.handle);
		}
	});

	it('refuses a declaration whose response is not a named component or whose path and params disagree', () => {
		const base = { method: 'GET', operationId: 'test', tag: 'Inovasi', summary: 's', description: 'd', handler: () => ({}) } as const;
		expect(() => defineEndpoint({ ...base, path: '/api/v1/uji', response: z.object({}) })).toThrow(/named component/);
		expect(() =>
			defineEndpoint({ ...base, path: '/api/v1/uji/{id}', params: z.object({ kode: z.string() }), response: InnovationPage, handler: () => ({ items: [], total: 0, limit: 1, offset: 0 }) })
		).toThrow(/do not match/);
	});
});

describe('docs/openapi.json', () => {
	it('is up to date (regenerate with: npm run openapi)', () => {
		const committed = readFileSync(path.resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8');
		expect(committed === serialiseOpenApiDocument(document), 'docs/openapi.json is stale: run npm run openapi').toBe(true);
	});
});
