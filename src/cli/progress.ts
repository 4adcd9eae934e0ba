/**
 * Progress of a long-running command, on stderr so that stdout stays clean for data (an
 * export piped elsewhere). On a terminal: one bar redrawn in place. Otherwise (logs, CI): a
 * line at every tenth of the way, so the log shows it is alive without flooding.
 */
export interface Progress {
	update(done: number, total: number): void;
	/** Ends the bar; the message, if any, replaces it. */
	finish(message?: string): void;
}

interface ProgressStream {
	isTTY?: boolean;
	columns?: number;
	write(text: string): unknown;
}

const BAR_WIDTH = 28;
const REDRAW_EVERY_MS = 80;
const numberFormat = new Intl.NumberFormat('id-ID');

export function createProgress(label: string, stream: ProgressStream = process.stderr): Progress {
	const tty = Boolean(stream.isTTY);
	let lastDraw = 0;
	let lastTenth = -1;
	let drawn = false;
	let latest: { done: number; total: number } | undefined;

	const describe = (done: number, total: number) => {
		const ratio = total > 0 ? Math.min(1, done / total) : 1;
		const percent = Math.floor(ratio * 100);
		return { ratio, percent, counts: `${numberFormat.format(done)}/${numberFormat.format(total)}` };
	};

	const draw = (done: number, total: number) => {
		const { ratio, percent, counts } = describe(done, total);
		const filled = Math.round(ratio * BAR_WIDTH);
		const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
		let line = `${label} ${bar} ${String(percent).padStart(3)}% ${counts}`;
		if (stream.columns && line.length > stream.columns - 1) line = line.slice(0, stream.columns - 1);
		stream.write(`\r\x1b[2K${line}`);
		drawn = true;
	};

	return {
		update(done, total) {
			latest = { done, total };
			if (tty) {
				const now = Date.now();
				if (now - lastDraw < REDRAW_EVERY_MS && done < total) return;
				lastDraw = now;
				draw(done, total);
				return;
			}
			const { percent, counts } = describe(done, total);
			const tenth = Math.floor(percent / 10);
			if (tenth === lastTenth) return;
			lastTenth = tenth;
			stream.write(`${label}: ${percent}% (${counts})\n`);
		},
		finish(message) {
			if (tty && message && drawn) stream.write('\r\x1b[2K');
			else if (tty && latest) {
				draw(latest.done, latest.total);
				stream.write('\n');
			}
			if (message) stream.write(`${message}\n`);
		}
	};
}
