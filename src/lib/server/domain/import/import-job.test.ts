import { describe, expect, it } from 'vitest';
import { importJobPayloadSchema, importProgress, uploadExtension } from './import-job';

describe('uploadExtension', () => {
	it('accepts the formats the readers understand, whatever the case', () => {
		expect(uploadExtension('SINOVIK 2024.XLSX')).toBe('.xlsx');
		expect(uploadExtension('panrb.csv')).toBe('.csv');
		expect(uploadExtension('lan.jsonl')).toBe('.jsonl');
		expect(uploadExtension('lan.ndjson')).toBe('.ndjson');
	});

	it('refuses other files and names without an extension', () => {
		expect(uploadExtension('laporan.pdf')).toBeNull();
		expect(uploadExtension('panrb')).toBeNull();
		expect(uploadExtension('data.csv.exe')).toBeNull();
	});
});

describe('importProgress', () => {
	const counts = { read: 400, inserted: 150, updated: 20, unchanged: 25, linked: 30, review: 2, rejected: 5, skippedEmpty: 0 };

	it('counts stored, unchanged and quarantined rows of a running import, not linked or reviewed (they are among the stored)', () => {
		expect(importProgress('running', counts)).toEqual({ done: 200, total: 400, percent: 50, finished: false });
	});

	it('is complete once the run succeeded, even when duplicate IDs in the file left rows uncounted', () => {
		expect(importProgress('partly', counts)).toEqual({ done: 400, total: 400, percent: 100, finished: true });
	});

	it('stays where it stopped for an interrupted or failed run', () => {
		expect(importProgress('interrupted', counts)).toMatchObject({ done: 200, percent: 50, finished: true });
		expect(importProgress('failed', counts)).toMatchObject({ done: 200, finished: true });
	});

	it('never passes the total when unreadable rows add to the quarantined count', () => {
		expect(importProgress('running', { read: 10, inserted: 10, rejected: 3 })).toMatchObject({ done: 10, percent: 100 });
	});

	it('has nothing to do for an empty run that has not started', () => {
		expect(importProgress('running', {})).toEqual({ done: 0, total: 0, percent: 0, finished: false });
	});
});

describe('importJobPayloadSchema', () => {
	const payload = { source: 'panrb', fileName: 'panrb.csv', storedName: `${'a'.repeat(64)}.csv`, checksum: 'a'.repeat(64), size: 10, mapping: null };

	it('accepts what queueImportJob stores', () => {
		expect(importJobPayloadSchema.parse(payload)).toEqual(payload);
	});

	it('refuses a stored name that could leave the upload folder', () => {
		expect(importJobPayloadSchema.safeParse({ ...payload, storedName: '../../etc/passwd' }).success).toBe(false);
	});
});
