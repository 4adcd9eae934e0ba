import { capitalize, formatNumber, formatRupiah, joinList, monthYear, type CalendarDate } from './indonesian-text';
import type { Mechanism } from './mechanisms';
import type { Random } from './random';
import type { Indicator, Topic } from './topics';

/**
 * The narrative fields of a demo innovation (PermenPANRB 91/2021 and the KIPP form), written as
 * plausible Indonesian sentences that name the region, the agency and the unit, with the same
 * before/after figures throughout.
 */
export interface NarrativeContext {
	name: string;
	topic: Topic;
	mechanism: Mechanism;
	/** `Pemerintah Kabupaten Ngada`, `Kementerian Kesehatan`. */
	agencyName: string;
	/** `Pemkab Ngada`, `Kemenkes`. */
	agencyShort: string;
	/** `Kabupaten Ngada`; null for central agencies. */
	regionName: string | null;
	unitName: string;
	unitShort: string;
	startedOn: CalendarDate;
	figures: Figures;
	partners: readonly string[];
	/** Agencies that copied it (names), possibly none. */
	replicators: readonly string[];
	regulationRef: string | null;
	stopped: boolean;
}

export interface Figures {
	baselineYear: number;
	before: string;
	after: string;
	beneficiaries: number;
	budgetMillions: number;
	teamSize: number;
	/** Last year the results were measured. */
	measuredYear: number;
	satisfaction: string;
}

export interface Narrative {
	summary: string;
	problem: string;
	aims: string;
	novelty: string;
	implementation: string;
	results: string;
	transferability: string;
	resources: string;
	sustainabilityStrategy: string;
}

function formatMeasure(value: number, indicator: Indicator): string {
	const text = formatNumber(value, indicator.decimals);
	return indicator.unit === '%' ? `${text}%` : `${text} ${indicator.unit}`;
}

/** The indicator before and after, moved in the right direction and kept within sensible bounds. */
export function indicatorFigures(random: Random, indicator: Indicator): { before: string; after: string } {
	const before = random.real(indicator.from[0], indicator.from[1]);
	const change = random.real(indicator.change[0], indicator.change[1]);
	let after: number;
	if (indicator.unit === '%') {
		after = indicator.better === 'up' ? Math.min(99.2, before + change) : Math.max(0.8, before - change);
	} else {
		after = indicator.better === 'up' ? before * (1 + change) : before * (1 - Math.min(change, 0.95));
	}
	if (indicator.decimals === 0) after = Math.max(1, after);
	return { before: formatMeasure(before, indicator), after: formatMeasure(after, indicator) };
}

export function generateNarrative(random: Random, c: NarrativeContext): Narrative {
	const { topic, mechanism: m, figures: f } = c;
	const where = c.regionName ? `di ${c.regionName}` : 'di berbagai daerah';
	const place = c.regionName ?? 'tingkat nasional';
	const level = topic.indicator.better === 'up' ? 'hanya' : 'mencapai';

	const summary = random.pick([
		() =>
			`${c.name} adalah inovasi ${c.unitName} ${c.agencyShort} untuk ${topic.aim}. Melalui ${m.means}, ${topic.target} kini dapat ${topic.action} tanpa harus ${m.avoids}.`,
		() =>
			`Melalui ${c.name}, ${c.agencyShort} mengubah cara ${topic.service} diberikan ${where}. ${capitalize(topic.target)} dapat ${topic.action} melalui ${m.means}, dan ${topic.indicator.label} berubah dari ${f.before} menjadi ${f.after}.`,
		() =>
			`${c.name} hadir sebagai jawaban atas ${topic.problems[0]} ${where}. Dengan memanfaatkan ${m.means}, ${topic.service} menjadi lebih cepat, mudah, dan terukur.`,
		() =>
			`Inovasi ${c.name} dijalankan ${c.unitName} ${c.agencyShort} sejak ${c.startedOn.year} untuk ${topic.aim}. Hingga ${f.measuredYear}, sebanyak ${formatNumber(f.beneficiaries)} ${topic.target} telah terlayani.`
	])();

	const problem = random.pick([
		() =>
			`Sebelum inovasi ini, ${place} menghadapi ${topic.problems[0]}. Pada tahun ${f.baselineYear}, ${topic.indicator.label} tercatat ${f.before}. Kondisi ini diperparah oleh ${topic.problems[1]}, sehingga ${topic.target} harus ${m.avoids}.`,
		() =>
			`Masalah utama yang dihadapi adalah ${topic.problems[0]}. ${capitalize(topic.problems[1])} membuat ${topic.target} enggan atau terlambat mendapatkan layanan. Data ${c.unitShort} menunjukkan ${topic.indicator.label} ${level} ${f.before} pada tahun ${f.baselineYear}.`,
		() =>
			`${capitalize(topic.problems[0])} menjadi persoalan lama ${where}. Selama ini ${topic.target} harus ${m.avoids}, sementara ${topic.problems[1]} menyulitkan petugas merencanakan layanan.`
	])();

	const aims = random.pick([
		() =>
			`Inovasi ini bertujuan ${topic.aim}, mendekatkan ${topic.service} kepada ${topic.target}, serta menyediakan data yang dapat dipakai untuk perencanaan.`,
		() =>
			`Tujuan inovasi adalah: (1) ${topic.aim}; (2) mengurangi waktu dan biaya yang dikeluarkan ${topic.target}; (3) meningkatkan kepuasan masyarakat terhadap ${topic.service}.`,
		() =>
			`${c.name} dirancang untuk ${topic.aim} dan memastikan tidak ada ${topic.target} yang tertinggal dari layanan.`
	])();

	const novelty = random.pick([
		() =>
			`Kebaruan ${c.name} terletak pada ${m.novelty}. ${c.regionName ? `Belum ada layanan serupa di ${c.regionName} sebelumnya.` : 'Sebelumnya layanan ini belum tersedia secara nasional.'}`,
		() =>
			`${c.name} baru karena menggabungkan ${topic.service} dengan ${m.method} dalam satu alur kerja yang sederhana. Pendekatan ini mengubah peran petugas dari menunggu menjadi melayani secara aktif.`,
		() =>
			`Keunikan inovasi ini adalah ${m.novelty}, disertai pemantauan capaian secara berkala oleh pimpinan ${c.unitShort}.`
	])();

	const trial = random.chance(0.5)
		? ` Tahap awal diujicobakan di ${random.int(2, 6)} ${c.regionName ? 'kecamatan' : 'provinsi'} sebelum diperluas ke seluruh wilayah.`
		: '';
	const implementation = `Inovasi mulai diterapkan pada ${monthYear(c.startedOn)} oleh ${c.unitName}. ${random.pick(m.how)} Pelaksanaan didukung oleh ${joinList(c.partners)}.${trial}`;

	const extra = random.pick([
		`Keluhan masyarakat tentang ${topic.service} juga berkurang.`,
		`Indeks kepuasan masyarakat terhadap layanan naik menjadi ${f.satisfaction}.`,
		`Waktu dan biaya yang dikeluarkan ${topic.target} untuk mendapatkan layanan turun secara nyata.`,
		''
	]);
	const results =
		`Setelah inovasi berjalan, ${topic.indicator.label} berubah dari ${f.before} menjadi ${f.after}. Sampai tahun ${f.measuredYear}, sebanyak ${formatNumber(f.beneficiaries)} ${topic.target} telah terlayani. ${extra}`.trim();

	const transferability = c.replicators.length
		? `Inovasi ini telah direplikasi oleh ${joinList(c.replicators)}. Daerah lain yang menghadapi ${topic.problems[0]} dapat menirunya karena kebutuhan utamanya hanya ${m.equipment} serta komitmen perangkat daerah.`
		: `Inovasi dapat ditiru daerah lain yang memiliki masalah serupa, yaitu ${topic.problems[0]}. Kebutuhan utamanya adalah ${m.equipment} serta komitmen pimpinan; panduan pelaksanaan tersedia dan dapat dibagikan.`;

	const fund = c.regionName ? random.pick(['APBD', 'APBD dan dana desa', 'APBD dan CSR perusahaan']) : 'APBN';
	const resources = `Dana: ${formatRupiah(f.budgetMillions)} per tahun dari ${fund}. SDM: ${f.teamSize} orang dari ${c.unitShort}${c.partners[0] ? ` dan ${c.partners[0]}` : ''}. Metode: ${m.method}. Peralatan: ${m.equipment}.`;

	const anchor = c.regulationRef ?? random.pick([`surat keputusan kepala ${c.unitShort}`, 'surat keputusan tim inovasi']);
	const sustainabilityStrategy = c.stopped
		? `Inovasi sempat dijalankan dengan dasar ${anchor}, tetapi kegiatan terhenti karena pergantian pimpinan dan tidak tersedianya anggaran. Rencana penghidupan kembali disusun bersama ${c.partners[0] ?? 'mitra'}.`
		: `Keberlanjutan dijaga dengan ${anchor}, alokasi anggaran rutin dalam rencana kerja ${c.unitShort}, pelatihan berkala bagi petugas, keterlibatan ${joinList(c.partners.slice(0, 2))}, serta pemantauan kinerja ${random.pick(['bulanan', 'triwulanan', 'semesteran'])}.`;

	return { summary, problem, aims, novelty, implementation, results, transferability, resources, sustainabilityStrategy };
}
