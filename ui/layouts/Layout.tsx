/** A layout's page: its title, and its widgets and scopes laid out in rows that wrap to the screen. */
import type { ReactNode } from 'react';
import './layout.css';

export function Layout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="ls-page ls-layout" aria-label={title}>
      <h2 className="ls-layout-title">{title}</h2>
      <div className="ls-layout-body">{children}</div>
    </div>
  );
}

/** Widgets side by side (a layout's row). */
export function Row({ children }: { children: ReactNode }) {
  return <div className="ls-layout-row">{children}</div>;
}
