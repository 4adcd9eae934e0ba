/**
 * The request mix of the search benchmark (bench/search.ts) and the engine profile
 * (bench/search-engine.ts): the same 2,400 distinct requests for both.
 */
import { Random } from '../src/lib/server/domain/demo/random';

// Words of the demo corpus's topics and mechanisms, and what operators type.
const COMMON = [
	'pelayanan', 'kesehatan', 'pendidikan', 'sampah', 'posyandu', 'stunting', 'keliling', 'digital', 'desa', 'anak',
	'perizinan', 'pajak', 'kependudukan', 'air bersih', 'pertanian', 'nelayan', 'umkm', 'ktp', 'puskesmas', 'sekolah',
	'bencana', 'pengaduan', 'lansia', 'disabilitas', 'ibu hamil', 'akta kelahiran', 'perpustakaan', 'pariwisata', 'inovasi', 'aplikasi'
];
const RARE_A = ['jemput bola', 'antrean', 'terpadu', 'mobil', 'daring', 'satu data', 'gratis', 'malam', 'sms', 'whatsapp', 'kader', 'relawan'];
const ISSUE = ['ktp keliling', 'perijinan usaha online', 'stunting ngada', 'akte kelahiran', 'pemberdayaan umkm', 'pelayanam kependudukan', 'si perut laper', 'sekolah ibu'];
const FILTERS = ['provinsi=35', 'provinsi=53', 'tahap=pelembagaan', 'penghargaan=ada', 'digital=ya', 'sumber=lan', 'urusan=kesehatan', 'tahunDari=2020', 'jenisInstansi=pemerintah_kota', 'sdg=3'];

function typo(random: Random, word: string): string {
	const letters = 'abcdefghijklmnopqrstuvwxyz';
	const chars = [...word];
	const edits = word.length > 7 ? 2 : 1;
	for (let e = 0; e < edits; e++) {
		const at = 1 + random.int(0, (Math.max(1, chars.length - 2)) - 1);
		const kind = random.int(0, (3) - 1);
		if (kind === 0) chars[at] = letters[random.int(0, (26) - 1)]!;
		else if (kind === 1) chars.splice(at, 1);
		else [chars[at - 1], chars[at]] = [chars[at]!, chars[at - 1]!];
	}
	return chars.join('');
}

const REGION_NAMES = ['ngada', 'sleman', 'banyuwangi', 'surabaya', 'makassar', 'kupang', 'sumedang', 'bandung', 'malang', 'padang'];

export function buildMix(regionNames: readonly string[] = REGION_NAMES): { kind: string; path: string }[] {
	const random = new Random('bench-search-mix');
	const pick = <T>(list: readonly T[]) => list[random.int(0, (list.length) - 1)]!;
	const mix: { kind: string; path: string }[] = [];
	const seen = new Set<string>();
	const add = (kind: string, query: string, filter?: string) => {
		const params = new URLSearchParams({ q: query, limit: '20' });
		const p = `/api/v1/innovations?${params}${filter ? `&${filter}` : ''}`;
		if (!seen.has(p)) {
			seen.add(p);
			mix.push({ kind, path: p });
		}
	};
	for (const q of ISSUE) add('contoh isu', q);
	let guard = 0;
	while (mix.length < 2400 && guard++ < 100_000) {
		const roll = random.int(0, (100) - 1);
		if (roll < 25) add('umum', pick(COMMON));
		else if (roll < 50) add('jarang', `${pick(COMMON)} ${pick(RARE_A)} ${pick(regionNames)}`);
		else if (roll < 70) add('salah ketik', `${typo(random, pick(COMMON.filter((w) => w.length >= 6)))} ${pick(RARE_A)}`);
		else add('berfaset', `${pick(COMMON)}${random.int(0, (2) - 1) ? ` ${pick(RARE_A)}` : ''}`, pick(FILTERS));
	}
	// Shuffle so that every connection sees every kind.
	for (let i = mix.length - 1; i > 0; i--) {
		const j = random.int(0, (i + 1) - 1);
		[mix[i], mix[j]] = [mix[j]!, mix[i]!];
	}
	return mix;
}

