import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { AppError, validationError } from '../errors';
import { authorize, type Actor } from '../policy';
import { markAllNotificationsRead, markNotificationRead } from '../repositories/notification-repository';

// One object rather than a union: a union's failure is zod's English "Invalid input".
export const markNotificationsReadSchema = z
	.object({
		all: z.literal(true, { error: 'Notifikasi tidak dikenal.' }).optional(),
		id: z.coerce
			.number({ error: 'Notifikasi tidak dikenal.' })
			.int('Notifikasi tidak dikenal.')
			.positive('Notifikasi tidak dikenal.')
			.optional()
	})
	.refine((input) => input.all === true || input.id !== undefined, { error: 'Notifikasi tidak dikenal.' });

export type MarkNotificationsReadInput = z.input<typeof markNotificationsReadSchema>;

/**
 * Marks one of the person's own notifications read, or all of them. Someone else's notification
 * answers NOT_FOUND, like one that does not exist, so ids reveal nothing.
 */
export async function markNotificationsRead(
	db: Kysely<DB>,
	actor: Actor | null,
	input: MarkNotificationsReadInput,
	options: { now?: Date } = {}
): Promise<{ marked: number }> {
	authorize(actor, 'account.own');
	const parsed = markNotificationsReadSchema.safeParse(input);
	if (!parsed.success) throw validationError(parsed.error);
	const now = options.now ?? new Date();
	if (parsed.data.all) return { marked: await markAllNotificationsRead(db, actor!.id, now) };
	if (!(await markNotificationRead(db, actor!.id, parsed.data.id!, now))) throw new AppError('NOT_FOUND', 'Notifikasi tidak ditemukan.');
	return { marked: 1 };
}
