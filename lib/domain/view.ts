// The view every page is seen through: the "as of" date and the shared filters, all kept
// in the URL so that a view can be bookmarked and shared. Parsing is lenient (a bad value
// is dropped, never an error page), as documenso does for table URLs.
import { z } from "zod";
import { ISO_DAY, isoDate, parsePartialDate } from "./partial-date";
import { effectiveAsOf, firstValues, orderedRange, queryString, todayUtc, type SearchParams } from "./view-url";
import { queryText } from "./text";
import { ORGANISATION_TYPES, STATUSES, type OrganisationType, type Status } from "./vocabulary";
import { areaCodeSchema } from "./area-code";
import { CATEGORIES, PILLARS, type Category, type Pillar } from "./constraints";

export interface View {
  /** Day the app is viewed at (UTC midnight); events after it are ignored. */
  asOf: Date;
  /** True when asOf was given in the URL (false: today). */
  asOfExplicit: boolean;
  region?: string;
  type?: OrganisationType;
  status?: Status;
  /** Event date range (inclusive) for the event-based charts. */
  from?: Date;
  to?: Date;
  /** Set by country pages, never read from the URL. */
  country?: string;
  /** Access-constraint filters: they narrow the event-based charts and the constraint map, not the status counts. */
  category?: Category;
  pillar?: Pillar;
  /** A first-level area (ISO 3166-2): the events placed there. */
  area?: string;
}

export const isoDay = z
  .string()
  .regex(ISO_DAY)
  .transform((text, ctx) => {
    const parsed = parsePartialDate(text);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: "Not a date" });
      return z.NEVER;
    }
    return parsed.date;
  });

const urlSchema = z.object({
  asOf: isoDay.optional().catch(undefined),
  region: queryText(40).optional().catch(undefined),
  type: z.enum(ORGANISATION_TYPES).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  category: z.enum(CATEGORIES).optional().catch(undefined),
  pillar: z.enum(PILLARS).optional().catch(undefined),
  area: areaCodeSchema().optional().catch(undefined),
});

export type { SearchParams };
export { todayUtc };

export function parseView(params: SearchParams, now = new Date()): View {
  const parsed = urlSchema.parse(firstValues(params));
  const [from, to] = orderedRange(parsed.from, parsed.to);
  return {
    ...effectiveAsOf(parsed.asOf, now),
    region: parsed.region,
    type: parsed.type,
    status: parsed.status,
    from,
    to,
    category: parsed.category,
    pillar: parsed.pillar,
    area: parsed.area,
  };
}

/**
 * The view without its filters: country, organisation and event pages show their subject
 * whole, so only the as-of date carries over to them and to their links.
 */
export function asOfOnly(view: View): View {
  return { asOf: view.asOf, asOfExplicit: view.asOfExplicit };
}

export { isoDate };

/** The query string of a view (only what differs from the defaults), with overrides. */
export function viewQuery(view: View, overrides: Partial<Record<keyof View, string | undefined>> = {}): string {
  const { asOf, region, type, status, from, to, category, pillar, area } = view;
  return queryString({ asOf: view.asOfExplicit ? asOf : undefined, region, type, status, from, to, category, pillar, area, ...overrides });
}

/** Twelve months before the view date, exclusive: the window of "the last 12 months". */
export function twelveMonthsBefore(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
}

/**
 * Monthly charts start at the first event in view, looking back at most this far (so that
 * a million events are never all charted), unless a date range is set.
 */
export const MAX_CHART_MONTHS = 120;
/** …and show at least this many months, so that a single event is not one full-width bar. */
export const MIN_CHART_MONTHS = 12;

/** The view with its event range bounded for monthly charts (the query's window; see monthlyWindow). */
export function withChartWindow(view: View): View {
  if (view.from) return view;
  const from = new Date(Date.UTC(view.asOf.getUTCFullYear(), view.asOf.getUTCMonth() - MAX_CHART_MONTHS + 1, 1));
  return { ...view, from };
}

/** The query string of the view with a wider chart window: all dates (a set range removed, or from 1900). */
export function widerChartWindow(view: View): string {
  return view.from || view.to ? viewQuery(view, { from: undefined, to: undefined }) : viewQuery(view, { from: "1900-01-01" });
}
