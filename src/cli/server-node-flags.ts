/**
 * Node flags for server processes. Each search answer makes about a megabyte of short-lived
 * objects (match lists, the answer, its JSON); with V8's default 16 MB semi-space the young
 * generation was collected every ~10 requests, ~0.5 ms per request in all, and each collection
 * copied the answers still being sent. 32 MB halves that (decision 009). V8 reads the flag only at
 * start, so it is given on the command line: `npm start`, forked server processes (below) and
 * the test/benchmark server (tests/support/app-server.ts) pass it.
 *
 * Imports want the same: a batch of rows stays alive while it is matched and written, and every
 * young collection copied the batches in flight again (decision 010). `jippnas import` and
 * `jippnas sync` start again with the flag when it is missing (bin/jippnas.js).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

/**
 * V8 flags for imports only. V8 lets the old generation grow to up to four times what survived its
 * last full collection before collecting again; an import keeps only ~70–150 MB alive but leaves
 * batches, look-ups and the previous file's candidates behind, and a file's first seconds (the
 * worker parsing the whole file) then came on top. Growing by half at most, the 100,000-record
 * benchmark peaked at 822–849 MB in five runs against 900–975 MB in the three runs alternating
 * with them without it (up to 1,010 MB earlier), for ~2–4 s more CPU (decision 010). Not for
 * servers: their answers are short-lived and they import rarely.
 */
const BATCH_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=50'];

/** The flags of `wanted` that neither `execArgv` nor NODE_OPTIONS sets (an operator's choice stays). */
function missingFlags(wanted: readonly string[], execArgv: readonly string[]): string[] {
	const given = [...execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
	return wanted.filter((flag) => !given.some((arg) => arg.startsWith(flag.split('=')[0]!)));
}

/** The server flags that neither `execArgv` nor NODE_OPTIONS sets (an operator's choice stays). */
export function missingServerNodeFlags(execArgv: readonly string[]): string[] {
	return missingFlags(SERVER_NODE_FLAGS, execArgv);
}

/** `execArgv` with the server flags added, unless the operator set them already. */
export function withServerNodeFlags(execArgv: readonly string[]): string[] {
	return [...missingServerNodeFlags(execArgv), ...execArgv];
}

/** CLI commands that import source records. */
const BATCH_COMMANDS: ReadonlySet<string> = new Set(['import', 'sync']);

/** The flags a CLI run with these arguments lacks (empty: it runs as it is). */
export function missingCliNodeFlags(args: readonly string[], execArgv: readonly string[]): string[] {
	return BATCH_COMMANDS.has(args[0] ?? '') ? missingFlags([...SERVER_NODE_FLAGS, ...BATCH_NODE_FLAGS], execArgv) : [];
}

/**
 * Environment for imports. With two malloc arenas instead of glibc's default (one per allocating
 * thread, up to eight per core) the 100,000-record benchmark peaked at 859–907 MB in eleven runs,
 * against 883–1,067 MB in eight without, and took as long (decision 010). The likely reason: an
 * import allocates its large buffers on several threads (the main thread, the row worker, V8's
 * helpers) and frees many on another, so freed memory sat in arenas that later allocations did
 * not use. glibc reads it at start only, hence it is set before the process starts; other C
 * libraries ignore it.
 */
const BATCH_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** The environment a CLI run with these arguments lacks (an operator's setting stays). */
export function missingCliEnvironment(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Record<string, string> {
	if (!BATCH_COMMANDS.has(args[0] ?? '')) return {};
	return Object.fromEntries(Object.entries(BATCH_ENVIRONMENT).filter(([name]) => env[name] === undefined));
}
