/**
 * Pages a musician builds in the app (the page builder): a grid of widgets,
 * each bound to Live, saved by the bridge as a declarative file in the
 * layouts folder (`<name>.page.json`) so every tablet has it and a developer
 * can edit it by hand. The bridge answers `pages`, `save_page` and
 * `delete_page` itself (Live is not asked) and tells every client `pages`
 * when the folder changes, whoever changed it.
 *
 * A binding names what a musician means rather than where it sits now: a
 * track by its name (or place, or Live's selected track), a device of it by
 * its name, and a target relative to them (`parameters 3`, `mixer_device
 * volume`), as a TSX layout's `<Track>` and `<Device>` do. So a binding
 * follows its track when tracks move, shows unbound while its track is not
 * in the set, and binds again when it is.
 */
import { z } from 'zod';
import { RequestId, Target } from './common';

export const PAGE_LIMITS = {
  /** Columns of a page's grid. */
  columns: 12,
  /** Rows a page may have. */
  maxRows: 64,
  /** Widgets on one page. */
  maxWidgets: 128,
  /** A page's title, and a widget's label. */
  maxTitle: 80,
  /** A saved page's file, in bytes (larger files are refused when read). */
  maxFileBytes: 256 * 1024,
  /** Pages in the folder the bridge lists. */
  maxPages: 200,
} as const;

/** A page's file name without `.page.json`: lower-case words joined by dashes (`my-page`). */
export const PageName = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters and digits, words joined by dashes');
export type PageName = z.infer<typeof PageName>;

/** Which track: exactly one of these (the same choices as a layout's `<Track>`). */
export const TrackScope = z.union([
  z.object({ name: z.string().min(1).max(200) }).strict(),
  z.object({ index: z.number().int().min(0).max(9999) }).strict(),
  z.object({ selected: z.literal(true) }).strict(),
]);
export type TrackScope = z.infer<typeof TrackScope>;

/** Which device of the track (the same choices as a layout's `<Device>`). */
export const DeviceScope = z.union([
  z.object({ name: z.string().min(1).max(200) }).strict(),
  z.object({ index: z.number().int().min(0).max(9999) }).strict(),
]);
export type DeviceScope = z.infer<typeof DeviceScope>;

/**
 * A parameter, by where it is: `target` relative to the track (and device)
 * when they are given, else an absolute path (`live_set master_track
 * mixer_device volume`). `what` is how it was named when bound ("Bass ›
 * Saturator › Drive"), shown while it is unbound.
 */
export const ParameterBinding = z
  .object({
    track: TrackScope.optional(),
    device: DeviceScope.optional(),
    target: Target,
    what: z.string().max(300).optional(),
  })
  .strict()
  .refine((binding) => binding.device === undefined || binding.track !== undefined, {
    message: 'a device is found on a track: give the track too',
  });
export type ParameterBinding = z.infer<typeof ParameterBinding>;

/** Where a widget sits on the grid: its top-left cell (from 0) and its size in cells. */
const Cell = {
  x: z
    .number()
    .int()
    .min(0)
    .max(PAGE_LIMITS.columns - 1),
  y: z
    .number()
    .int()
    .min(0)
    .max(PAGE_LIMITS.maxRows - 1),
  w: z.number().int().min(1).max(PAGE_LIMITS.columns),
  h: z.number().int().min(1).max(PAGE_LIMITS.maxRows),
};

const Common = {
  /** Unique on its page. */
  id: z.string().min(1).max(40),
  /** Shown in place of the parameter's or track's name. */
  label: z.string().max(PAGE_LIMITS.maxTitle).optional(),
  ...Cell,
};

/** The kinds a widget of a saved page may be. */
export const PARAMETER_WIDGETS = ['knob', 'fader', 'button', 'display'] as const;
export const TRACK_WIDGETS = ['meter', 'keys', 'pads'] as const;

/** A widget bound to one parameter; null until it is bound. */
export const ParameterWidget = z
  .object({ kind: z.enum(PARAMETER_WIDGETS), parameter: ParameterBinding.nullable(), ...Common })
  .strict();
/** Two parameters under one finger. */
export const XYWidget = z
  .object({
    kind: z.literal('xy'),
    x_parameter: ParameterBinding.nullable(),
    y_parameter: ParameterBinding.nullable(),
    ...Common,
  })
  .strict();
/** A track's own part: its meter, a keyboard or drum pads that play it. */
export const TrackWidget = z.object({ kind: z.enum(TRACK_WIDGETS), track: TrackScope.nullable(), ...Common }).strict();

export const PageWidget = z
  .union([ParameterWidget, XYWidget, TrackWidget])
  .refine((widget) => widget.x + widget.w <= PAGE_LIMITS.columns && widget.y + widget.h <= PAGE_LIMITS.maxRows, {
    message: `a widget stays inside the grid (${PAGE_LIMITS.columns} columns, ${PAGE_LIMITS.maxRows} rows)`,
  });
export type PageWidget = z.infer<typeof PageWidget>;
export type WidgetKind = PageWidget['kind'];

const overlapping = (a: PageWidget, b: PageWidget): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A saved page: what its file holds. */
export const SavedPage = z
  .object({
    format: z.literal('livesurface.page'),
    version: z.literal(1),
    title: z.string().trim().min(1).max(PAGE_LIMITS.maxTitle),
    widgets: z.array(PageWidget).max(PAGE_LIMITS.maxWidgets),
  })
  .strict()
  .superRefine((page, context) => {
    const ids = new Set<string>();
    page.widgets.forEach((widget, index) => {
      if (ids.has(widget.id))
        context.addIssue({ code: 'custom', path: ['widgets', index, 'id'], message: `two widgets are "${widget.id}"` });
      ids.add(widget.id);
      const under = page.widgets.slice(0, index).find((other) => overlapping(other, widget));
      if (under)
        context.addIssue({
          code: 'custom',
          path: ['widgets', index],
          message: `"${widget.id}" overlaps "${under.id}" on the grid`,
        });
    });
  });
export type SavedPage = z.infer<typeof SavedPage>;

/** A version of a page's file, to save over it only when it is still the one read. */
export const PageRevision = z.string().min(1).max(100);

/** A page of the folder as the bridge lists it: readable, or with what is wrong in its file. */
export const ListedPage = z.union([
  z.object({ name: PageName, revision: PageRevision, page: SavedPage }).strict(),
  z.object({ name: PageName, revision: PageRevision, error: z.string() }).strict(),
]);
export type ListedPage = z.infer<typeof ListedPage>;

/** The saved pages, by name. */
export const PageList = z.array(ListedPage).max(PAGE_LIMITS.maxPages);
export type PageList = z.infer<typeof PageList>;

/** Lists the saved pages: `{ pages: PageList }`. */
export const ListPages = z.object({ op: z.literal('pages'), id: RequestId }).strict();
export type ListPages = z.infer<typeof ListPages>;

/**
 * Saves a page under `name`: `revision` is the version this client read
 * (null for a new page). A page changed or created since is refused
 * (`conflict`), so no tablet saves over another's edit unknowingly.
 * Answered `{ name, revision }`.
 */
export const SavePage = z
  .object({
    op: z.literal('save_page'),
    id: RequestId,
    name: PageName,
    revision: PageRevision.nullable(),
    page: SavedPage,
  })
  .strict();
export type SavePage = z.infer<typeof SavePage>;

/** Deletes the page `name` if it is still at `revision`. Answered `null`. */
export const DeletePage = z
  .object({ op: z.literal('delete_page'), id: RequestId, name: PageName, revision: PageRevision })
  .strict();
export type DeletePage = z.infer<typeof DeletePage>;

/** The saved pages changed (saved from a tablet, or the folder edited): every client hears the new list. */
export const PagesEvent = z.object({ ev: z.literal('pages'), pages: PageList }).strict();
export type PagesEvent = z.infer<typeof PagesEvent>;

/** The file name of page `name`. */
export const pageFileName = (name: string): string => `${name}.page.json`;

/** A page name from a title ("My Page!" → `my-page`); `page` when the title has no letters or digits. */
export function pageNameOf(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  const name = words.join('-').slice(0, 60).replace(/-+$/, '');
  return name.length > 0 ? name : 'page';
}
