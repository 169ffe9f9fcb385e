import { describe, expect, it } from 'vitest';
import { BridgeHelloResult, ClientRequest } from './client';
import {
  ListedPage,
  PAGE_LIMITS,
  PageName,
  pageFileName,
  pageNameOf,
  PagesEvent,
  SavedPage,
  type PageWidget,
} from './pages';

const knob = (id: string, x: number, y: number, extra: Partial<PageWidget> = {}): unknown => ({
  kind: 'knob',
  id,
  x,
  y,
  w: 2,
  h: 2,
  parameter: { track: { name: 'Bass' }, device: { name: 'Saturator' }, target: 'parameters 1', what: 'Bass › Drive' },
  ...extra,
});

const page = (widgets: unknown[]): unknown => ({ format: 'livesurface.page', version: 1, title: 'Mix', widgets });

/** The issues of a page that is refused, as `path: message`. */
const issues = (value: unknown): string[] => {
  const parsed = SavedPage.safeParse(value);
  if (parsed.success) throw new Error('the page was taken');
  return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('SavedPage', () => {
  it('takes a page of every kind of widget, bound or not', () => {
    const widgets = [
      knob('drive', 0, 0),
      {
        kind: 'fader',
        id: 'master',
        x: 2,
        y: 0,
        w: 1,
        h: 4,
        parameter: { target: 'live_set master_track mixer_device volume' },
      },
      { kind: 'button', id: 'unbound', x: 3, y: 0, w: 1, h: 1, parameter: null, label: 'Later' },
      {
        kind: 'display',
        id: 'selected',
        x: 4,
        y: 0,
        w: 2,
        h: 1,
        parameter: { track: { selected: true }, target: 'devices 0 parameters 1' },
      },
      {
        kind: 'xy',
        id: 'pad',
        x: 6,
        y: 0,
        w: 4,
        h: 4,
        x_parameter: { track: { index: 0 }, target: 'mixer_device panning' },
        y_parameter: null,
      },
      { kind: 'meter', id: 'meter', x: 10, y: 0, w: 1, h: 4, track: { name: 'Drums' } },
      { kind: 'keys', id: 'keys', x: 0, y: 4, w: 12, h: 3, track: { selected: true } },
      { kind: 'pads', id: 'pads', x: 0, y: 7, w: 4, h: 4, track: null },
    ];
    expect(SavedPage.parse(page(widgets))).toEqual(page(widgets));
  });

  it('trims the title, and refuses an empty one', () => {
    expect(SavedPage.parse({ ...(page([]) as object), title: '  Mix  ' }).title).toBe('Mix');
    expect(SavedPage.safeParse({ ...(page([]) as object), title: '   ' }).success).toBe(false);
  });

  it('refuses widgets that overlap, naming both', () => {
    expect(issues(page([knob('a', 0, 0), knob('b', 1, 1)]))).toEqual(['widgets.1: "b" overlaps "a" on the grid']);
    // side by side is no overlap
    expect(SavedPage.safeParse(page([knob('a', 0, 0), knob('b', 2, 0), knob('c', 0, 2)])).success).toBe(true);
  });

  it('refuses two widgets of one id', () => {
    expect(issues(page([knob('same', 0, 0), knob('same', 4, 0)]))).toEqual(['widgets.1.id: two widgets are "same"']);
  });

  it('refuses a device without its track', () => {
    const orphan = knob('a', 0, 0, { parameter: { device: { name: 'Saturator' }, target: 'parameters 1' } });
    expect(issues(page([orphan]))).toEqual(['widgets.0.parameter: a device is found on a track: give the track too']);
  });

  it('refuses a widget past the grid’s edge', () => {
    const edge = `a widget stays inside the grid (${PAGE_LIMITS.columns} columns, ${PAGE_LIMITS.maxRows} rows)`;
    expect(issues(page([knob('wide', 11, 0)]))).toEqual([`widgets.0: ${edge}`]);
    expect(issues(page([knob('low', 0, PAGE_LIMITS.maxRows - 1)]))).toEqual([`widgets.0: ${edge}`]);
    expect(issues(page([knob('out', 12, 0)]))[0]).toMatch(/^widgets\.0\.x: /);
  });

  it('refuses a scope of two kinds, an unknown field and another format', () => {
    expect(
      SavedPage.safeParse(page([knob('a', 0, 0, { parameter: { track: { name: 'B', index: 1 }, target: 'x' } })]))
        .success,
    ).toBe(false);
    expect(SavedPage.safeParse(page([{ ...(knob('a', 0, 0) as object), colour: 'red' }])).success).toBe(false);
    expect(SavedPage.safeParse({ ...(page([]) as object), version: 2 }).success).toBe(false);
  });

  it(`holds at most ${PAGE_LIMITS.maxWidgets} widgets`, () => {
    const many = Array.from({ length: PAGE_LIMITS.maxWidgets + 1 }, (_, index) =>
      knob(`k${index}`, (index % 6) * 2, Math.floor(index / 6) * 2, { w: 2, h: 2 }),
    );
    expect(SavedPage.safeParse(page(many.slice(1))).success).toBe(true);
    expect(SavedPage.safeParse(page(many)).success).toBe(false);
  });
});

describe('ListedPage', () => {
  it('is a readable page or a file with what is wrong', () => {
    const readable = { name: 'mix', revision: '0123abcd', page: page([]) };
    const broken = { name: 'mix', revision: '0123abcd', error: 'not JSON' };
    expect(ListedPage.parse(readable)).toEqual(readable);
    expect(ListedPage.parse(broken)).toEqual(broken);
    expect(ListedPage.safeParse({ name: 'mix', revision: '0123abcd' }).success).toBe(false);
    expect(ListedPage.safeParse({ ...broken, name: 'My Mix' }).success).toBe(false);
  });
});

describe('the pages messages', () => {
  it('are client requests and a bridge event; a hello without pages has none', () => {
    expect(ClientRequest.parse({ op: 'pages', id: 1 })).toEqual({ op: 'pages', id: 1 });
    expect(
      ClientRequest.safeParse({ op: 'save_page', id: 2, name: 'mix', revision: null, page: page([]) }).success,
    ).toBe(true);
    expect(ClientRequest.safeParse({ op: 'save_page', id: 2, name: 'mix', page: page([]) }).success).toBe(false);
    expect(ClientRequest.safeParse({ op: 'delete_page', id: 3, name: 'mix', revision: null }).success).toBe(false);
    expect(PagesEvent.safeParse({ ev: 'pages', pages: [] }).success).toBe(true);
    const hello = BridgeHelloResult.parse({
      protocol: 1,
      bridge_version: 'old',
      live: { state: 'offline', host: null, live_version: null, set_name: null },
      midi: { mode: 'none', detail: '' },
    });
    expect(hello.pages).toEqual([]);
  });
});

describe('PageName and pageNameOf', () => {
  it.each([
    ['My Page!', 'my-page'],
    ['  Drums & Bass  ', 'drums-bass'],
    ['Crème brûlée', 'creme-brulee'],
    ['Live 12', 'live-12'],
    ['!!!', 'page'],
    ['', 'page'],
    ['日本語', 'page'],
  ])('names %j %j', (title, name) => {
    expect(pageNameOf(title)).toBe(name);
    expect(PageName.safeParse(name).success).toBe(true);
  });

  it('keeps a long title’s name within 60 characters, without a trailing dash', () => {
    const name = pageNameOf(`${'a'.repeat(59)} b`);
    expect(name).toBe('a'.repeat(59));
    expect(pageNameOf('word '.repeat(30)).length).toBeLessThanOrEqual(60);
    expect(PageName.safeParse(pageNameOf('word '.repeat(30))).success).toBe(true);
  });

  it.each(['My-Page', 'my page', '-mix', 'mix-', 'mix--tweak', '../etc', 'a'.repeat(61)])(
    'refuses the name %j',
    (name) => {
      expect(PageName.safeParse(name).success).toBe(false);
    },
  );

  it('files a page under its name', () => {
    expect(pageFileName('my-page')).toBe('my-page.page.json');
  });
});
