import { z } from 'zod';

/**
 * Documentation metadata of the public API's schemas, kept in a registry of its own rather
 * than zod's global one so that only what this module registers reaches the OpenAPI document:
 * `id` makes a schema a named component (components.schemas), `description` explains a field
 * or parameter in Bahasa Indonesia. Registering never changes how a schema parses.
 */
export interface ApiSchemaMeta {
	id?: string;
	description?: string;
}

export const apiSchemas = z.registry<ApiSchemaMeta>();

/** Gives a field or parameter its description; returns the same schema. */
export function doc<T extends z.ZodType>(schema: T, description: string): T {
	apiSchemas.add(schema, { ...apiSchemas.get(schema), description });
	return schema;
}

/** Names a schema as an OpenAPI component (`#/components/schemas/<id>`); returns the same schema. */
export function component<T extends z.ZodType>(id: string, description: string, schema: T): T {
	apiSchemas.add(schema, { id, description });
	return schema;
}

/** The component id of a schema, when it is one. */
export function componentId(schema: z.ZodType): string | undefined {
	return apiSchemas.get(schema)?.id;
}

/**
 * Describes every key of an object schema at once. All keys are required, so a field added to
 * a shared schema (e.g. a new catalogue filter) cannot reach the API undocumented.
 */
export function documentFields<T extends z.ZodObject>(
	schema: T,
	descriptions: { [K in keyof T['shape']]: string }
): T {
	for (const [key, field] of Object.entries(schema.shape)) {
		doc(field as z.ZodType, (descriptions as Record<string, string>)[key]!);
	}
	return schema;
}
