import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/server/errors';
import { createLanApiClient, lanPageUrl, parseRetryAfter, type LanRetryNotice } from '../../src/lib/server/import/lan-api-client';

const BASE = 'http://lan.test/';
const PAGE = { data: [{ id: 1, judul_inovasi: 'A' }], meta: { current_page: 1, last_page: 3, total: 7 } };

type Step = Response | Error | 'hang';

/** A fetch that answers from a script, one step per call, and logs what it was asked. */
function fakeFetch(steps: Step[]) {
	const calls: { url: string; signal: AbortSignal | undefined }[] = [];
	const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
		calls.push({ url: String(input), signal: init?.signal ?? undefined });
		const step = steps.shift();
		if (step === undefined) throw new Error('fake fetch: no more steps');
		if (step === 'hang') {
			// Never answers: only the time-out signal ends it.
			return new Promise<Response>((_, reject) => {
				init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
			});
		}
		if (step instanceof Error) throw step;
		return step;
	}) as typeof globalThis.fetch;
	return { fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const status = (code: number, headers: Record<string, string> = {}) => new Response('gangguan', { status: code, headers });
const timeoutError = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError');

function client(steps: Step[], options: { retries?: number; timeoutMs?: number } = {}) {
	const { fetch, calls } = fakeFetch(steps);
	const sleeps: number[] = [];
	const retries: LanRetryNotice[] = [];
	const api = createLanApiClient({
		baseUrl: BASE,
		perPage: 3,
		retries: options.retries ?? 3,
		timeoutMs: options.timeoutMs ?? 1000,
		baseDelayMs: 100,
		maxDelayMs: 1000,
		fetch,
		sleep: async (ms) => {
			sleeps.push(ms);
		},
		random: () => 0.5,
		now: () => Date.parse('2024-05-01T00:00:00Z'),
		onRetry: (notice) => retries.push(notice)
	});
	return { api, calls, sleeps, retries };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

describe('lanPageUrl', () => {
	it('asks for a page and page size, and updated_since in UTC when given', () => {
		expect(lanPageUrl('https://x.test/v/', 2, 50)).toBe('https://x.test/v/api/inolands?page=2&per_page=50');
		expect(lanPageUrl('https://x.test', 1, 3, new Date('2024-01-31T08:00:00+07:00'))).toBe(
			'https://x.test/api/inolands?page=1&per_page=3&updated_since=2024-01-31T01%3A00%3A00.000Z'
		);
	});
});

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
		const now = Date.parse('2024-05-01T00:00:00Z');
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter('Wed, 01 May 2024 00:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Tue, 30 Apr 2024 00:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter(null, now)).toBeUndefined();
		expect(parseRetryAfter('nanti saja', now)).toBeUndefined();
	});
});

describe('createLanApiClient', () => {
	it('returns the records and the paging of a good page', async () => {
		const { api, calls, sleeps } = client([json(PAGE)]);
		expect(await api.fetchPage(1)).toEqual({ records: PAGE.data, currentPage: 1, lastPage: 3, total: 7 });
		expect(calls.map((c) => c.url)).toEqual(['http://lan.test/api/inolands?page=1&per_page=3']);
		expect(calls[0]!.signal).toBeInstanceOf(AbortSignal);
		expect(sleeps).toEqual([]);
	});

	it('retries a 429 after the Retry-After the server asked for', async () => {
		const { api, calls, sleeps, retries } = client([status(429, { 'retry-after': '12' }), json(PAGE)]);
		expect((await api.fetchPage(1)).records).toHaveLength(1);
		expect(calls).toHaveLength(2);
		expect(sleeps).toEqual([12_000]);
		expect(retries).toEqual([{ page: 1, attempt: 1, maxAttempts: 4, delayMs: 12_000, reason: 'HTTP 429' }]);
	});

	it('retries 503 with exponential back-off and jitter', async () => {
		const { api, calls, sleeps } = client([status(503), status(503), status(502), json(PAGE)]);
		await api.fetchPage(1);
		expect(calls).toHaveLength(4);
		// base 100 ms doubled each time; random 0.5 puts the delay at three quarters of the ceiling.
		expect(sleeps).toEqual([75, 150, 300]);
	});

	it('retries a request that timed out, and a real time-out signal ends a request that hangs', async () => {
		const { api, calls, retries } = client([timeoutError(), 'hang', json(PAGE)], { timeoutMs: 20 });
		expect((await api.fetchPage(1)).currentPage).toBe(1);
		expect(calls).toHaveLength(3);
		expect(retries.map((r) => r.reason)).toEqual(['waktu tunggu 0,02 detik habis', 'waktu tunggu 0,02 detik habis']);
	});

	it('retries a network error', async () => {
		const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
		const { api, retries } = client([refused, json(PAGE)]);
		await api.fetchPage(1);
		expect(retries.map((r) => r.reason)).toEqual(['koneksi gagal (ECONNREFUSED)']);
	});

	it('does not retry a 404: it fails at once with the status', async () => {
		const { api, calls, sleeps } = client([status(404), json(PAGE)]);
		const error = await failure(api.fetchPage(2));
		expect(error.code).toBe('SOURCE_BAD_RESPONSE');
		expect(error.message).toBe('API LAN menolak permintaan halaman 2: HTTP 404.');
		expect(calls).toHaveLength(1);
		expect(sleeps).toEqual([]);
	});

	it('gives up after the allowed attempts with the last reason', async () => {
		const { api, calls, sleeps } = client([status(500), status(500), status(500)], { retries: 2 });
		const error = await failure(api.fetchPage(3));
		expect(error.code).toBe('SOURCE_UNAVAILABLE');
		expect(error.message).toBe('API LAN gagal menjawab halaman 3 setelah 3 percobaan (terakhir: HTTP 500).');
		expect(calls).toHaveLength(3);
		expect(sleeps).toHaveLength(2);
	});

	it('caps a very long Retry-After', async () => {
		const { api, sleeps } = client([status(429, { 'retry-after': '86400' }), json(PAGE)]);
		await api.fetchPage(1);
		expect(sleeps).toEqual([300_000]);
	});

	it('rejects a page of the wrong shape, a body that is not JSON, and an answer for another page, without retrying', async () => {
		const shape = client([json({ items: [] })]);
		expect((await failure(shape.api.fetchPage(1))).message).toBe(
			'Jawaban API LAN untuk halaman 1 tidak sesuai format: "data" harus berupa daftar catatan.'
		);
		const meta = client([json({ data: [], meta: { current_page: 1, last_page: 'dua', total: 0 } })]);
		expect((await failure(meta.api.fetchPage(1))).message).toBe(
			'Jawaban API LAN untuk halaman 1 tidak sesuai format: "meta.last_page" harus berupa bilangan.'
		);
		const html = client([new Response('<html>maintenance</html>', { status: 200 })]);
		expect((await failure(html.api.fetchPage(1))).message).toBe('Jawaban API LAN untuk halaman 1 bukan JSON yang sah.');
		const other = client([json(PAGE)]);
		expect((await failure(other.api.fetchPage(2))).message).toBe('API LAN menjawab halaman 1, padahal yang diminta halaman 2.');
		for (const c of [shape, meta, html, other]) expect(c.calls).toHaveLength(1);
	});
});
