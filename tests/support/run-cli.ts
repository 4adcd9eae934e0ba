import { spawn } from 'node:child_process';
import path from 'node:path';

export const CLI_BIN = path.resolve(import.meta.dirname, '../../bin/jippnas.js');

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs `jippnas` in `cwd` (outside the project: the command must not depend on the cwd) with
 * only the environment it needs — vitest puts Vite's own BASE_URL=/ into process.env.
 */
export function runCli(
	args: string[],
	options: { cwd: string; env?: Record<string, string>; /** Written to the command's stdin (else none). */ stdin?: string }
): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI_BIN, ...args], {
			cwd: options.cwd,
			env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? options.cwd, ...options.env },
			stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
		});
		if (options.stdin !== undefined) child.stdin!.end(options.stdin);
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}
