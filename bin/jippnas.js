#!/usr/bin/env -S node --max-semi-space-size=32
// Entry of the `jippnas` command. The CLI is TypeScript, run through tsx; every path is resolved
// from the package root so the command works from any directory and through `npx jippnas`.
// The young generation is 32 MB as for server processes (src/cli/server-node-flags.ts): an import
// keeps each batch of rows alive while it is matched and written, and with the default 16 MB every
// young collection copied those batches again (decision 010). V8 reads the flag only at start.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// No tsconfig lookup: the project's tsconfig extends a generated file that may not exist yet,
// and nothing the CLI imports depends on tsconfig settings.
register({ tsconfig: false });

const { main } = await import(pathToFileURL(path.join(root, 'src/cli/main.ts')).href);
const code = await main(process.argv.slice(2));
process.exit(code);
