import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseConfig } from './env';
import { importSettings } from './import-settings';

describe('importSettings', () => {
	it('defaults to three writers and the automatic choice of thread', () => {
		expect(importSettings({})).toEqual({ IMPORT_WRITE_CONCURRENCY: 3, IMPORT_PREPARE_WORKER: undefined });
		expect(importSettings({ IMPORT_WRITE_CONCURRENCY: '1', IMPORT_PREPARE_WORKER: '' })).toEqual({ IMPORT_WRITE_CONCURRENCY: 1, IMPORT_PREPARE_WORKER: undefined });
		expect(importSettings({ IMPORT_PREPARE_WORKER: '0' }).IMPORT_PREPARE_WORKER).toBe('0');
	});

	it('refuses a wrong value with its reason in Bahasa Indonesia', () => {
		const attempt = () => importSettings({ IMPORT_WRITE_CONCURRENCY: 'banyak', IMPORT_PREPARE_WORKER: 'ya' });
		expect(attempt).toThrow(AppError);
		expect(attempt).toThrow('IMPORT_WRITE_CONCURRENCY harus berupa angka; IMPORT_PREPARE_WORKER harus 0 atau 1 (kosongkan untuk otomatis)');
		expect(() => importSettings({ IMPORT_WRITE_CONCURRENCY: '0' })).toThrow('IMPORT_WRITE_CONCURRENCY minimal 1');
	});

	it('is part of the app configuration, so serve refuses a wrong value at start', () => {
		expect(parseConfig({}).IMPORT_WRITE_CONCURRENCY).toBe(3);
		expect(() => parseConfig({ IMPORT_WRITE_CONCURRENCY: '99' })).toThrow('IMPORT_WRITE_CONCURRENCY maksimal 16');
	});
});
