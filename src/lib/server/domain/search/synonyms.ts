import { analyzeText } from './analyze';

/**
 * Abbreviations and synonyms, both ways: a query with "ktp" also finds "kartu tanda penduduk"
 * and the other way round. Each pair is kept as stem sequences.
 */
export interface SynonymPair {
	term: string;
	expansion: string;
}

export interface SynonymRule {
	from: string[];
	to: string[];
}

export class SynonymTable {
	/** Rules by the first stem of their `from` side, longest first. */
	private readonly byFirst = new Map<string, SynonymRule[]>();
	readonly size: number;

	constructor(pairs: Iterable<SynonymPair>) {
		const seen = new Set<string>();
		let size = 0;
		for (const pair of pairs) {
			const a = analyzeText(pair.term);
			const b = analyzeText(pair.expansion);
			if (a.length === 0 || b.length === 0 || a.join(' ') === b.join(' ')) continue;
			for (const [from, to] of [
				[a, b],
				[b, a]
			] as const) {
				// "akta kelahiran" must not widen to "akta" (Akta = Akta Kelahiran): a side made of
				// some of the other side's words is only ever the target.
				if (to.every((s) => from.includes(s))) continue;
				const key = `${from.join(' ')}>${to.join(' ')}`;
				if (seen.has(key)) continue;
				seen.add(key);
				const list = this.byFirst.get(from[0]!) ?? [];
				list.push({ from, to });
				list.sort((x, y) => y.from.length - x.from.length);
				this.byFirst.set(from[0]!, list);
				size++;
			}
		}
		this.size = size;
	}

	/**
	 * Rules whose `from` side starts at `position` of `stems`, longest first. A query span that is
	 * the start of a longer expansion, missing only its last word, counts too ("kartu tanda
	 * penduduk" for KTP = "Kartu Tanda Penduduk Elektronik"); such a rule comes back with `from`
	 * cut to the span.
	 */
	rulesAt(stems: readonly string[], position: number): SynonymRule[] {
		const candidates = this.byFirst.get(stems[position]!);
		if (!candidates) return [];
		const out: SynonymRule[] = [];
		for (const rule of candidates) {
			if (rule.from.every((s, i) => stems[position + i] === s)) out.push(rule);
			else if (rule.from.length >= 3) {
				const prefix = rule.from.length - 1;
				if (rule.from.slice(0, prefix).every((s, i) => stems[position + i] === s)) out.push({ from: rule.from.slice(0, prefix), to: rule.to });
			}
		}
		return out.sort((x, y) => y.from.length - x.from.length);
	}
}

export const EMPTY_SYNONYMS = new SynonymTable([]);
