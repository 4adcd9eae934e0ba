/**
 * Client of LAN's Inoland API: `GET {base}/api/inolands?page=N&per_page=M[&updated_since=ISO]`
 * answering `{data: [...], meta: {current_page, last_page, total}}`. Each request has its own
 * time-out; transient failures (429, 5xx, network errors, time-outs) are retried with exponential
 * back-off and jitter, honouring Retry-After; other 4xx and malformed pages fail at once.
 * Delays, randomness and fetch are injectable so that tests never sleep.
 */
import { z } from 'zod';
import { AppError } from '../errors';

export type LanRecord = Record<string, unknown>;

export interface LanPage {
	records: LanRecord[];
	currentPage: number;
	lastPage: number;
	total: number;
}

export interface LanRetryNotice {
	page: number;
	/** The attempt that failed (1-based) and how many are allowed in all. */
	attempt: number;
	maxAttempts: number;
	delayMs: number;
	reason: string;
}

export interface LanApiClientOptions {
	baseUrl: string;
	perPage?: number;
	/** Time-out of one request, body included. */
	timeoutMs?: number;
	/** Retries after the first attempt of a page. */
	retries?: number;
	/** First back-off delay; doubled at each retry, up to maxDelayMs. */
	baseDelayMs?: number;
	maxDelayMs?: number;
	/** Retry-After longer than this is cut to it, so a sync never hangs for hours. */
	maxRetryAfterMs?: number;
	fetch?: typeof globalThis.fetch;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	now?: () => number;
	onRetry?: (notice: LanRetryNotice) => void;
}

export const LAN_API_DEFAULTS = {
	perPage: 100,
	timeoutMs: 30_000,
	retries: 5,
	baseDelayMs: 1_000,
	maxDelayMs: 60_000,
	maxRetryAfterMs: 300_000
} as const;

const count = (name: string, min: number) =>
	z
		.number({ error: `"${name}" harus berupa bilangan` })
		.int(`"${name}" harus bilangan bulat`)
		.min(min, `"${name}" minimal ${min}`);

const pageSchema = z.object(
	{
		data: z.array(z.record(z.string(), z.unknown(), { error: 'setiap isi "data" harus berupa objek' }), {
			error: '"data" harus berupa daftar catatan'
		}),
		meta: z.object(
			{ current_page: count('meta.current_page', 1), last_page: count('meta.last_page', 0), total: count('meta.total', 0) },
			{ error: '"meta" harus berupa objek berisi current_page, last_page dan total' }
		)
	},
	{ error: 'jawaban harus berupa objek berisi "data" dan "meta"' }
);

/** Ends the base URL without a slash, so that "https://x/" and "https://x" are the same source. */
export function normaliseBaseUrl(baseUrl: string): string {
	return baseUrl.trim().replace(/\/+$/, '');
}

export function lanPageUrl(baseUrl: string, page: number, perPage: number, updatedSince?: Date | null): string {
	const url = new URL(`${normaliseBaseUrl(baseUrl)}/api/inolands`);
	url.searchParams.set('page', String(page));
	url.searchParams.set('per_page', String(perPage));
	if (updatedSince) url.searchParams.set('updated_since', updatedSince.toISOString());
	return url.toString();
}

/** Retry-After as milliseconds: either seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
	if (value === null || value.trim() === '') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A failure worth another attempt, with its reason in words. */
class TransientFailure {
	constructor(
		readonly reason: string,
		readonly retryAfterMs?: number
	) {}
}

export interface LanApiClient {
	fetchPage(page: number, updatedSince?: Date | null): Promise<LanPage>;
}

export function createLanApiClient(options: LanApiClientOptions): LanApiClient {
	const perPage = options.perPage ?? LAN_API_DEFAULTS.perPage;
	const timeoutMs = options.timeoutMs ?? LAN_API_DEFAULTS.timeoutMs;
	const maxAttempts = (options.retries ?? LAN_API_DEFAULTS.retries) + 1;
	const baseDelayMs = options.baseDelayMs ?? LAN_API_DEFAULTS.baseDelayMs;
	const maxDelayMs = options.maxDelayMs ?? LAN_API_DEFAULTS.maxDelayMs;
	const maxRetryAfterMs = options.maxRetryAfterMs ?? LAN_API_DEFAULTS.maxRetryAfterMs;
	const doFetch = options.fetch ?? globalThis.fetch;
	const sleep = options.sleep ?? realSleep;
	const random = options.random ?? Math.random;
	const now = options.now ?? Date.now;

	/** Exponential back-off with jitter (half fixed, half random) so that many clients spread out. */
	function backoff(attempt: number): number {
		const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
		return Math.round(ceiling / 2 + (random() * ceiling) / 2);
	}

	async function attempt(url: string, page: number): Promise<unknown> {
		let response: Response;
		let text: string;
		try {
			// One signal for the request and its body: a server that stalls mid-body times out too.
			const signal = AbortSignal.timeout(timeoutMs);
			response = await doFetch(url, { headers: { accept: 'application/json' }, signal });
			if (response.status === 429 || response.status >= 500) {
				// Drain the body so the connection can be reused; its content does not matter.
				await response.arrayBuffer().catch(() => undefined);
				return new TransientFailure(describeStatus(response), parseRetryAfter(response.headers.get('retry-after'), now()));
			}
			text = await response.text();
		} catch (error) {
			return new TransientFailure(describeFetchError(error, timeoutMs));
		}
		if (!response.ok) {
			throw new AppError('SOURCE_BAD_RESPONSE', `API LAN menolak permintaan halaman ${page}: ${describeStatus(response)}.`);
		}
		try {
			return JSON.parse(text) as unknown;
		} catch {
			throw new AppError('SOURCE_BAD_RESPONSE', `Jawaban API LAN untuk halaman ${page} bukan JSON yang sah.`);
		}
	}

	return {
		async fetchPage(page, updatedSince) {
			const url = lanPageUrl(options.baseUrl, page, perPage, updatedSince);
			let body: unknown;
			for (let n = 1; ; n++) {
				body = await attempt(url, page);
				if (!(body instanceof TransientFailure)) break;
				if (n >= maxAttempts) {
					throw new AppError(
						'SOURCE_UNAVAILABLE',
						`API LAN gagal menjawab halaman ${page} setelah ${maxAttempts} percobaan (terakhir: ${body.reason}).`
					);
				}
				const delayMs = Math.min(maxRetryAfterMs, Math.max(backoff(n), body.retryAfterMs ?? 0));
				options.onRetry?.({ page, attempt: n, maxAttempts, delayMs, reason: body.reason });
				await sleep(delayMs);
			}
			const parsed = pageSchema.safeParse(body);
			if (!parsed.success) {
				const issue = parsed.error.issues[0]!;
				throw new AppError('SOURCE_BAD_RESPONSE', `Jawaban API LAN untuk halaman ${page} tidak sesuai format: ${issue.message}.`);
			}
			const { data, meta } = parsed.data;
			// A server that ignores ?page would otherwise be read as the same page over and over.
			if (meta.current_page !== page) {
				throw new AppError(
					'SOURCE_BAD_RESPONSE',
					`API LAN menjawab halaman ${meta.current_page}, padahal yang diminta halaman ${page}.`
				);
			}
			return { records: data, currentPage: meta.current_page, lastPage: meta.last_page, total: meta.total };
		}
	};
}

function describeStatus(response: Response): string {
	return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
	if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
		return `waktu tunggu ${formatSeconds(timeoutMs)} detik habis`;
	}
	const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
	const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
	return `koneksi gagal (${detail})`;
}

function formatSeconds(ms: number): string {
	return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 3 }).format(ms / 1000);
}
