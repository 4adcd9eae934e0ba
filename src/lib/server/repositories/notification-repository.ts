import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface NewNotification {
	userId: string;
	replicationId: string | null;
	kind: string;
	title: string;
	body: string;
	link: string;
}

export async function insertNotifications(db: Kysely<DB>, notifications: NewNotification[]): Promise<number[]> {
	if (!notifications.length) return [];
	const rows = await db
		.insertInto('notifications')
		.values(
			notifications.map((n) => ({
				user_id: n.userId,
				replication_id: n.replicationId,
				kind: n.kind,
				title: n.title,
				body: n.body,
				link: n.link
			}))
		)
		.returning('id')
		.execute();
	return rows.map((row) => Number(row.id));
}

/** One person's notifications, newest first. */
export function listNotificationsOfUser(db: Kysely<DB>, userId: string, page: { limit: number; offset: number }) {
	return db
		.selectFrom('notifications')
		.select(['id', 'replication_id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(page.limit)
		.offset(page.offset)
		.execute();
}

export async function countNotificationsOfUser(db: Kysely<DB>, userId: string): Promise<{ total: number; unread: number }> {
	const row = await db
		.selectFrom('notifications')
		.select((eb) => [
			eb.fn.countAll<string>().as('total'),
			eb.fn.count<string>('id').filterWhere('read_at', 'is', null).as('unread')
		])
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return { total: Number(row.total), unread: Number(row.unread) };
}

/** For the badge in the header: uses the partial index on unread rows. */
export async function countUnreadNotifications(db: Kysely<DB>, userId: string): Promise<number> {
	const row = await db
		.selectFrom('notifications')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * Marks one of the user's notifications read (an already read one keeps its time). Returns
 * false when the user has no notification with that id.
 */
export async function markNotificationRead(db: Kysely<DB>, userId: string, id: number, at: Date): Promise<boolean> {
	const row = await db
		.updateTable('notifications')
		.set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
		.where('user_id', '=', userId)
		.where('id', '=', id)
		.returning('id')
		.executeTakeFirst();
	return row !== undefined;
}

/** Marks all the user's unread notifications read; returns how many. */
export async function markAllNotificationsRead(db: Kysely<DB>, userId: string, at: Date): Promise<number> {
	const result = await db
		.updateTable('notifications')
		.set({ read_at: at })
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** The replication's facts a notification names: innovation title, both agencies, the hub. */
export function findReplicationNoticeFacts(db: Kysely<DB>, replicationId: string) {
	return db
		.selectFrom('replications as r')
		.innerJoin('innovations as i', 'i.id', 'r.innovation_id')
		.innerJoin('agencies as o', 'o.id', 'r.originator_agency_id')
		.innerJoin('agencies as p', 'p.id', 'r.replicator_agency_id')
		.select([
			'r.id',
			'r.originator_agency_id',
			'r.replicator_agency_id',
			'r.hub_id',
			'i.title as innovation_title',
			'o.name as originator_name',
			'p.name as replicator_name'
		])
		.where('r.id', '=', replicationId)
		.executeTakeFirst();
}

/**
 * Active accounts involved in a replication: operators of both agencies, coordinators of its
 * hub, and the national admins when there is no hub (they facilitate then). Admins are not
 * notified of hub replications: the coordinator facilitates, admins only step in.
 */
export function listReplicationRecipients(
	db: Kysely<DB>,
	replication: { originator_agency_id: string; replicator_agency_id: string; hub_id: string | null }
) {
	return db
		.selectFrom('users')
		.select(['id', 'email', 'name'])
		.where('disabled_at', 'is', null)
		.where((eb) => {
			const involved = [
				eb.and([
					eb('role', '=', 'operator'),
					eb('agency_id', 'in', [replication.originator_agency_id, replication.replicator_agency_id])
				])
			];
			if (replication.hub_id !== null) {
				involved.push(eb.and([eb('role', '=', 'koordinator_hub'), eb('hub_id', '=', replication.hub_id)]));
			} else {
				involved.push(eb('role', '=', 'admin'));
			}
			return eb.or(involved);
		})
		.orderBy('id')
		.execute();
}
