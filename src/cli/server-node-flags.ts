/**
 * Node flags for server processes. Each search answer makes about a megabyte of short-lived
 * objects (match lists, the answer, its JSON); with V8's default 16 MB semi-space the young
 * generation was collected every ~10 requests, ~0.5 ms per request in all, and each collection
 * copied the answers still being sent. 32 MB halves that (decision 009). V8 reads the flag only at
 * start, so it is given on the command line: `npm start`, forked server processes (below) and
 * the test/benchmark server (tests/support/app-server.ts) pass it.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

/** `execArgv` with the server flags added, unless the operator set them already. */
export function withServerNodeFlags(execArgv: readonly string[]): string[] {
	const given = [...execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
	const missing = SERVER_NODE_FLAGS.filter((flag) => !given.some((arg) => arg.startsWith(flag.split('=')[0]!)));
	return [...missing, ...execArgv];
}
