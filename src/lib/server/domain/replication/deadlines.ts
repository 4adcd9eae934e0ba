/**
 * Deadlines of a replication on calendar dates ('YYYY-MM-DD', no time zone): when the next
 * monitoring report is due, and which reminders are due on a given day. Pure.
 */
import type { ReplicationState } from '../../db/schema';

export type ReminderKind = 'laporan_segera' | 'laporan_terlambat' | 'kesepakatan_berakhir';

export interface DueReminder {
	kind: ReminderKind;
	/** The deadline the reminder is about; with the kind it makes the reminder unique. */
	dueOn: string;
}

/** A report due in this many days or fewer is announced ("laporan_segera"). */
export const REPORT_NOTICE_DAYS = 14;
/** An agreement ending in this many days or fewer is announced ("kesepakatan_berakhir"). */
export const AGREEMENT_NOTICE_DAYS = 30;

/** States in which monitoring reports are due. */
export const REPORTING_STATES: readonly ReplicationState[] = ['implementasi', 'pemantauan'];
/** States in which the agreement binds the parties (signed or being signed, work not closed). */
export const AGREEMENT_STATES: readonly ReplicationState[] = ['kesepakatan', 'persiapan', 'implementasi', 'pemantauan'];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
	const match = DATE.exec(date);
	if (!match) throw new RangeError(`Not a calendar date: ${date}`);
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new RangeError(`Not a calendar date: ${date}`);
	return [y, m, d];
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `months` after `date`; a day past the end of the target month becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
	if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
	const [y, m, d] = parts(date);
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = parts(date);
	return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const [fy, fm, fd] = parts(from);
	const [ty, tm, td] = parts(to);
	return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}

/**
 * The n-th monitoring report (1, 2, ...) is due n intervals after implementation started.
 * Counted from the start each time so that month-end clamping does not drift (31 Jan, 30 Apr,
 * 31 Jul rather than 31 Jan, 30 Apr, 30 Jul).
 */
export function reportDueOn(implementationStartedOn: string, intervalMonths: number, reportNumber: number): string {
	return addMonths(implementationStartedOn, intervalMonths * reportNumber);
}

/** The due date after `currentDueOn` (one interval later), for a replication that just reported. */
export function nextReportDueOn(currentDueOn: string, intervalMonths: number): string {
	return addMonths(currentDueOn, intervalMonths);
}

/** The calendar date of an instant in Indonesia's western time (WIB, UTC+7, no daylight saving). */
export function dateInJakarta(instant: Date): string {
	return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface DeadlineFacts {
	state: ReplicationState;
	next_report_due_on: string | null;
	agreement_valid_until: string | null;
}

/** The reminders due for one replication on `today` (each is sent once per kind and deadline). */
export function dueReminders(replication: DeadlineFacts, today: string): DueReminder[] {
	const due: DueReminder[] = [];
	if (REPORTING_STATES.includes(replication.state) && replication.next_report_due_on) {
		const days = daysBetween(today, replication.next_report_due_on);
		if (days < 0) due.push({ kind: 'laporan_terlambat', dueOn: replication.next_report_due_on });
		else if (days <= REPORT_NOTICE_DAYS) due.push({ kind: 'laporan_segera', dueOn: replication.next_report_due_on });
	}
	if (AGREEMENT_STATES.includes(replication.state) && replication.agreement_valid_until) {
		const days = daysBetween(today, replication.agreement_valid_until);
		if (days >= 0 && days <= AGREEMENT_NOTICE_DAYS) {
			due.push({ kind: 'kesepakatan_berakhir', dueOn: replication.agreement_valid_until });
		}
	}
	return due;
}
