/**
 * The fake studio in React: a provider, a hook, and a Storybook decorator
 * that gives each story a fresh studio running in real time (stopped when
 * the story goes away).
 */
import type { Decorator } from '@storybook/react-vite';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { FakeStudio, type FakeStudioOptions } from './fake-studio';

const StudioContext = createContext<FakeStudio | null>(null);

export function StudioProvider({ studio, children }: { studio: FakeStudio; children: ReactNode }) {
  return <StudioContext.Provider value={studio}>{children}</StudioContext.Provider>;
}

export function useStudio(): FakeStudio {
  const studio = useContext(StudioContext);
  if (studio === null) throw new Error('useStudio needs a StudioProvider (or the withStudio decorator) above it');
  return studio;
}

function RunningStudio({ options, children }: { options: FakeStudioOptions; children: ReactNode }) {
  const [studio] = useState(() => new FakeStudio(options));
  useEffect(() => {
    studio.start();
    return () => studio.stop();
  }, [studio]);
  return <StudioProvider studio={studio}>{children}</StudioProvider>;
}

/** Each story gets its own studio, running in real time. */
export function withStudio(options: FakeStudioOptions = {}): Decorator {
  return (Story) => (
    <RunningStudio options={options}>
      <Story />
    </RunningStudio>
  );
}
