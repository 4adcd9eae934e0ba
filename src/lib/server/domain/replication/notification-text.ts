import { formatDate } from '../../../i18n/format';

/**
 * What a notification about a replication says (in-app and by e-mail), in Bahasa Indonesia, built
 * from the event and the names involved. Pure: the service looks the names up.
 */
export interface NotificationFacts {
	/** The timeline event: an action ('file', 'accept', ...), 'message', or a reminder kind. */
	eventKind: string;
	innovationTitle: string;
	originatorName: string;
	replicatorName: string;
	/** A reason (decline, stop, cancel), a message text, or any other note the actor wrote. */
	note?: string | null;
	/** The date a reminder is about ('YYYY-MM-DD'). */
	dueOn?: string | null;
}

export interface NotificationText {
	title: string;
	body: string;
}

/** Longest note quoted in a notification; the full text is on the replication page. */
export const NOTE_EXCERPT_CHARS = 500;

type Facts = Required<Pick<NotificationFacts, 'innovationTitle' | 'originatorName' | 'replicatorName'>> & {
	due: string;
};

// Title (short, for the list and the e-mail subject) and the sentence saying what happened.
const TEXTS: Record<string, (f: Facts) => NotificationText> = {
	file: (f) => ({
		title: 'Minat replikasi baru',
		body: `${f.replicatorName} menyatakan minat mereplikasi inovasi "${f.innovationTitle}" dari ${f.originatorName}.`
	}),
	verify: (f) => ({
		title: 'Minat replikasi diverifikasi',
		body: `Fasilitator memverifikasi minat ${f.replicatorName} mereplikasi inovasi "${f.innovationTitle}" dari ${f.originatorName}.`
	}),
	accept: (f) => ({
		title: 'Minat replikasi diterima',
		body: `${f.originatorName} menerima minat ${f.replicatorName} mereplikasi inovasi "${f.innovationTitle}".`
	}),
	decline: (f) => ({
		title: 'Minat replikasi ditolak',
		body: `Minat ${f.replicatorName} mereplikasi inovasi "${f.innovationTitle}" dari ${f.originatorName} ditolak.`
	}),
	draftAgreement: (f) => ({
		title: 'Draf kesepakatan replikasi',
		body: `Draf kesepakatan replikasi inovasi "${f.innovationTitle}" antara ${f.originatorName} (PIHAK PERTAMA) dan ${f.replicatorName} (PIHAK KEDUA) disusun atau diubah. Periksa dan konfirmasikan.`
	}),
	confirmAgreement: (f) => ({
		title: 'Kesepakatan replikasi dikonfirmasi',
		body: `Satu pihak mengonfirmasi kesepakatan replikasi inovasi "${f.innovationTitle}" antara ${f.originatorName} dan ${f.replicatorName}.`
	}),
	uploadDocument: (f) => ({
		title: 'Dokumen replikasi baru',
		body: `Dokumen baru diunggah pada replikasi inovasi "${f.innovationTitle}" oleh ${f.replicatorName} dari ${f.originatorName}.`
	}),
	removeDocument: (f) => ({
		title: 'Dokumen replikasi dihapus',
		body: `Sebuah dokumen dihapus dari replikasi inovasi "${f.innovationTitle}" oleh ${f.replicatorName} dari ${f.originatorName}.`
	}),
	submitPlan: (f) => ({
		title: 'Rencana adaptasi replikasi',
		body: `${f.replicatorName} menyampaikan rencana adaptasi untuk replikasi inovasi "${f.innovationTitle}" dari ${f.originatorName}.`
	}),
	startImplementation: (f) => ({
		title: 'Implementasi replikasi dimulai',
		body: `${f.replicatorName} mulai mengimplementasikan inovasi "${f.innovationTitle}" dari ${f.originatorName}.`
	}),
	fileReport: (f) => ({
		title: 'Laporan pemantauan replikasi',
		body: `${f.replicatorName} menyampaikan laporan pemantauan replikasi inovasi "${f.innovationTitle}" dari ${f.originatorName}.`
	}),
	complete: (f) => ({
		title: 'Replikasi selesai',
		body: `Replikasi inovasi "${f.innovationTitle}" dari ${f.originatorName} oleh ${f.replicatorName} dinyatakan selesai. Sertifikat replikasi dapat diunduh.`
	}),
	stop: (f) => ({
		title: 'Replikasi dihentikan',
		body: `Replikasi inovasi "${f.innovationTitle}" dari ${f.originatorName} oleh ${f.replicatorName} dihentikan.`
	}),
	cancel: (f) => ({
		title: 'Replikasi dibatalkan',
		body: `Replikasi inovasi "${f.innovationTitle}" dari ${f.originatorName} oleh ${f.replicatorName} dibatalkan.`
	}),
	message: (f) => ({
		title: 'Pesan baru tentang replikasi',
		body: `Pesan baru pada replikasi inovasi "${f.innovationTitle}" dari ${f.originatorName} oleh ${f.replicatorName}.`
	}),
	laporan_segera: (f) => ({
		title: 'Laporan pemantauan segera jatuh tempo',
		body: `Laporan pemantauan replikasi inovasi "${f.innovationTitle}" oleh ${f.replicatorName} jatuh tempo pada ${f.due}.`
	}),
	laporan_terlambat: (f) => ({
		title: 'Laporan pemantauan terlambat',
		body: `Laporan pemantauan replikasi inovasi "${f.innovationTitle}" oleh ${f.replicatorName} seharusnya disampaikan paling lambat ${f.due} dan belum diterima.`
	}),
	kesepakatan_berakhir: (f) => ({
		title: 'Masa berlaku kesepakatan segera berakhir',
		body: `Kesepakatan replikasi inovasi "${f.innovationTitle}" antara ${f.originatorName} dan ${f.replicatorName} berlaku sampai ${f.due}.`
	})
};

// The event kinds core may write in another spelling (snake_case) read the same.
const ALIASES: Record<string, string> = {
	draft_agreement: 'draftAgreement',
	confirm_agreement: 'confirmAgreement',
	upload_document: 'uploadDocument',
	remove_document: 'removeDocument',
	submit_plan: 'submitPlan',
	start_implementation: 'startImplementation',
	file_report: 'fileReport',
	post_message: 'message',
	document_uploaded: 'uploadDocument',
	document_removed: 'removeDocument',
	postMessage: 'message'
};

export function replicationNotificationText(facts: NotificationFacts): NotificationText {
	const kind = ALIASES[facts.eventKind] ?? facts.eventKind;
	const f: Facts = {
		innovationTitle: facts.innovationTitle,
		originatorName: facts.originatorName,
		replicatorName: facts.replicatorName,
		due: facts.dueOn ? formatDate(facts.dueOn, 'id') : 'tanggal yang ditetapkan'
	};
	const text = TEXTS[kind]?.(f) ?? {
		title: 'Pembaruan replikasi',
		body: `Ada pembaruan pada replikasi inovasi "${f.innovationTitle}" dari ${f.originatorName} oleh ${f.replicatorName}.`
	};
	const note = facts.note?.trim();
	if (!note) return text;
	const label = kind === 'message' ? 'Pesan' : 'Catatan';
	return { title: text.title, body: `${text.body}\n\n${label}: ${excerpt(note)}` };
}

function excerpt(text: string): string {
	return text.length <= NOTE_EXCERPT_CHARS ? text : `${text.slice(0, NOTE_EXCERPT_CHARS - 1).trimEnd()}…`;
}

/** The page of a replication (the notification's link). */
export function replicationPath(replicationId: string): string {
	return `/replikasi/${encodeURIComponent(replicationId)}`;
}

/** The e-mail for one recipient: greeting, what happened, the link. */
export function replicationMail(
	recipientName: string,
	text: NotificationText,
	link: string
): { subject: string; body: string } {
	return {
		subject: `[JIPPNas] ${text.title}`,
		body: [
			`Yth. ${recipientName},`,
			'',
			text.body,
			'',
			'Lihat rinciannya dan tanggapi di JIPPNas:',
			link,
			'',
			'Anda menerima e-mail ini karena terlibat dalam replikasi inovasi ini di JIPPNas.',
			'',
			'— JIPPNas'
		].join('\n')
	};
}
