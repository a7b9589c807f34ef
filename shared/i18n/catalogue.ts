// A translation has exactly the keys of the English catalogue, with string leaves; a missing or
// extra key is a type error, so `npm run typecheck` fails the build on it.
export type Catalogue<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]>;
};
