/**
 * Page breaks like the paper form's. The form prints at 100 % (its columns fill A4's
 * printable width), so the layout's own row heights say where pages end; the rows the
 * application would break at are moved up where that would leave
 * - a heading or the rounds table's header at the foot of a page (kept with what follows),
 * - a block that belongs together split (the certification and signature),
 * - the certification alone under the repeated header (the last round goes with it).
 * A round taller than a page is already split into rows of a few lines (project.ts), so a
 * page breaks between them. Breaks are zero-based rows that start a new page.
 */
import type { PageSetup } from "../types";

const POINTS_PER_INCH = 72;
/** A4 portrait height in points. */
const A4_HEIGHT_PT = (297 / 25.4) * POINTS_PER_INCH;
/** Heights a renderer may round up (quarter points, pixels): kept free on each page. */
const PAGE_SLACK_PT = 6;

export interface PaginationInput {
  rowHeights: Readonly<Record<number, number>>;
  /** Height of rows not in rowHeights. */
  defaultHeight: number;
  lastRow: number;
  page: Pick<PageSetup, "margins" | "printTitleRows">;
  /** Rows that must start a page together with the row after them (headings). */
  keepWithNext: ReadonlySet<number>;
  /** Inclusive row ranges printed on one page when they fit on one. */
  keepTogether: readonly [number, number][];
}

/** Usable height of a portrait A4 page between the top and bottom margins. */
function printableHeight(margins: PageSetup["margins"]): number {
  return A4_HEIGHT_PT - (margins.top + margins.bottom) * POINTS_PER_INCH - PAGE_SLACK_PT;
}

/** The rows that start a new page (ascending), for the form's layout. */
export function formPageBreaks(input: PaginationInput): number[] {
  const height = (row: number) => input.rowHeights[row] ?? input.defaultHeight;
  const pageHeight = printableHeight(input.page.margins);
  const titles = input.page.printTitleRows;
  const titleHeight = titles ? height(titles[0]) : 0;
  const groupEnd = new Map<number, number>();
  for (const [first, last] of input.keepTogether) groupEnd.set(first, last);

  const breaks: number[] = [];
  let used = 0;
  let pageStart = 0;
  const newPage = (row: number) => {
    breaks.push(row);
    pageStart = row;
    // Title rows repeat from the page after the one they first print on.
    used = titles && row > titles[1] ? titleHeight : 0;
  };
  let row = 0;
  while (row <= input.lastRow) {
    // The unit that must not be split: a keep-together block, or a run of headings with
    // the row that follows them.
    let last = groupEnd.get(row) ?? row;
    while (input.keepWithNext.has(last) && last < input.lastRow) last += 1;
    let unit = 0;
    for (let r = row; r <= last; r++) unit += height(r);
    const room = pageHeight - used;
    if (unit > room && row > pageStart) {
      const fresh = pageHeight - (titles && row > titles[1] ? titleHeight : 0);
      if (unit <= fresh) newPage(row);
      else if (height(row) > room) newPage(row);
    }
    // Advance through the unit row by row (a unit taller than a page breaks inside).
    for (let r = row; r <= last; r++) {
      if (height(r) > pageHeight - used && r > pageStart) newPage(r);
      used += height(r);
    }
    row = last + 1;
  }
  return breaks;
}
