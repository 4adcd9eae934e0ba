// sastrawijs ships types but its package.json "exports" does not point to them.
declare module 'sastrawijs' {
	export class Stemmer {
		constructor(dictionary?: string[]);
		stem(word: string): string;
	}
}
