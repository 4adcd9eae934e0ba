import type { InboxBox } from './replication-input';
import type { PartActor } from './parts';

/**
 * Replication inboxes, for the page (/replikasi?kotak=) and the API (?kotak=) alike: operators
 * have the requests their agency received (it is the originator) and made (it is the replicator),
 * hub coordinators everything in their hub, those who oversee (admins, curators) everything.
 */
export type InboxScope =
	| { box: 'received'; agencyId: string }
	| { box: 'made'; agencyId: string }
	| { box: 'hub'; hubId: string }
	| { box: 'all' };

/** The boxes by their Indonesian words in addresses. */
export const INBOX_BOX_BY_WORD = { masuk: 'received', keluar: 'made', hub: 'hub', semua: 'all' } as const satisfies Record<string, InboxBox>;
export type InboxWord = keyof typeof INBOX_BOX_BY_WORD;
export const INBOX_WORDS = Object.keys(INBOX_BOX_BY_WORD) as InboxWord[];
export const INBOX_WORD_BY_BOX = Object.fromEntries(Object.entries(INBOX_BOX_BY_WORD).map(([word, box]) => [box, word])) as Record<
	InboxBox,
	InboxWord
>;

/** The boxes one person has, the first being the default. `oversees`: policy `replication.oversee`. */
export function inboxScopesOf(actor: PartActor, oversees: boolean): InboxScope[] {
	if (oversees) return [{ box: 'all' }];
	if (actor.role === 'operator' && actor.agencyId) {
		return [
			{ box: 'received', agencyId: actor.agencyId },
			{ box: 'made', agencyId: actor.agencyId }
		];
	}
	if (actor.role === 'koordinator_hub' && actor.hubId) return [{ box: 'hub', hubId: actor.hubId }];
	return [];
}
