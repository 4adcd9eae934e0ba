import { z } from 'zod';
import { badQuery, describeProblems, orPageError } from '$lib/server/http/page-errors';
import { attempt, formRefusal, requireSignedIn, textFields } from '$lib/server/http/replication-pages';
import { requestI18n } from '$lib/server/http/request-i18n';
import { listNotifications } from '$lib/server/services/list-notifications';
import { markNotificationsRead } from '$lib/server/services/mark-notifications-read';
import type { Actions, PageServerLoad } from './$types';

const querySchema = z.object({
	halaman: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z.coerce
			.number({ error: 'Nomor halaman harus berupa angka' })
			.int('Nomor halaman harus bilangan bulat')
			.min(1, 'Nomor halaman minimal 1')
			.max(5000, 'Nomor halaman maksimal 5000')
			.default(1)
	)
});

// The service's schema is a union (one or all), whose refusal reads "Invalid input": the form
// sends one id, checked here with its own message.
const markOneSchema = z.object({
	id: z.coerce
		.number({ error: 'Notifikasi tidak dikenal.' })
		.int('Notifikasi tidak dikenal.')
		.positive('Notifikasi tidak dikenal.')
		.max(Number.MAX_SAFE_INTEGER, 'Notifikasi tidak dikenal.')
});

export const load: PageServerLoad = async (event) => {
	const actor = requireSignedIn(event);
	const parsed = querySchema.safeParse({ halaman: event.url.searchParams.get('halaman') });
	if (!parsed.success) badQuery(describeProblems(parsed.error));
	return orPageError(listNotifications(event.locals.db.db, actor, { page: parsed.data.halaman }));
};

export const actions: Actions = {
	semua: async (event) => {
		const actor = requireSignedIn(event);
		const done = await attempt('markAll', {}, () => markNotificationsRead(event.locals.db.db, actor, { all: true }));
		if (done.failure) return done.failure;
		return { ok: true as const, action: 'markAll', message: requestI18n(event.cookies).t('notifications.markedAll', { count: done.value.marked }) };
	},
	baca: async (event) => {
		const actor = requireSignedIn(event);
		const values = textFields(await event.request.formData());
		const parsed = markOneSchema.safeParse(values);
		if (!parsed.success) return formRefusal(400, 'markOne', describeProblems(parsed.error), values);
		const done = await attempt('markOne', values, () => markNotificationsRead(event.locals.db.db, actor, { id: parsed.data.id }));
		if (done.failure) return done.failure;
		return { ok: true as const, action: 'markOne', message: requestI18n(event.cookies).t('notifications.markedOne') };
	}
};
