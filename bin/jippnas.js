#!/usr/bin/env node
// Entry of the `jippnas` command. The CLI is TypeScript, run through tsx; every path is resolved
// from the package root so the command works from any directory and through `npx jippnas`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// No tsconfig lookup: the project's tsconfig extends a generated file that may not exist yet,
// and nothing the CLI imports depends on tsconfig settings.
register({ tsconfig: false });

const args = process.argv.slice(2);
// Imports run with the servers' young generation, a slower-growing old generation and two malloc
// arenas (decision 010). V8 and glibc read them only at start and a shebang cannot portably pass
// them (BusyBox's env has no -S): without them, the command runs again in a child process that
// has them.
const { missingCliEnvironment, missingCliNodeFlags } = await import(pathToFileURL(path.join(root, 'src/cli/server-node-flags.ts')).href);
const missing = missingCliNodeFlags(args, process.execArgv);
const missingEnvironment = missingCliEnvironment(args, process.env);
if (missing.length > 0 || Object.keys(missingEnvironment).length > 0) {
	const child = spawn(process.execPath, [...missing, ...process.execArgv, ...process.argv.slice(1)], {
		stdio: 'inherit',
		env: { ...process.env, ...missingEnvironment }
	});
	// Ctrl+C reaches the child by itself (the terminal's process group): this process waits for it.
	// A signal sent to this process alone is passed on.
	process.on('SIGINT', () => undefined);
	for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
	const [code, signal] = await once(child, 'exit');
	process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0));
}

const { main } = await import(pathToFileURL(path.join(root, 'src/cli/main.ts')).href);
const code = await main(args);
process.exit(code);
