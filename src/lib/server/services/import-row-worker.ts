/**
 * Worker thread of a large import (started by import-row-preparation.ts): reads the file and
 * prepares its rows, a few batches ahead of the main thread, which matches and writes them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveWorker, type WorkerData, type WorkerMessage, type WorkerRequest } from './import-row-preparation';

const port = parentPort!;
await serveWorker(
	{
		postMessage: (message: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer),
		on: (event: 'message', listener: (message: WorkerRequest) => void) => port.on(event, listener)
	},
	workerData as WorkerData
);
