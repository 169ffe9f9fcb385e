#!/usr/bin/env node
// The `livesurface` command: runs the TypeScript entry through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
