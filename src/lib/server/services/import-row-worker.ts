/**
 * Worker thread of large imports (started by import-row-preparation.ts): for each file it is sent,
 * reads the file and prepares its rows, a few batches ahead of the main thread, which matches and
 * writes them. It serves one file at a time and waits for the next between them.
 */
import { parentPort } from 'node:worker_threads';
import { serveWorker, type WorkerMessage, type WorkerRequest } from './import-row-preparation';

const port = parentPort!;
/** The listener of the file being served, for the main thread's requests about it. */
let listener: ((message: WorkerRequest) => void) | null = null;
port.on('message', (message: WorkerRequest) => {
	if (message.type !== 'prepare') {
		listener?.(message);
		return;
	}
	listener = null;
	void serveWorker(
		{
			postMessage: (reply: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(reply, transfer),
			on: (_event: 'message', next: (request: WorkerRequest) => void) => (listener = next)
		},
		message.data
	);
});
