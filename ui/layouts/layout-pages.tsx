/**
 * The app's pages written as layouts: every `.tsx` file of the project's
 * `layouts/` folder, then a user's layouts (the bridge's layouts folder
 * outside the project, compiled by the bridge: user-layouts.ts), each
 * loaded when its page is first shown. A layout that fails (a mistake in
 * its code, a widget that throws) shows its error on its own page; the
 * other pages go on.
 */
import {
  Component,
  lazy,
  Suspense,
  useMemo,
  useSyncExternalStore,
  type ComponentType,
  type ErrorInfo,
  type ReactNode,
} from 'react';
import { LAYOUT_MISTAKE, type UserLayoutsIndex } from '../../common/user-layouts';
import { useLayoutDevError } from './dev-errors';
import { userLayoutFile } from './user-layouts';
import { appUserLayouts } from './user-layouts-feed';

type LayoutModule = { default: ComponentType };

const FILES = import.meta.glob<LayoutModule>('../../layouts/*.tsx');

export interface LayoutPage {
  id: string;
  /** Its tab's words: the file's name (`mix-and-tweak.tsx`: "Mix and tweak"). */
  label: string;
  /** Where it is, for its error. */
  file: string;
  View: ComponentType;
  /** A user's layout: its file's version (a new one is a new page, its old error forgotten). */
  revision?: string;
}

/** "mix-and-tweak" as a tab says it. */
export function labelOf(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const LAYOUT_PAGES: readonly LayoutPage[] = Object.entries(FILES)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, load]) => {
    const name = path.replace(/^.*\//, '').replace(/\.tsx$/, '');
    return { id: `layout:${name}`, label: labelOf(name), file: `layouts/${name}.tsx`, View: lazy(load) };
  });

/** The view of a user's layout `name` at `version`; `file` is where it is, for its errors. */
export type UserLayoutView = (name: string, version: string, file: string) => ComponentType;

/**
 * The project's layout pages, then a user's (by name), each under a tab
 * named after its file; a user's whose tab would read as another's says it
 * is theirs ("Mix and tweak (yours)"). Pure.
 */
export function withUserLayouts(
  project: readonly LayoutPage[],
  index: UserLayoutsIndex | null,
  viewOf: UserLayoutView,
): readonly LayoutPage[] {
  if (index === null || index.folder === null || index.layouts.length === 0) return project;
  const { folder } = index;
  const taken = new Set(project.map((page) => page.label));
  const unique = (label: string): string => {
    let candidate = label;
    for (let n = 1; taken.has(candidate); n += 1) candidate = `${label} (yours${n === 1 ? '' : ` ${n}`})`;
    taken.add(candidate);
    return candidate;
  };
  const user = index.layouts.map(({ name, version }): LayoutPage => {
    const file = userLayoutFile(folder, name);
    return {
      id: `user-layout:${name}`,
      label: unique(labelOf(name)),
      file,
      View: viewOf(name, version, file),
      revision: version,
    };
  });
  return [...project, ...user];
}

const noLayouts = (): (() => void) => () => {};
const noIndex = (): null => null;

/** Every layout page: the project's, then the user's layouts the bridge serves (kept fresh while the app shows). */
export function useLayoutPages(): readonly LayoutPage[] {
  const user = appUserLayouts();
  const index = useSyncExternalStore(user?.feed.subscribe ?? noLayouts, user?.feed.snapshot ?? noIndex);
  return useMemo(
    () => (user === null ? LAYOUT_PAGES : withUserLayouts(LAYOUT_PAGES, index, user.views.viewOf)),
    [index, user],
  );
}

/** What a failed layout's page says: which file, what is wrong, what to do. A pure view. */
export function LayoutFailure({
  file,
  message,
  mistake = false,
  onRetry,
}: {
  file: string;
  message: string;
  /**
   * A mistake found in the saved file before it ran (by Vite, running from the sources; by the bridge,
   * compiling a user's layout), not an error while it ran.
   */
  mistake?: boolean;
  onRetry?: () => void;
}) {
  return (
    <div className="ls-page ls-layout-error" role="alert">
      <h2>
        The layout {file} {mistake ? 'has a mistake' : 'failed'}
      </h2>
      <pre>{message}</pre>
      <p className="ls-empty">Fix the file and save it: the page loads it again. The other pages work meanwhile.</p>
      {onRetry && (
        <button type="button" className="ls-tool" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

interface BoundaryState {
  error: Error | null;
}

/** Keeps a layout's failure on its page. */
export class LayoutErrorBoundary extends Component<{ file: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`LiveSurface: the layout ${this.props.file} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <LayoutFailure
        file={this.props.file}
        message={error.message}
        mistake={error.name === LAYOUT_MISTAKE}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}

/** A layout page: loaded on first show, its failure kept to itself. */
export function LayoutPageView({ page }: { page: LayoutPage }) {
  const { View, file } = page;
  const devError = useLayoutDevError(file);
  if (devError !== null) return <LayoutFailure file={file} message={devError} mistake />;
  return (
    // a new version of a user's layout starts afresh, its old error forgotten
    <LayoutErrorBoundary key={page.revision} file={file}>
      <Suspense fallback={<p className="ls-empty">Opening {page.label}…</p>}>
        <View />
      </Suspense>
    </LayoutErrorBoundary>
  );
}
