/**
 * What MIDI in's and MIDI out's tests stand on: the studio's session, the
 * tablet's Web MIDI a fake one, and a control on them in StrictMode, as the
 * app renders it; the ports a line offers, and one chosen.
 */
import { act, within } from '@testing-library/react';
import { StrictMode, type ReactElement, type ReactNode } from 'react';
import { createActor } from 'xstate';
import type { WebMidiEnvironment } from '../../machines/midi-input-access';
import type { SessionActor } from '../connect/use-session';
import { FakeStudio } from '../fake-studio/fake-studio';
import { LayoutProvider } from '../layouts/layout-context';

export interface PortPage {
  studio: FakeStudio;
  session: SessionActor;
  /** `control` on the studio, as a page of the app holds it. */
  page: (control: ReactNode) => ReactElement;
  /** Stops the session and the studio. */
  close: () => void;
}

/** The studio's session started, with `webMidi` as the tablet's Web MIDI, on a tablet that kept nothing. */
export function portPage(webMidi: WebMidiEnvironment): PortPage {
  localStorage.clear();
  const studio = new FakeStudio();
  studio.live.webMidi = webMidi;
  const session = createActor(studio.machines.session).start();
  return {
    studio,
    session,
    page: (control) => (
      <StrictMode>
        <LayoutProvider machines={studio.machines} session={session}>
          {control}
        </LayoutProvider>
      </StrictMode>
    ),
    close: () => {
      session.stop();
      studio.stop();
    },
  };
}

/** The names a line's choice offers, in order. */
export const offered = (choice: HTMLElement): (string | null)[] =>
  within(choice)
    .getAllByRole('option')
    .map((option) => option.textContent);

/** Chooses the port `name` in a line's choice, as a musician does, and lets the line follow. */
export async function choosePort(choice: HTMLElement, name: string): Promise<void> {
  if (!(choice instanceof HTMLSelectElement)) throw new Error('the choice of ports is a select');
  act(() => {
    choice.value = name;
    choice.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settled();
}

/** Lets the effects answer and React render what they said. */
export async function settled(turns = 20): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Taps a line's button that starts it (`start`), and gives its choice of ports (`choice`, its name) once offered. */
export async function startLine(line: HTMLElement, start: string, choice: string): Promise<HTMLElement> {
  act(() => within(line).getByRole('button', { name: start }).click());
  await settled();
  return within(line).getByRole('combobox', { name: choice });
}
