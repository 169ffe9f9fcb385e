/**
 * The pages requests (`pages`, `save_page`, `delete_page`), answered by the
 * bridge from its saved pages: Live is not asked, and the perform lock does
 * not refuse them (a page is the tablet's, not Live's set).
 */
import type { DeletePage, ListPages, SavePage } from '../protocol/src/index';
import { PageStoreError, type SavedPages } from './saved-pages';
import type { Outcome } from './script-requests';

/** A pages request (its id is the caller's to reply with). */
export type PageRequest = ListPages | SavePage | DeletePage;

/** The store as the requests use it. */
export type PageStore = Pick<SavedPages, 'pages' | 'save' | 'delete'>;

const NO_PAGES: Outcome = { ok: false, error: { code: 'not_found', message: 'this bridge keeps no pages' } };

/** The reply to a pages request; a refusal of the store's (`conflict`, `not_found`...) as a typed error. */
export async function answerPageRequest(store: PageStore | undefined, request: PageRequest): Promise<Outcome> {
  if (store === undefined) return NO_PAGES;
  try {
    switch (request.op) {
      case 'pages':
        return { ok: true, result: { pages: store.pages } };
      case 'save_page':
        return { ok: true, result: await store.save(request.name, request.revision, request.page) };
      case 'delete_page':
        await store.delete(request.name, request.revision);
        return { ok: true, result: null };
      default:
        return request satisfies never;
    }
  } catch (error) {
    if (error instanceof PageStoreError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}
