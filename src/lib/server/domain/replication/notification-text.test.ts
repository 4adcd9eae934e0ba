import { describe, expect, it } from 'vitest';
import { NOTE_EXCERPT_CHARS, replicationMail, replicationNotificationText, replicationPath } from './notification-text';

const names = {
	innovationTitle: 'Posyandu Keliling',
	originatorName: 'Pemerintah Kota Surabaya',
	replicatorName: 'Pemerintah Kabupaten Ngada'
};

const EVENT_KINDS = [
	'file',
	'verify',
	'accept',
	'decline',
	'draftAgreement',
	'confirmAgreement',
	'uploadDocument',
	'removeDocument',
	'submitPlan',
	'startImplementation',
	'fileReport',
	'complete',
	'stop',
	'cancel',
	'message',
	'laporan_segera',
	'laporan_terlambat',
	'kesepakatan_berakhir'
];

describe('replicationNotificationText', () => {
	it('says who and what for every event, each with its own title', () => {
		const titles = new Set<string>();
		for (const eventKind of EVENT_KINDS) {
			const text = replicationNotificationText({ eventKind, ...names, dueOn: '2025-03-15' });
			expect(text.title, eventKind).not.toBe('Pembaruan replikasi');
			expect(text.body, eventKind).toContain('"Posyandu Keliling"');
			expect(text.body, eventKind).toContain('Pemerintah Kabupaten Ngada');
			titles.add(text.title);
		}
		expect(titles.size).toBe(EVENT_KINDS.length);
	});

	it('writes the interest as the replicator adopting the originator’s innovation', () => {
		expect(replicationNotificationText({ eventKind: 'file', ...names })).toEqual({
			title: 'Minat replikasi baru',
			body: 'Pemerintah Kabupaten Ngada menyatakan minat mereplikasi inovasi "Posyandu Keliling" dari Pemerintah Kota Surabaya.'
		});
	});

	it('writes reminder dates as Indonesian long dates', () => {
		const text = replicationNotificationText({ eventKind: 'laporan_terlambat', ...names, dueOn: '2025-03-01' });
		expect(text.title).toBe('Laporan pemantauan terlambat');
		expect(text.body).toContain('paling lambat 1 Maret 2025');
	});

	it('quotes the reason or the message, shortened', () => {
		expect(replicationNotificationText({ eventKind: 'decline', ...names, note: '  Anggaran tidak tersedia.  ' }).body).toMatch(
			/\n\nCatatan: Anggaran tidak tersedia\.$/
		);
		expect(replicationNotificationText({ eventKind: 'message', ...names, note: 'Kapan rapat?' }).body).toMatch(/\n\nPesan: Kapan rapat\?$/);
		const long = replicationNotificationText({ eventKind: 'message', ...names, note: 'a'.repeat(5000) }).body;
		const quoted = long.split('Pesan: ')[1]!;
		expect(quoted.length).toBe(NOTE_EXCERPT_CHARS);
		expect(quoted.endsWith('…')).toBe(true);
		expect(replicationNotificationText({ eventKind: 'stop', ...names, note: '   ' }).body).not.toContain('Catatan');
	});

	it('reads snake_case action names the same and has a general text for unknown events', () => {
		expect(replicationNotificationText({ eventKind: 'submit_plan', ...names })).toEqual(
			replicationNotificationText({ eventKind: 'submitPlan', ...names })
		);
		expect(replicationNotificationText({ eventKind: 'sesuatu', ...names }).title).toBe('Pembaruan replikasi');
	});
});

describe('replication links and mail', () => {
	it('links to the replication page', () => {
		expect(replicationPath('rep-abc123')).toBe('/replikasi/rep-abc123');
	});

	it('greets the recipient and carries the link', () => {
		const mail = replicationMail('Budi', { title: 'Minat replikasi baru', body: 'Isi.' }, 'https://jippnas.example/replikasi/rep-1');
		expect(mail.subject).toBe('[JIPPNas] Minat replikasi baru');
		expect(mail.body.startsWith('Yth. Budi,\n\nIsi.\n')).toBe(true);
		expect(mail.body).toContain('\nhttps://jippnas.example/replikasi/rep-1\n');
	});
});
