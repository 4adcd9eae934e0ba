import { z } from 'zod';
import { SOURCE_LABELS } from '$lib/server/domain/vocabulary';
import { parseForm, runAction } from '$lib/server/http/curation-actions';
import { badQuery, describeProblems, orPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { listUnresolvedAgencies } from '$lib/server/services/list-unresolved-agencies';
import { resolveAgencyName } from '$lib/server/services/resolve-agency-name';
import { searchAgenciesForCuration } from '$lib/server/services/search-agencies-for-curation';
import type { Actions, PageServerLoad } from './$types';

const querySchema = z.object({
	// Searching for another agency than the suggestions, for one name of the queue.
	nama: z.string().max(300, 'Nama instansi paling panjang 300 karakter').optional(),
	cari: z.string().trim().max(100, 'Kata pencarian paling panjang 100 karakter').optional()
});

const resolveSchema = z.object({
	nama: z.string({ error: 'Nama instansi wajib diisi.' }).trim().min(1, 'Nama instansi wajib diisi.').max(300, 'Nama instansi paling panjang 300 karakter.'),
	instansi: z.string({ error: 'Pilih instansi tujuan.' }).trim().min(1, 'Pilih instansi tujuan.').max(100, 'ID instansi tidak valid.'),
	catatan: z.string().max(1000, 'Catatan paling panjang 1000 karakter.').optional()
});

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'agency.curate');
	const params = event.url.searchParams;
	const parsed = querySchema.safeParse({ nama: params.get('nama') || undefined, cari: params.get('cari') || undefined });
	if (!parsed.success) badQuery(describeProblems(parsed.error));
	const db = event.locals.db.db;
	const [queue, search] = await Promise.all([
		orPageError(listUnresolvedAgencies(db, actor)),
		parsed.data.cari ? orPageError(searchAgenciesForCuration(db, actor, parsed.data.cari)) : Promise.resolve(null)
	]);
	return {
		...queue,
		items: queue.items.map((item) => ({ ...item, sourceLabels: item.sources.map((s) => SOURCE_LABELS[s] ?? s) })),
		search: search ? { name: parsed.data.nama ?? '', query: parsed.data.cari ?? '', results: search } : null
	};
};

export const actions: Actions = {
	tetapkan: async (event) => {
		const actor = requirePermission(event, 'agency.curate');
		const form = parseForm(resolveSchema, await event.request.formData());
		if (form.failure) return form.failure;
		const { nama, instansi, catatan } = form.data;
		const done = await runAction(() => resolveAgencyName(event.locals.db.db, actor, { name: nama, agencyId: instansi, note: catatan }), nama);
		if (done.failure) return done.failure;
		const r = done.value;
		const imported = r.runs.reduce((sum, run) => sum + run.imported, 0);
		const still = r.runs.reduce((sum, run) => sum + run.quarantined, 0);
		return {
			ok: true,
			target: nama,
			message:
				`Nama "${nama}" dipetakan ke instansi ${instansi}${r.aliasAdded ? ' dan ditambahkan sebagai alias' : ''}. ` +
				(r.quarantinedRows === 0
					? 'Tidak ada baris karantina dengan nama ini.'
					: `${imported} dari ${r.quarantinedRows} baris karantina sudah diimpor ulang` + (still > 0 ? `; ${still} baris masih dikarantina karena alasan lain.` : '.'))
		};
	}
};
