import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	dateInJakarta,
	daysBetween,
	dueReminders,
	nextReportDueOn,
	reportDueOn,
	type DeadlineFacts
} from './deadlines';

describe('addMonths', () => {
	it('adds months within and across years', () => {
		expect(addMonths('2025-01-15', 3)).toBe('2025-04-15');
		expect(addMonths('2025-11-10', 3)).toBe('2026-02-10');
		expect(addMonths('2025-03-01', -3)).toBe('2024-12-01');
		expect(addMonths('2025-03-01', 0)).toBe('2025-03-01');
		expect(addMonths('2025-03-01', 12)).toBe('2026-03-01');
	});

	it('clamps to the last day of a shorter month', () => {
		expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2025-03-31', 3)).toBe('2025-06-30');
		expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
	});

	it('refuses what is not a calendar date or a whole number of months', () => {
		expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
		expect(() => addMonths('2025-13-01', 1)).toThrow(RangeError);
		expect(() => addMonths('1/2/2025', 1)).toThrow(RangeError);
		expect(() => addMonths('2025-01-01', 1.5)).toThrow(RangeError);
	});
});

describe('report due dates', () => {
	it('counts every due date from the start, so month ends do not drift', () => {
		expect(reportDueOn('2025-01-31', 3, 1)).toBe('2025-04-30');
		expect(reportDueOn('2025-01-31', 3, 2)).toBe('2025-07-31');
		expect(reportDueOn('2025-01-31', 3, 4)).toBe('2026-01-31');
	});

	it('moves the current due date on by one interval', () => {
		expect(nextReportDueOn('2025-04-30', 3)).toBe('2025-07-30');
		expect(nextReportDueOn('2025-11-30', 3)).toBe('2026-02-28');
		expect(nextReportDueOn('2025-05-15', 1)).toBe('2025-06-15');
	});
});

describe('day arithmetic', () => {
	it('counts days between dates, negative backwards, across leap days', () => {
		expect(daysBetween('2025-03-01', '2025-03-15')).toBe(14);
		expect(daysBetween('2025-03-15', '2025-03-01')).toBe(-14);
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
	});

	it('adds days', () => {
		expect(addDays('2025-02-20', 14)).toBe('2025-03-06');
		expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
	});

	it('reads the calendar date in WIB (UTC+7)', () => {
		expect(dateInJakarta(new Date('2025-03-01T16:59:59Z'))).toBe('2025-03-01');
		expect(dateInJakarta(new Date('2025-03-01T17:00:00Z'))).toBe('2025-03-02');
		expect(dateInJakarta(new Date('2024-12-31T20:00:00Z'))).toBe('2025-01-01');
	});
});

describe('dueReminders', () => {
	const reporting = (due: string | null, state: DeadlineFacts['state'] = 'implementasi'): DeadlineFacts => ({
		state,
		next_report_due_on: due,
		agreement_valid_until: null
	});

	it('announces a report due within 14 days, including the due day itself', () => {
		expect(dueReminders(reporting('2025-03-15'), '2025-03-01')).toEqual([{ kind: 'laporan_segera', dueOn: '2025-03-15' }]);
		expect(dueReminders(reporting('2025-03-01', 'pemantauan'), '2025-03-01')).toEqual([
			{ kind: 'laporan_segera', dueOn: '2025-03-01' }
		]);
	});

	it('says nothing about a report due in more than 14 days', () => {
		expect(dueReminders(reporting('2025-03-16'), '2025-03-01')).toEqual([]);
	});

	it('reports an overdue report the day after it was due', () => {
		expect(dueReminders(reporting('2025-02-28'), '2025-03-01')).toEqual([{ kind: 'laporan_terlambat', dueOn: '2025-02-28' }]);
		expect(dueReminders(reporting('2024-11-01', 'pemantauan'), '2025-03-01')).toEqual([
			{ kind: 'laporan_terlambat', dueOn: '2024-11-01' }
		]);
	});

	it('asks for reports only while implementing or monitoring', () => {
		for (const state of ['persiapan', 'selesai', 'dihentikan', 'dibatalkan'] as const) {
			expect(dueReminders(reporting('2025-02-01', state), '2025-03-01')).toEqual([]);
		}
		expect(dueReminders(reporting(null), '2025-03-01')).toEqual([]);
	});

	it('announces an agreement ending within 30 days while it binds', () => {
		const agreement = (until: string, state: DeadlineFacts['state'] = 'persiapan'): DeadlineFacts => ({
			state,
			next_report_due_on: null,
			agreement_valid_until: until
		});
		expect(dueReminders(agreement('2025-03-31'), '2025-03-01')).toEqual([{ kind: 'kesepakatan_berakhir', dueOn: '2025-03-31' }]);
		expect(dueReminders(agreement('2025-03-01', 'kesepakatan'), '2025-03-01')).toEqual([
			{ kind: 'kesepakatan_berakhir', dueOn: '2025-03-01' }
		]);
		expect(dueReminders(agreement('2025-04-01'), '2025-03-01')).toEqual([]);
		expect(dueReminders(agreement('2025-02-28'), '2025-03-01')).toEqual([]);
		expect(dueReminders(agreement('2025-03-10', 'selesai'), '2025-03-01')).toEqual([]);
		expect(dueReminders(agreement('2025-03-10', 'minat'), '2025-03-01')).toEqual([]);
	});

	it('gives both reminders when both deadlines are near', () => {
		expect(
			dueReminders({ state: 'pemantauan', next_report_due_on: '2025-02-27', agreement_valid_until: '2025-03-20' }, '2025-03-01')
		).toEqual([
			{ kind: 'laporan_terlambat', dueOn: '2025-02-27' },
			{ kind: 'kesepakatan_berakhir', dueOn: '2025-03-20' }
		]);
	});
});
