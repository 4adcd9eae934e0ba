import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Direct routes: the API endpoints declared `direct` (EndpointSpec.direct; the catalogue search)
 * answered by `serve` straight on Node's request, before SvelteKit. SvelteKit's Request,
 * Response and body stream for a kept search answer cost ~0.5 ms of CPU, about as much as
 * finding the answer; on two cores at 300 searches a second that decides the tail (decision 007).
 *
 * The answer is the endpoint's own (same schema, handler, cache and encoding: defineEndpoint
 * builds both), with the security headers the hooks add to every answer. What the hooks do
 * besides does not apply to these endpoints: they are public GETs (no session, no CSRF), and the
 * search keeps its own answers, so the public page cache is not needed.
 *
 * The built server publishes them under a global symbol when SvelteKit initialises it (hooks
 * `init`), because `serve` runs in another module graph (decision 003); `vite dev` has no
 * `serve`, so there every request goes through SvelteKit.
 */

// This module is imported by `serve` (the CLI's module graph) too: nothing here may import the app.

export type NodeRoute = (request: IncomingMessage, response: ServerResponse) => void;

const PUBLISHED = Symbol.for('jippnas.directRoutes');
type GlobalWithRoutes = typeof globalThis & { [PUBLISHED]?: ReadonlyMap<string, NodeRoute> };

/** Called by the built server (publish-direct-routes.ts): its direct routes by path. */
export function publishRoutes(routes: ReadonlyMap<string, NodeRoute>): void {
	(globalThis as GlobalWithRoutes)[PUBLISHED] = routes;
}

/** The direct routes the built server published (none before it was imported, or under `vite dev`). */
export function publishedDirectRoutes(): ReadonlyMap<string, NodeRoute> {
	return (globalThis as GlobalWithRoutes)[PUBLISHED] ?? new Map();
}

/** The route for a GET of `path` (its query cut), or null when SvelteKit answers it. */
export function findDirectRoute(routes: ReadonlyMap<string, NodeRoute>, method: string | undefined, path: string | undefined): NodeRoute | null {
	if (method !== 'GET' || !path || routes.size === 0) return null;
	const query = path.indexOf('?');
	return routes.get(query < 0 ? path : path.slice(0, query)) ?? null;
}
