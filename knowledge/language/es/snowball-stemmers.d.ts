// snowball-stemmers ships no types; this is the one function the engine uses.
declare module 'snowball-stemmers' {
  export function newStemmer(language: string): { stem(word: string): string };
}
