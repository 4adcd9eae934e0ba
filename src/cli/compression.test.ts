import { once } from 'node:events';
import { createServer, request, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponse, isCompressible } from './compression';

describe('chooseEncoding', () => {
	it.each([
		['gzip, deflate, br, zstd', 'br'],
		['gzip', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['gzip;q=1.0, br;q=0.5', 'gzip'],
		['*', 'br'],
		['identity', null],
		['br;q=0, gzip;q=0', null],
		['', null]
	])('%s -> %s', (header, expected) => {
		expect(chooseEncoding(header)).toBe(expected);
	});
});

describe('isCompressible', () => {
	it('takes text, json, javascript and svg, not images or event streams', () => {
		expect(isCompressible('text/html; charset=utf-8')).toBe(true);
		expect(isCompressible('application/json')).toBe(true);
		expect(isCompressible('application/problem+json')).toBe(true);
		expect(isCompressible('text/javascript')).toBe(true);
		expect(isCompressible('image/svg+xml')).toBe(true);
		expect(isCompressible('image/png')).toBe(false);
		expect(isCompressible('text/event-stream')).toBe(false);
		expect(isCompressible(undefined)).toBe(false);
	});
});

let server: Server | undefined;
afterEach(async () => {
	if (server) {
		server.close();
		await once(server, 'close');
		server = undefined;
	}
});

async function serve(listener: RequestListener) {
	server = createServer((req, res) => {
		compressResponse(req, res);
		listener(req, res);
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return (server.address() as AddressInfo).port;
}

function get(port: number, acceptEncoding: string, method = 'GET', path = '/') {
	return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
		const req = request({ port, host: '127.0.0.1', method, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

const PAGE = `<!doctype html><html><body>${'<p>Inovasi pelayanan publik</p>'.repeat(400)}</body></html>`;

describe('compressResponse', () => {
	it('compresses a page with brotli when accepted, dropping the stale length', async () => {
		const port = await serve((_req, res) => {
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.setHeader('content-length', Buffer.byteLength(PAGE));
			res.writeHead(200);
			res.end(PAGE);
		});
		const { headers, body } = await get(port, 'gzip, br');
		expect(headers['content-encoding']).toBe('br');
		expect(headers['vary']).toBe('Accept-Encoding');
		expect(headers['content-length']).toBeUndefined();
		expect(body.length).toBeLessThan(PAGE.length / 10);
		expect(brotliDecompressSync(body).toString('utf8')).toBe(PAGE);
	});

	it('compresses a body streamed in many chunks with gzip, honouring back-pressure', async () => {
		const port = await serve((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json', Vary: 'Cookie' });
			let i = 0;
			const next = () => {
				while (i < 2000) {
					const ok = res.write(JSON.stringify({ i, text: 'x'.repeat(100 + (i % 50)) }) + '\n');
					i++;
					if (!ok) return void res.once('drain', next);
				}
				res.end();
			};
			next();
		});
		const { headers, body } = await get(port, 'gzip');
		expect(headers['content-encoding']).toBe('gzip');
		expect(headers['vary']).toBe('Cookie, Accept-Encoding');
		const lines = gunzipSync(body).toString('utf8').trim().split('\n');
		expect(lines).toHaveLength(2000);
		expect(JSON.parse(lines[1999]!).i).toBe(1999);
	});

	it('streams a body that goes on after the first turn of the event loop (a streamed page)', async () => {
		const port = await serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.write(PAGE.slice(0, 5000));
			setImmediate(() => {
				res.write(PAGE.slice(5000, 9000));
				setImmediate(() => res.end(PAGE.slice(9000)));
			});
		});
		const { headers, body } = await get(port, 'gzip, br');
		expect(headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(body).toString('utf8')).toBe(PAGE);
	});

	it('leaves alone what is already encoded, small, binary, or not accepted', async () => {
		const port = await serve((req, res) => {
			if (req.url === '/encoded') {
				res.writeHead(200, { 'content-type': 'text/css', 'content-encoding': 'br' });
				return void res.end(Buffer.from('already'));
			}
			res.setHeader('content-type', 'application/json');
			res.end(req.url === '/small' ? '{"kecil":true}' : PAGE);
		});
		const encoded = await get(port, 'br', 'GET', '/encoded');
		expect(encoded.headers['content-encoding']).toBe('br');
		expect(encoded.body.toString()).toBe('already');
		const small = await get(port, 'gzip', 'GET', '/small');
		expect(small.headers['content-encoding']).toBeUndefined();
		expect(small.body.toString()).toBe('{"kecil":true}');
		const none = await get(port, 'identity');
		expect(none.headers['content-encoding']).toBeUndefined();
		const head = await get(port, 'gzip', 'HEAD');
		expect(head.headers['content-encoding']).toBeUndefined();
	});

	it('does not touch images', async () => {
		const port = await serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'image/png' });
			res.end(Buffer.alloc(5000, 1));
		});
		const { headers, body } = await get(port, 'gzip, br');
		expect(headers['content-encoding']).toBeUndefined();
		expect(body.length).toBe(5000);
	});
});
