/**
 * A user's layout file compiled into one ES module the app can `import()`:
 * TSX to JavaScript with esbuild, its imports of React and of the layout
 * kit read from the global the app sets up (`LAYOUT_KIT_GLOBAL`), so the
 * layout shares the app's React and actors. Any other import is refused:
 * the file is one page, and the bridge serves nothing else of the folder.
 * A file that does not compile becomes a module that throws what esbuild
 * said (file:line:col), so its page shows it and the other pages go on.
 */
import { build, type Message, type Plugin } from 'esbuild';
import { basename, dirname } from 'node:path';
import { LAYOUT_KIT_GLOBAL, LAYOUT_MISTAKE } from '../common/user-layouts';

/** Which part of the global an allowed import reads. */
export type KitPart = 'react' | 'jsxRuntime' | 'kit';

/** The import a user's layout writes for the kit (layouts/README.md). */
export const KIT_IMPORT = 'livesurface/layouts';

/**
 * The part of the global an import names, or null when a layout may not
 * import it. A relative path ending in `ui/layouts` is the kit too, so a
 * file copied from the project's `layouts/` works as it is.
 */
export function kitPartOf(specifier: string): KitPart | null {
  if (specifier === 'react') return 'react';
  if (specifier === 'react/jsx-runtime') return 'jsxRuntime';
  if (specifier === KIT_IMPORT) return 'kit';
  if (/^\.\.?\//.test(specifier) && /(^|\/)ui\/layouts(\/index(\.tsx?)?)?\/?$/.test(specifier)) return 'kit';
  return null;
}

const KIT_NAMESPACE = 'livesurface-kit';

/** A module that is the app's copy of `part` (CommonJS, so every name the app has is importable by name). */
const shimOf = (part: KitPart): string =>
  `const kit = globalThis[${JSON.stringify(LAYOUT_KIT_GLOBAL)}];\n` +
  `if (!kit) throw new Error('LiveSurface: a layout was loaded before the app set up its kit');\n` +
  `module.exports = kit[${JSON.stringify(part)}];\n`;

/** Reads allowed imports from the global, refuses the rest by name. */
const kitImports: Plugin = {
  name: 'livesurface-kit-imports',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const part = kitPartOf(args.path);
      if (part !== null) return { path: part, namespace: KIT_NAMESPACE };
      return {
        errors: [
          {
            text: `cannot import "${args.path}": a layout outside the project may import only "${KIT_IMPORT}", "react" and "react/jsx-runtime"`,
          },
        ],
      };
    });
    builder.onLoad({ filter: /.*/, namespace: KIT_NAMESPACE }, (args) => ({
      contents: shimOf(args.path as KitPart),
      loader: 'js',
    }));
  },
};

/** A compiled layout: its module, or what is wrong with the file. */
export type CompiledLayout = { ok: true; code: string } | { ok: false; message: string };

/** esbuild's messages as a person reads them: `name.tsx:3:14: text`, and the line. */
export function describeMessages(messages: readonly Message[]): string {
  return messages
    .map(({ text, location }) => {
      if (location === null) return text;
      const where = `${location.file}:${location.line}:${location.column + 1}: ${text}`;
      return location.lineText.trim() === '' ? where : `${where}\n    ${location.lineText}`;
    })
    .join('\n\n');
}

const isBuildFailure = (error: unknown): error is { errors: Message[] } =>
  typeof error === 'object' && error !== null && 'errors' in error && Array.isArray(error.errors);

/** Compiles the layout file at `file` (an absolute path). */
export async function compileLayout(file: string): Promise<CompiledLayout> {
  try {
    const result = await build({
      // relative to its folder, so messages and the source map name the file, not where it sits
      absWorkingDir: dirname(file),
      entryPoints: [basename(file)],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      // the user's folder may hold a tsconfig.json for their editor; it does not decide how the app runs the file
      tsconfigRaw: {},
      sourcemap: 'inline',
      logLevel: 'silent',
      plugins: [kitImports],
    });
    const output = result.outputFiles[0];
    if (output === undefined) return { ok: false, message: `${basename(file)}: esbuild wrote nothing` };
    return { ok: true, code: output.text };
  } catch (error) {
    if (isBuildFailure(error)) return { ok: false, message: describeMessages(error.errors) };
    return { ok: false, message: `${basename(file)}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The module served for a compiled layout: its code, or one that throws its mistake when imported. */
export function moduleText(compiled: CompiledLayout): string {
  if (compiled.ok) return compiled.code;
  return (
    `const mistake = new Error(${JSON.stringify(compiled.message)});\n` +
    `mistake.name = ${JSON.stringify(LAYOUT_MISTAKE)};\n` +
    `throw mistake;\n`
  );
}
