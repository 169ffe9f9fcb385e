/** The protocol of both hops: one source of truth for TypeScript, mirrored in Python. */
export * from './client';
export * from './common';
export * from './midi';
export * from './notes';
export * from './pages';
export * from './presence';
export * from './path';
export * from './script';
