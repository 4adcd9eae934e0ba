#!/usr/bin/env node
// Entry of the `jippnas` command. The CLI is TypeScript, run through tsx; every path is resolved
// from the package root so the command works from any directory and through `npx jippnas`.
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
