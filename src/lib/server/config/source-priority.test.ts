import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_PRIORITY } from '../domain/import/source-priority';
import { sourcePriorityFromFile } from './source-priority';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jippnas-priority-'));
const write = (name: string, text: string) => {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	return file;
};

describe('SOURCE_PRIORITY_FILE', () => {
	it('uses the default without a file', () => {
		expect(sourcePriorityFromFile(undefined)).toBe(DEFAULT_SOURCE_PRIORITY);
	});

	it('reads a valid file', () => {
		const file = write('ok.json', JSON.stringify({ default: ['lan', 'panrb', 'kemendagri'], fields: { stage: ['panrb'] } }));
		expect(sourcePriorityFromFile(file)).toEqual({ default: ['lan', 'panrb', 'kemendagri'], fields: { stage: ['panrb'] } });
	});

	it('stops with the reasons when the file is not JSON, missing or invalid', () => {
		const notJson = write('bad.json', '{ default: panrb');
		expect(() => sourcePriorityFromFile(notJson)).toThrow(`Berkas prioritas sumber ${notJson}: isinya bukan JSON yang sah.`);
		const missing = path.join(dir, 'tidak-ada.json');
		expect(() => sourcePriorityFromFile(missing)).toThrow(`Berkas prioritas sumber ${missing}: berkas tidak dapat dibaca.`);
		const invalid = write('invalid.json', JSON.stringify({ default: ['bps'] }));
		expect(() => sourcePriorityFromFile(invalid)).toThrow(
			`Berkas prioritas sumber ${invalid} tidak sah: default.0: Sumber harus salah satu dari: panrb, kemendagri, lan.`
		);
	});
});
