import type { Mechanism } from './mechanisms';
import type { Random } from './random';
import type { Topic } from './topics';
import { ACRONYM_WORDS, PERSON_PREFIXES, QUALIFIERS, TITLE_ENDINGS } from './words';

/**
 * Titles in the style of real Indonesian public-service innovations: an acronym with its
 * expansion (`BU TAAT (Bersama Untuk PBB Lunas)`), a bare upper-case name
 * (`GERAI DUKCAPIL KELILING`) or a descriptive title
 * (`Layanan Akta Kelahiran Jemput Bola di Desa`).
 */
export interface DemoTitle {
	title: string;
	/** The short name, when the title has one. */
	acronym: string | null;
	/** What the acronym stands for, when it has an expansion. */
	expansion: string | null;
}

/** What the person-like prefixes of acronyms usually stand for. */
const PREFIX_EXPANSIONS: Record<(typeof PERSON_PREFIXES)[number], string> = {
	BU: 'Bersama Untuk',
	PAK: 'Program Aksi',
	MAS: 'Masyarakat',
	MBAK: 'Membangun Bersama',
	SI: 'Sistem Informasi',
	SANG: 'Sarana',
	KAK: 'Kampanye Aksi',
	MAK: 'Masyarakat Aktif'
};

function makeAcronym(random: Random, topic: Topic, mechanism: Mechanism): { acronym: string; head: string } {
	const word = random.pick(ACRONYM_WORDS);
	const roll = random.next();
	if (roll < 0.5) {
		const prefix = random.pick(mechanism.prefixes);
		const head = random.pick(mechanism.heads);
		if (prefix.endsWith('-')) return { acronym: prefix + word, head };
		// Short prefixes are often fused with the word: SIMANIS, EMAS.
		const fused = prefix.length <= 3 && random.chance(0.3);
		return { acronym: fused ? prefix + word : `${prefix} ${word}`, head };
	}
	if (roll < 0.72) {
		const prefix = random.pick(PERSON_PREFIXES);
		return { acronym: `${prefix} ${word}`, head: PREFIX_EXPANSIONS[prefix] };
	}
	if (roll < 0.86) {
		const second = random.pick(ACRONYM_WORDS);
		return { acronym: second === word ? word : `${word} ${second}`, head: random.pick(mechanism.heads) };
	}
	return { acronym: `${topic.tag} ${word}`, head: random.pick(mechanism.heads) };
}

function makeExpansion(random: Random, head: string, topic: Topic): string {
	const expansion = joinDistinct([head, topic.short, random.pick(QUALIFIERS)]);
	return random.chance(0.18) ? expansion.toUpperCase() : expansion;
}

export function generateTitle(random: Random, topic: Topic, mechanism: Mechanism): DemoTitle {
	const style = random.next();
	if (style < 0.4) {
		const { acronym, head } = makeAcronym(random, topic, mechanism);
		const expansion = makeExpansion(random, head, topic);
		const separator = random.weighted([
			{ value: 'paren', weight: 8 },
			{ value: 'colon', weight: 1 },
			{ value: 'dash', weight: 1 }
		]);
		const title =
			separator === 'paren'
				? `${acronym} (${expansion})`
				: separator === 'colon'
					? `${acronym}: ${expansion}`
					: `${acronym} - ${expansion}`;
		return { title, acronym, expansion };
	}
	if (style < 0.5) {
		// Mixed case as people type it: `Si Cerdas (Sistem ...)`.
		const { acronym, head } = makeAcronym(random, topic, mechanism);
		const mixed = acronym
			.toLowerCase()
			.replace(/(^|[\s-])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
		const expansion = makeExpansion(random, head, topic);
		return { title: `${mixed} (${expansion})`, acronym: mixed, expansion };
	}
	if (style < 0.58) {
		const { acronym } = makeAcronym(random, topic, mechanism);
		const lead = mechanism.digital ? random.pick(['Aplikasi', 'Inovasi', 'Layanan']) : random.pick(['Inovasi', 'Program', 'Layanan']);
		return { title: `${lead} ${acronym}`, acronym, expansion: null };
	}
	if (style < 0.67) {
		// A bare upper-case name: GERAI DUKCAPIL KELILING.
		const head = random.pick(mechanism.heads).split(' ')[0]!.toUpperCase();
		const label = random.pick(mechanism.labels).toUpperCase();
		return { title: joinDistinct([head, topic.tag, label]), acronym: null, expansion: null };
	}
	const label = random.pick(mechanism.labels);
	const ending = /^(di|bagi|via|dengan) /.test(label) ? '' : random.pick(TITLE_ENDINGS);
	const title = joinDistinct([topic.titlePhrase, label, ending]);
	return { title: random.chance(0.12) ? title.toUpperCase() : title, acronym: null, expansion: null };
}

const significantWords = (text: string) =>
	text
		.toLowerCase()
		.split(/[^a-z]+/)
		.filter((w) => w.length >= 4);

/** Joins title parts, leaving out a part that repeats a word already there (`Kartu ... Berbasis Kartu`). */
function joinDistinct(parts: readonly string[]): string {
	const kept: string[] = [];
	const seen = new Set<string>();
	for (const part of parts) {
		if (!part) continue;
		const words = significantWords(part);
		if (kept.length && words.some((w) => seen.has(w))) continue;
		kept.push(part);
		for (const w of words) seen.add(w);
	}
	return kept.join(' ');
}

/**
 * The same title as another source might have written it: acronym only, expansion only,
 * another case, or with an `Aplikasi`/`Inovasi` prefix.
 */
export function titleVariant(random: Random, title: DemoTitle): string {
	const roll = random.next();
	if (roll < 0.6) return title.title;
	if (roll < 0.7 && title.acronym) return title.acronym;
	if (roll < 0.8 && title.expansion) return title.expansion;
	if (roll < 0.9) return title.title.toUpperCase();
	return `Inovasi ${title.title}`;
}
