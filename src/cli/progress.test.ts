import { describe, expect, it } from 'vitest';
import { createProgress } from './progress';

function recorder(isTTY: boolean) {
	const writes: string[] = [];
	return { isTTY, columns: 200, writes, write: (text: string) => writes.push(text) };
}

describe('createProgress', () => {
	it('without a terminal, writes a line at each tenth of the way and not in between', () => {
		const stream = recorder(false);
		const progress = createProgress('Mengekspor', stream);
		for (let done = 0; done <= 3000; done += 100) progress.update(done, 3000);
		progress.finish('Selesai.');
		expect(stream.writes).toEqual([
			'Mengekspor: 0% (0/3.000)\n',
			'Mengekspor: 10% (300/3.000)\n',
			'Mengekspor: 20% (600/3.000)\n',
			'Mengekspor: 30% (900/3.000)\n',
			'Mengekspor: 40% (1.200/3.000)\n',
			'Mengekspor: 50% (1.500/3.000)\n',
			'Mengekspor: 60% (1.800/3.000)\n',
			'Mengekspor: 70% (2.100/3.000)\n',
			'Mengekspor: 80% (2.400/3.000)\n',
			'Mengekspor: 90% (2.700/3.000)\n',
			'Mengekspor: 100% (3.000/3.000)\n',
			'Selesai.\n'
		]);
	});

	it('on a terminal, redraws one line in place and always draws the end', () => {
		const stream = recorder(true);
		const progress = createProgress('Memuat', stream);
		progress.update(0, 4);
		progress.update(1, 4);
		progress.update(4, 4);
		progress.finish();
		expect(stream.writes[0]).toMatch(/^\r\x1b\[2KMemuat ░{28}   0% 0\/4$/);
		expect(stream.writes.at(-2)).toMatch(/^\r\x1b\[2KMemuat █{28} 100% 4\/4$/);
		expect(stream.writes.at(-1)).toBe('\n');
		expect(stream.writes.every((w) => !w.includes('\n') || w === '\n')).toBe(true);
	});

	it('an empty job counts as complete', () => {
		const stream = recorder(false);
		createProgress('Mengekspor', stream).update(0, 0);
		expect(stream.writes).toEqual(['Mengekspor: 100% (0/0)\n']);
	});
});
