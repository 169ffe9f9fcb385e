/**
 * The app's pages written as layouts: every `.tsx` file of the project's
 * `layouts/` folder, loaded when its page is first shown. A layout that
 * fails (a mistake in its code, a widget that throws) shows its error on its
 * own page; the other pages go on.
 */
import { Component, lazy, Suspense, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { useLayoutDevError } from './dev-errors';

type LayoutModule = { default: ComponentType };

const FILES = import.meta.glob<LayoutModule>('../../layouts/*.tsx');

export interface LayoutPage {
  id: string;
  /** Its tab's words: the file's name (`mix-and-tweak.tsx`: "Mix and tweak"). */
  label: string;
  /** Where it is, for its error. */
  file: string;
  View: ComponentType;
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

/** What a failed layout's page says: which file, what is wrong, what to do. A pure view. */
export function LayoutFailure({
  file,
  message,
  mistake = false,
  onRetry,
}: {
  file: string;
  message: string;
  /** A mistake Vite found in the saved file (while running from the sources), not an error while it ran. */
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
      <LayoutFailure file={this.props.file} message={error.message} onRetry={() => this.setState({ error: null })} />
    );
  }
}

/** A layout page: loaded on first show, its failure kept to itself. */
export function LayoutPageView({ page }: { page: LayoutPage }) {
  const { View, file } = page;
  const devError = useLayoutDevError(file);
  if (devError !== null) return <LayoutFailure file={file} message={devError} mistake />;
  return (
    <LayoutErrorBoundary file={file}>
      <Suspense fallback={<p className="ls-empty">Opening {page.label}…</p>}>
        <View />
      </Suspense>
    </LayoutErrorBoundary>
  );
}
