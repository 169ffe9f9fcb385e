/** The protocol of both hops: one source of truth for TypeScript, mirrored in Python. */
export * from './common';
export * from './notes';
export * from './path';
export * from './script';
