/** Writes the Python mirror of the protocol (see `python-mirror.ts`). */
import { writeFileSync } from 'node:fs';
import { PYTHON_MIRROR_PATH, renderPythonMirror } from './python-mirror';

writeFileSync(PYTHON_MIRROR_PATH, renderPythonMirror());
console.log(`wrote ${PYTHON_MIRROR_PATH}`);
