// Stands in for "server-only" under vitest, where every import is server-side anyway.
export {};
