/**
 * How fast this machine runs JavaScript at the moment, for reading a benchmark's figures: the
 * shared 2-core machine has run the same code at very different speeds within one day (the import
 * benchmark's record generation, a fixed single-threaded job, took 2.2 s at one moment and 6.2 s at
 * another). A fixed job that owes nothing to the project's code (strings, objects, a Map and JSON,
 * as the benchmarks do) is timed three times; the fastest is the figure, in milliseconds (smaller
 * is faster). Printed at the start and end of a benchmark and kept in its results.
 */
export function measureMachineSpeed(): number {
	let best = Infinity;
	for (let round = 0; round < 3; round++) {
		const started = performance.now();
		referenceJob();
		best = Math.min(best, performance.now() - started);
	}
	return Math.round(best);
}

/** A fixed amount of work; its result is checked so that nothing of it can be optimised away. */
function referenceJob(): void {
	const counts = new Map<string, number>();
	let length = 0;
	for (let i = 0; i < 60_000; i++) {
		const record = { id: `r${i}`, title: `inovasi pelayanan ${i % 977} desa ${i % 131}`, year: 2000 + (i % 25), tags: [i % 7, i % 11, i % 13] };
		const text = JSON.stringify(record);
		length += text.length;
		for (const word of record.title.split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
	}
	if (length === 0 || counts.size === 0) throw new Error('machine-speed: the reference job did nothing');
}

/** One line for a benchmark's output. */
export function machineSpeedLine(ms: number): string {
	return `Kecepatan mesin saat ini: tugas acuan ${ms} ms (makin kecil makin cepat; lihat bench/machine-speed.ts)`;
}
