import type { IncomingMessage } from 'node:http';
import { loadApiEndpoints } from '../api/api-routes';
import { errorAnswer, type DirectHandler } from '../api/define-endpoint';
import { getAppDatabase } from '../app-database';
import { loadConfig } from '../config/env';
import { securityHeaders } from './auth';
import { publishRoutes, type NodeRoute } from './direct-routes';

/** Loads the API's endpoints and publishes the direct ones by path for `serve` (hooks.server.ts `init`; see direct-routes.ts). */
export async function publishDirectRoutes(): Promise<void> {
	const routes = new Map<string, NodeRoute>();
	for (const endpoint of await loadApiEndpoints()) {
		if (endpoint.direct) routes.set(endpoint.path, nodeRoute(endpoint.direct));
	}
	publishRoutes(routes);
}

function nodeRoute(direct: DirectHandler): NodeRoute {
	return (request, response) => {
		const url = requestUrl(request);
		const acceptEncoding = request.headers['accept-encoding'] ?? null;
		getAppDatabase()
			.then((database) => direct({ url, acceptEncoding, db: database.db }))
			// The handler answers its own errors; this is the database failing to open.
			.catch((error: unknown) => errorAnswer(error, `GET ${url.pathname}`))
			.then((answer) => {
				response.writeHead(answer.status, { ...answer.headers, ...securityHeaders({ url, baseUrl: loadConfig().BASE_URL }) });
				response.end(answer.body);
			});
	};
}

/** The request's address as SvelteKit's adapter would see it (ORIGIN, else the protocol header and Host). */
function requestUrl(request: IncomingMessage): URL {
	const protocolHeader = process.env.PROTOCOL_HEADER?.toLowerCase();
	const forwarded = protocolHeader ? request.headers[protocolHeader] : undefined;
	const protocol = typeof forwarded === 'string' && /^https?$/.test(forwarded) ? forwarded : 'https';
	const origin = process.env.ORIGIN || `${protocol}://${request.headers.host ?? 'localhost'}`;
	try {
		return new URL(request.url ?? '/', origin);
	} catch {
		return new URL(request.url ?? '/', `${protocol}://localhost`);
	}
}
