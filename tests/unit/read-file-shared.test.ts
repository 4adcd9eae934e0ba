import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileShared } from '../../src/lib/server/import/read-file-shared';

describe('readFileShared', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'jippnas-shared-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('reads the whole file into shared memory', async () => {
		const file = path.join(dir, 'lan.jsonl');
		writeFileSync(file, `${'{"judul":"Sekolah Ibu — Kab. Ngada"}\n'.repeat(5000)}`);
		const bytes = await readFileShared(file);
		expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
		expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
	});

	it('reads an empty file as no bytes', async () => {
		const file = path.join(dir, 'kosong.csv');
		writeFileSync(file, '');
		expect((await readFileShared(file)).byteLength).toBe(0);
	});

	it('throws the file system error of a missing file (the CLI names it)', async () => {
		await expect(readFileShared(path.join(dir, 'tidak-ada.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
	});
});
