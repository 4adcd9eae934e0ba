import { describe, expect, it } from 'vitest';
import { compareDraftTitle, newInnovationSchema } from './innovation-create';

const messages = (input: unknown) => newInnovationSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe('newInnovationSchema', () => {
	it('requires a title and a summary, in Bahasa Indonesia', () => {
		expect(messages({})).toEqual(['Judul wajib diisi', 'Ringkasan wajib diisi']);
		expect(messages({ title: '  ', summary: '' })).toEqual(['Judul wajib diisi', 'Ringkasan wajib diisi']);
		expect(messages({ title: 'AB', summary: 'Terlalu pendek.' })).toEqual(['Judul minimal 3 karakter', 'Ringkasan minimal 20 karakter']);
	});

	it('keeps the edit schema’s rules for the other fields and refuses unknown keys', () => {
		const base = { title: 'Antrean Puskesmas Daring', summary: 'Warga mengambil nomor antrean dari rumah.' };
		expect(messages({ ...base, yearStarted: 1900 })).toEqual(['Tahun mulai minimal 1945']);
		expect(messages({ ...base, videoUrl: 'javascript:alert(1)' })).toEqual(['Tautan video harus berupa URL http(s)']);
		expect(messages({ ...base, rahasia: 1 })).toEqual(['Kolom tidak dikenal: rahasia']);
		expect(messages({ ...base, agencyId: 'Pemkab Ngada' })[0]).toMatch(/^Id instansi hanya boleh/);
		expect(newInnovationSchema.parse({ ...base, agencyId: '' }).agencyId).toBeUndefined();
	});
});

describe('compareDraftTitle', () => {
	it('calls the same title, or a typo of it, a strong match and says why', () => {
		expect(compareDraftTitle('Antrean Puskesmas Daring', 'antrean  puskesmas daring')).toEqual({ strong: true, reason: 'Judulnya sama' });
		expect(compareDraftTitle('Antrian Puskesmas Daring Surabaya', 'Antrean Puskesmas Daring Surabaya')).toEqual({
			strong: true,
			reason: 'Judulnya hampir sama'
		});
		expect(compareDraftTitle('SIPANDU (Sistem Pelayanan Terpadu)', 'SIPANDU (Sistim Pelayanan Terpadu)')).toEqual({
			strong: true,
			reason: 'Nama singkatnya sama'
		});
		// The same short name for another long form is a reused name: listed, not strong.
		expect(compareDraftTitle('SIPANDU (Sistem Pelayanan Terpadu)', 'SIPANDU (Sistem Pengaduan Terpadu Desa)').strong).toBe(false);
	});

	it('leaves titles that only share words to the list, unconfirmed', () => {
		expect(compareDraftTitle('Antrean Puskesmas Daring', 'Jemput Bola Akta Kelahiran')).toEqual({ strong: false, reason: null });
		expect(compareDraftTitle('Posyandu Remaja Desa Sehat', 'Posyandu Lansia Kota Bersih').strong).toBe(false);
	});
});
