import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { pageCount, pageWindow } from '../domain/pagination';
import { authorize, type Actor } from '../policy';
import { countNotificationsOfUser, countUnreadNotifications, listNotificationsOfUser } from '../repositories/notification-repository';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export interface NotificationItem {
	id: number;
	replicationId: string | null;
	kind: string;
	title: string;
	body: string;
	/** A path on this site, e.g. /replikasi/rep-... */
	link: string;
	createdAt: string;
	readAt: string | null;
}

export interface NotificationPage {
	items: NotificationItem[];
	total: number;
	unread: number;
	page: number;
	pages: number;
}

/** The signed-in person's own notifications, newest first, with how many are unread. */
export async function listNotifications(
	db: Kysely<DB>,
	actor: Actor | null,
	options: { page?: number; perPage?: number } = {}
): Promise<NotificationPage> {
	authorize(actor, 'account.own');
	const userId = actor!.id;
	const perPage = options.perPage ?? NOTIFICATIONS_PAGE_SIZE;
	const window = pageWindow(options.page ?? 1, perPage);
	const [rows, counts] = await Promise.all([
		listNotificationsOfUser(db, userId, window),
		countNotificationsOfUser(db, userId)
	]);
	return {
		items: rows.map((row) => ({
			id: Number(row.id),
			replicationId: row.replication_id,
			kind: row.kind,
			title: row.title,
			body: row.body,
			link: row.link,
			createdAt: new Date(row.created_at).toISOString(),
			readAt: row.read_at ? new Date(row.read_at).toISOString() : null
		})),
		total: counts.total,
		unread: counts.unread,
		page: window.page,
		pages: pageCount(counts.total, perPage)
	};
}

/** The unread count for the header badge (0 for the public and the system). */
export async function countUnreadNotificationsOf(db: Kysely<DB>, actor: Actor | null): Promise<number> {
	if (!actor || actor.role === 'system') return 0;
	return countUnreadNotifications(db, actor.id);
}
