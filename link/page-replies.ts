/**
 * The bridge's answers to the saved-pages requests, checked: a reply that is
 * not what the protocol says fails as a typed error, never as a wrong value.
 */
import { z } from 'zod';
import { PageList, PageName, PageRevision, type JsonValue } from '../protocol/src/index';
import { LinkError } from './errors';

/** What `save_page` answers: the page's name and its new revision. */
export const SavedPageReply = z.object({ name: PageName, revision: PageRevision });
export type SavedPageReply = z.infer<typeof SavedPageReply>;

/** What `pages` answers. */
export const PagesReply = z.object({ pages: PageList });

/** `value` as `schema` says, or a `bad_request` LinkError naming the request it answered. */
export function checkedReply<T>(schema: z.ZodType<T>, value: JsonValue, op: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  throw new LinkError('bad_request', `the bridge answered ${op} with something else${where}: ${issue?.message ?? ''}`);
}
