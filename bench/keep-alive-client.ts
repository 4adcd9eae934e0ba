/**
 * A minimal HTTP/1.1 client for the search benchmark's load: one keep-alive connection, one
 * request at a time, GET only, reading just the status and the body's framing (Content-Length or
 * chunked). The benchmark runs on the machine it measures: Node's own http client spent ~0.3 ms
 * of CPU per answer (a quarter of a core at 300 req/s) that the server under test then lacked.
 * autocannon (the benchmark's flat-out run) works the same way for the same reason.
 */
import net from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

export class KeepAliveClient {
	private socket: net.Socket | null = null;
	private pending: { resolve: (status: number) => void; timer: NodeJS.Timeout } | null = null;
	private buffered: Buffer = Buffer.alloc(0);
	private readonly requestHead: string;

	constructor(
		private readonly host: string,
		private readonly port: number,
		headers: Record<string, string>,
		private readonly timeoutMs = 30_000
	) {
		this.requestHead = [`Host: ${host}:${port}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
	}

	/** GET `path`, read to the end of its body: the status code, or 0 on an error or a time-out. */
	get(path: string): Promise<number> {
		if (this.pending) throw new Error('KeepAliveClient: one request at a time');
		return new Promise((resolve) => {
			const timer = setTimeout(() => this.fail(), this.timeoutMs);
			this.pending = { resolve, timer };
			this.buffered = Buffer.alloc(0);
			this.connection().write(`GET ${path} HTTP/1.1\r\n${this.requestHead}\r\n\r\n`);
		});
	}

	close(): void {
		this.socket?.destroy();
		this.socket = null;
	}

	private connection(): net.Socket {
		if (this.socket && !this.socket.destroyed) return this.socket;
		const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
		socket.on('data', (data: Buffer) => this.receive(data));
		socket.on('error', () => this.fail());
		socket.on('close', () => {
			if (this.socket === socket) this.socket = null;
			this.fail();
		});
		this.socket = socket;
		return socket;
	}

	private receive(data: Buffer): void {
		if (!this.pending) return;
		this.buffered = this.buffered.length === 0 ? data : Buffer.concat([this.buffered, data]);
		const status = completeResponse(this.buffered);
		if (status === null) return;
		this.finish(status);
	}

	private fail(): void {
		if (!this.pending) return;
		this.socket?.destroy();
		this.socket = null;
		this.finish(0);
	}

	private finish(status: number): void {
		const { resolve, timer } = this.pending!;
		clearTimeout(timer);
		this.pending = null;
		this.buffered = Buffer.alloc(0);
		resolve(status);
	}
}

/** The status of a whole response in `bytes`, or null while more is to come. */
export function completeResponse(bytes: Buffer): number | null {
	const headerEnd = bytes.indexOf(HEADER_END);
	if (headerEnd < 0) return null;
	const head = bytes.toString('latin1', 0, headerEnd);
	const status = Number(head.slice(9, 12));
	const bodyStart = headerEnd + HEADER_END.length;
	const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
	if (length) return bytes.length - bodyStart >= Number(length[1]) ? status : null;
	if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return status; // no body (204, 304)
	// Chunked: sizes in hex, each chunk followed by CRLF, ended by a chunk of size 0 and CRLF.
	let at = bodyStart;
	for (;;) {
		const lineEnd = bytes.indexOf(CRLF, at);
		if (lineEnd < 0) return null;
		const size = parseInt(bytes.toString('latin1', at, lineEnd), 16);
		if (size === 0) return bytes.indexOf(CRLF, lineEnd + 2) >= 0 ? status : null;
		at = lineEnd + 2 + size + 2;
		if (at > bytes.length) return null;
	}
}
