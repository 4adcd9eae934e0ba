/**
 * Writes docs/openapi.json, the committed copy of the document served at /api/v1/openapi.json
 * (`npm run openapi`). Endpoints register themselves when their route module is imported; the
 * server finds the modules with Vite's import.meta.glob, which does not exist under tsx, so
 * this walks src/routes/api/v1 itself. tests/unit/api-openapi.test.ts fails when the file is stale.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listEndpoints } from '../src/lib/server/api/define-endpoint';
import { buildOpenApiDocument, serialiseOpenApiDocument } from '../src/lib/server/api/openapi';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function routeFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return routeFiles(full);
		return entry.name === '+server.ts' ? [full] : [];
	});
}

for (const file of routeFiles(path.join(root, 'src/routes/api/v1')).sort()) {
	await import(pathToFileURL(file).href);
}
const target = path.join(root, 'docs/openapi.json');
const endpoints = listEndpoints();
writeFileSync(target, serialiseOpenApiDocument(buildOpenApiDocument(endpoints)));
console.log(`${path.relative(root, target)}: ${endpoints.length} endpoint ditulis.`);
