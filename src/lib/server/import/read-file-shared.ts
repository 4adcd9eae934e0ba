/**
 * A source file read into shared memory. The import's worker thread parses the file: bytes in an
 * ordinary buffer are copied to it (the structured clone of postMessage), bytes in a
 * SharedArrayBuffer are not. At the start of each file of the 100,000-record benchmark that copy
 * (49–91 MB) came on top of the parse (decision 010).
 */
import { open } from 'node:fs/promises';

export async function readFileShared(file: string): Promise<Uint8Array> {
	const handle = await open(file, 'r');
	try {
		const { size } = await handle.stat();
		const bytes = new Uint8Array(new SharedArrayBuffer(size));
		let read = 0;
		while (read < size) {
			const { bytesRead } = await handle.read(bytes, read, size - read, read);
			// The file shrank while it was read: what is there is what there is.
			if (bytesRead === 0) return bytes.subarray(0, read);
			read += bytesRead;
		}
		return bytes;
	} finally {
		await handle.close();
	}
}
