import { listEndpoints, type RegisteredEndpoint } from './define-endpoint';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';

/**
 * Endpoints register themselves when their route module is imported, and SvelteKit imports a
 * route only when it is first requested. This loads every /api/v1 route module first (the glob
 * is resolved by Vite at build time) so the document is complete from the first request on.
 */
function routeModules() {
	// Inside a function so that merely importing this module works outside Vite (scripts/generate-openapi.ts).
	return import.meta.glob('/src/routes/api/v1/**/+server.ts');
}

export async function loadApiEndpoints(): Promise<RegisteredEndpoint[]> {
	await Promise.all(Object.values(routeModules()).map((load) => load()));
	return listEndpoints();
}

/** The route files the glob found, as paths from the project root (for the consistency test). */
export function apiRouteFiles(): string[] {
	return Object.keys(routeModules()).sort();
}

let document: Promise<OpenApiDocument> | undefined;

/** Built once per process: the schemas cannot change while it runs. */
export function getOpenApiDocument(): Promise<OpenApiDocument> {
	document ??= loadApiEndpoints()
		.then(buildOpenApiDocument)
		.catch((error: unknown) => {
			document = undefined;
			throw error;
		});
	return document;
}
