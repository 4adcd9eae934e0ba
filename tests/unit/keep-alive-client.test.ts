import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeResponse, KeepAliveClient } from '../../bench/keep-alive-client';

describe('completeResponse (the benchmark client reading an answer)', () => {
	const head = (lines: string[]) => `HTTP/1.1 200 OK\r\n${lines.join('\r\n')}\r\n\r\n`;

	it('waits for the whole body of its Content-Length', () => {
		expect(completeResponse(Buffer.from(head(['content-length: 5']) + 'abcd'))).toBeNull();
		expect(completeResponse(Buffer.from(head(['Content-Length: 5']) + 'abcde'))).toBe(200);
	});

	it('waits for the last chunk of a chunked body', () => {
		const start = head(['transfer-encoding: chunked']) + '3\r\nabc\r\n';
		expect(completeResponse(Buffer.from(start))).toBeNull();
		expect(completeResponse(Buffer.from(start + '0\r\n'))).toBeNull();
		expect(completeResponse(Buffer.from(start + 'a\r\n0123456789\r\n0\r\n\r\n'))).toBe(200);
	});

	it('reads the status of an answer without a body, and waits for the end of the headers', () => {
		expect(completeResponse(Buffer.from('HTTP/1.1 304 Not Modified\r\netag: "x"\r\n\r\n'))).toBe(304);
		expect(completeResponse(Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n'))).toBeNull();
	});
});

describe('KeepAliveClient', () => {
	let server: http.Server;
	let port: number;
	const connections = new Set<unknown>();
	beforeAll(async () => {
		server = http.createServer((request, response) => {
			if (request.url === '/chunked') {
				response.write('a'.repeat(10_000));
				response.end('b');
			} else response.writeHead(request.url === '/missing' ? 404 : 200, { 'content-length': '2' }).end('ok');
		});
		server.on('connection', (socket) => connections.add(socket));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as AddressInfo).port;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('sends requests one after another on one connection and reports each status', async () => {
		const client = new KeepAliveClient('127.0.0.1', port, { accept: 'application/json' });
		try {
			const before = connections.size;
			expect(await client.get('/a')).toBe(200);
			expect(await client.get('/chunked')).toBe(200);
			expect(await client.get('/missing')).toBe(404);
			expect(connections.size - before).toBe(1);
		} finally {
			client.close();
		}
	});

	it('answers 0 when the server cannot be reached', async () => {
		const client = new KeepAliveClient('127.0.0.1', 1, {});
		expect(await client.get('/')).toBe(0);
		client.close();
	});
});
