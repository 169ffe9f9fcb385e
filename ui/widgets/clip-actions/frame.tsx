/** A frame for a sheet in a story: the sheet's fixed layer stays inside it (a transformed box holds fixed children). */
import type { ReactNode } from 'react';

export function SheetFrame({ children, height = 460 }: { children: ReactNode; height?: number }) {
  return (
    <div
      style={{
        position: 'relative',
        width: 'min(100%, 560px)',
        height,
        transform: 'translateZ(0)',
        overflow: 'hidden',
      }}
    >
      {children}
    </div>
  );
}
