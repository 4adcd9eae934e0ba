import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A stand-in for LAN's Inoland API on 127.0.0.1 (port 0), serving the shared LAN sample records
 * page by page, ordered by id, filtered by updated_since. `fault` lets a test fail chosen requests,
 * `hold` keeps a request's answer back until a promise resolves; `requests` logs every request so
 * a test can tell which pages were fetched.
 */
export const LAN_SAMPLE = path.resolve(import.meta.dirname, '../../../shared/samples/lan.json');

export type LanRecord = Record<string, unknown> & { id: number; updated_at: string };

export interface LanRequest {
	page: number;
	perPage: number;
	updatedSince: string | null;
	/** How many times this page (with this filter) has been asked for, this one included. */
	attempt: number;
}

/** What to answer instead of the page: a status (with body and headers), or a dropped connection. */
export type LanFault = { status: number; body?: string; headers?: Record<string, string> } | 'drop';

export interface LanApiServer {
	url: string;
	records: LanRecord[];
	requests: LanRequest[];
	fault: ((request: LanRequest) => LanFault | undefined) | undefined;
	/** A promise to answer the request after (a sync held mid-page); undefined answers at once. */
	hold: ((request: LanRequest) => Promise<void> | undefined) | undefined;
	/** Changes a record as the source would: new content and a fresh updated_at. */
	edit(id: number, changes: Record<string, unknown>, updatedAt?: Date): void;
	close(): Promise<void>;
}

export function lanSampleRecords(): LanRecord[] {
	return JSON.parse(readFileSync(LAN_SAMPLE, 'utf8')) as LanRecord[];
}

export async function startLanApiServer(records: LanRecord[] = lanSampleRecords()): Promise<LanApiServer> {
	const attempts = new Map<string, number>();
	const state: LanApiServer = {
		url: '',
		records,
		requests: [],
		fault: undefined,
		hold: undefined,
		edit(id, changes, updatedAt = new Date()) {
			const record = state.records.find((r) => r.id === id);
			if (!record) throw new Error(`no LAN sample record ${id}`);
			Object.assign(record, changes, { updated_at: updatedAt.toISOString() });
		},
		close: () =>
			new Promise((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			})
	};

	const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end(body);
	};

	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (url.pathname !== '/api/inolands') return send(res, 404, '{"message":"Not Found"}');
		const page = Number(url.searchParams.get('page') ?? '1');
		const perPage = Number(url.searchParams.get('per_page') ?? '15');
		const updatedSince = url.searchParams.get('updated_since');
		const key = `${page}|${perPage}|${updatedSince}`;
		const attempt = (attempts.get(key) ?? 0) + 1;
		attempts.set(key, attempt);
		const request = { page, perPage, updatedSince, attempt };
		state.requests.push(request);
		const held = state.hold?.(request);
		if (held) void held.then(() => answer(request, req, res));
		else answer(request, req, res);
	});

	const answer = (request: LanRequest, req: IncomingMessage, res: ServerResponse) => {
		const { page, perPage, updatedSince } = request;
		const fault = state.fault?.(request);
		if (fault === 'drop') {
			req.socket.destroy();
			return;
		}
		if (fault) return send(res, fault.status, fault.body ?? '{"message":"Server Error"}', fault.headers);

		const since = updatedSince ? Date.parse(updatedSince) : Number.NEGATIVE_INFINITY;
		const matching = state.records.filter((r) => Date.parse(r.updated_at) >= since).sort((a, b) => a.id - b.id);
		const lastPage = Math.max(1, Math.ceil(matching.length / perPage));
		const data = matching.slice((page - 1) * perPage, page * perPage);
		send(res, 200, JSON.stringify({ data, meta: { current_page: page, last_page: lastPage, total: matching.length } }));
	};
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return state;
}
