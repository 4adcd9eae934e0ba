import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { AppError } from '$lib/server/errors';
import { parseForm, runAction } from '$lib/server/http/curation-actions';
import { badQuery, describeProblems, orPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { addSearchSynonym } from '$lib/server/services/add-search-synonym';
import { listSearchSynonyms } from '$lib/server/services/list-search-synonyms';
import { removeSearchSynonym } from '$lib/server/services/remove-search-synonym';
import type { Actions, PageServerLoad } from './$types';

const querySchema = z.object({
	cari: z.string().trim().max(100, 'Kata pencarian paling panjang 100 karakter').optional(),
	halaman: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z.coerce
			.number({ error: 'Nomor halaman harus berupa angka' })
			.int('Nomor halaman harus bilangan bulat')
			.min(1, 'Nomor halaman minimal 1')
			.max(10000, 'Nomor halaman maksimal 10000')
			.default(1)
	)
});

// The form as sent; the service checks the values (one set of rules and messages).
const addForm = z.object({
	istilah: z.string().optional(),
	padanan: z.string().optional(),
	keterangan: z.string().optional()
});

const removeForm = z.object({
	sinonim: z.coerce
		.number({ error: 'Sinonim yang akan dihapus tidak valid.' })
		.int('Sinonim yang akan dihapus tidak valid.')
		.positive('Sinonim yang akan dihapus tidak valid.')
});

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'search.synonyms');
	const params = event.url.searchParams;
	const parsed = querySchema.safeParse({ cari: params.get('cari') || undefined, halaman: params.get('halaman') });
	if (!parsed.success) badQuery(describeProblems(parsed.error));
	return orPageError(listSearchSynonyms(event.locals.db.db, actor, { query: parsed.data.cari, page: parsed.data.halaman }));
};

export const actions: Actions = {
	tambah: async (event) => {
		const actor = requirePermission(event, 'search.synonyms');
		const form = parseForm(addForm, await event.request.formData(), 'tambah');
		if (form.failure) return form.failure;
		const { istilah = '', padanan = '', keterangan = '' } = form.data;
		try {
			const row = await addSearchSynonym(event.locals.db.db, actor, { term: istilah, expansion: padanan, note: keterangan });
			return { ok: true, target: 'tambah', message: `Sinonim "${row.term}" ~ "${row.expansion}" ditambahkan.` };
		} catch (error) {
			// The form is shown again with what was typed.
			if (error instanceof AppError) {
				return fail(error.status, { ok: false, target: 'tambah', message: error.message, values: { istilah, padanan, keterangan } });
			}
			throw error;
		}
	},
	hapus: async (event) => {
		const actor = requirePermission(event, 'search.synonyms');
		const form = parseForm(removeForm, await event.request.formData(), 'hapus');
		if (form.failure) return form.failure;
		const done = await runAction(() => removeSearchSynonym(event.locals.db.db, actor, form.data.sinonim), 'hapus');
		if (done.failure) return done.failure;
		return { ok: true, target: 'hapus', message: `Sinonim "${done.value.term}" ~ "${done.value.expansion}" dihapus.` };
	}
};
