/** A layout's page: its title, and its widgets and scopes laid out in rows that wrap to the screen. */
import type { ReactNode } from 'react';
import './layout.css';

/**
 * `fill`: the page takes the screen's height, as the app's playing pages do (whose CSS it shares), its
 * parts top to bottom and the last (keys or pads with `fill`) growing into the rest; its title is then
 * for screen readers alone (its tab says it).
 * `bare`: the page as the app's Mixer and Devices pages show theirs: its parts top to bottom, each as
 * wide as the page, with no margin of its own, and its title for screen readers alone.
 */
export function Layout({
  title,
  fill = false,
  bare = false,
  children,
}: {
  title: string;
  fill?: boolean;
  bare?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={fill ? 'ls-page ls-layout ls-play-page' : 'ls-page ls-layout'}
      aria-label={title}
      data-fill={fill || undefined}
      data-bare={bare || undefined}
    >
      <h2 className={fill || bare ? 'ls-layout-title ls-visually-hidden' : 'ls-layout-title'}>{title}</h2>
      <div className="ls-layout-body">{children}</div>
    </div>
  );
}

/** Widgets side by side (a layout's row). */
export function Row({ children }: { children: ReactNode }) {
  return <div className="ls-layout-row">{children}</div>;
}
