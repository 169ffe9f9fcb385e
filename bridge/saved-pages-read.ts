/**
 * Reading the layouts folder's saved pages: each `<name>.page.json` as the
 * bridge lists it (its page, or what is wrong with its file), and a file's
 * revision (a hash of its bytes, so any edit, by a tablet or by hand, is a
 * new revision).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { PAGE_LIMITS, PageName, SavedPage, type ListedPage, type PageList } from '../protocol/src/index';

export const PAGE_SUFFIX = '.page.json';

/** A revision of a file's bytes. */
export function pageRevision(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

type Issue = z.core.$ZodIssue;

/**
 * The issue a person should read first, with the path it is at. Of a union
 * that failed, the branch with the fewest issues is the one the file meant
 * (a knob with a bad `x` is a knob, not an xy pad missing its parameters).
 */
function firstIssue(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): string {
  const issue = issues[0];
  if (issue === undefined) return 'not a page';
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const likeliest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
    if (likeliest.length > 0) return firstIssue(likeliest, path);
  }
  const where = path.length > 0 ? path.map(String).join('.') : 'the page';
  return `${where}: ${issue.message}`;
}

/** The page in a file's text, or what is wrong with it (for a person: the first problem, with where it is). */
export function parsePageText(text: string): { page: SavedPage } | { error: string } {
  let json: unknown;
  try {
    // an editor on Windows may start the file with a byte order mark, which JSON.parse refuses
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = SavedPage.safeParse(json);
  return parsed.success ? { page: parsed.data } : { error: firstIssue(parsed.error.issues) };
}

const isMissing = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';

/** The file of page `name` as it is now (its revision, and its page or what is wrong), or null when there is none. */
export async function readPageFile(folder: string, name: string): Promise<ListedPage | null> {
  const path = join(folder, `${name}${PAGE_SUFFIX}`);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { name, revision: pageRevision(`not a file ${info.mtimeMs}`), error: 'not a file' };
    if (info.size > PAGE_LIMITS.maxFileBytes) {
      // not read: its revision is its size and time, enough to tell it changed
      return {
        name,
        revision: pageRevision(`${info.size} ${info.mtimeMs}`),
        error: `the file is ${info.size} bytes; a page's file holds at most ${PAGE_LIMITS.maxFileBytes}`,
      };
    }
    const bytes = await readFile(path);
    return { name, revision: pageRevision(bytes), ...parsePageText(bytes.toString('utf8')) };
  } catch (error) {
    if (isMissing(error)) return null;
    // listed, so whoever looks sees why (a file only root may read, say) rather than a page gone missing
    const reason = error instanceof Error ? error.message : String(error);
    return { name, revision: pageRevision(`unreadable ${reason}`), error: `the file cannot be read: ${reason}` };
  }
}

/** The names of the folder's page files, sorted; names that are not page names (`My Page.page.json`) are left out. */
export async function pageNames(folder: string): Promise<{ names: string[]; strays: string[] }> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch (error) {
    if (isMissing(error)) return { names: [], strays: [] };
    throw error;
  }
  const names: string[] = [];
  const strays: string[] = [];
  for (const entry of entries) {
    if (!entry.endsWith(PAGE_SUFFIX)) continue;
    const name = entry.slice(0, -PAGE_SUFFIX.length);
    if (PageName.safeParse(name).success) names.push(name);
    else strays.push(entry);
  }
  names.sort();
  strays.sort();
  return { names, strays };
}

/** The folder's pages as the bridge lists them (at most `maxPages`), and the files whose names are no page's. */
export async function listPages(folder: string): Promise<{ pages: PageList; strays: string[] }> {
  const { names, strays } = await pageNames(folder);
  const pages: ListedPage[] = [];
  for (const name of names) {
    if (pages.length >= PAGE_LIMITS.maxPages) break;
    const file = await readPageFile(folder, name);
    if (file !== null) pages.push(file); // gone since the folder was read: not a page anymore
  }
  return { pages, strays };
}
