/**
 * How tall a row must be to show wrapped Thai text. Excel does not grow rows for merged
 * cells and LibreOffice keeps the heights a file gives, so the layout sizes each row itself.
 *
 * Thai has no spaces between words. Widths are summed per character from TH Sarabun New's
 * advance widths (fontMetrics.ts, measured from Laksaman, TLWG's twin of TH Sarabun, by
 * scripts/measure-font-metrics.py; combining marks — above and below vowels, tone marks —
 * take no width), times a safety margin for the other font a reader may have and for
 * hinting. Lines are then counted by wrapping word by word, with Intl.Segmenter's Thai word
 * boundaries (the dictionary break opportunities line breakers use).
 */
import { TH_SARABUN_BOLD, TH_SARABUN_REGULAR, type AdvanceRanges } from "./fontMetrics";

const THAI_COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

/** Widths are taken this much wider than measured: Excel's and LibreOffice's hinting at
 * print sizes, a break opportunity the segmenter has that the application lacks. */
const WIDTH_MARGIN = 1.05;

/** Ems for characters the table lacks: CJK, emoji and the like; anything else. */
const WIDE_EM = 1.0;
const OTHER_EM = 0.55;
const TABLE_END = 0x2040;

/** Advances in ems by code point below TABLE_END; NaN where the font has no glyph. */
function advanceTable(ranges: AdvanceRanges): Float64Array {
  const table = new Float64Array(TABLE_END).fill(NaN);
  for (const [start, advances] of ranges)
    advances.forEach((thousandths, i) => {
      if (thousandths >= 0) table[start + i] = (thousandths / 1000) * WIDTH_MARGIN;
    });
  return table;
}
const REGULAR = advanceTable(TH_SARABUN_REGULAR);
const BOLD = advanceTable(TH_SARABUN_BOLD);

/** Width of the text on one line, in ems (multiply by the font size in points for points). */
export function textWidthEm(text: string, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const known = code < TABLE_END ? table[code] : NaN;
    if (!Number.isNaN(known)) em += known;
    else if (THAI_COMBINING.test(ch) || (code >= 0x0300 && code <= 0x036f)) continue;
    else if (ch === "\t") em += table[0x20];
    else em += code >= 0x2e80 ? WIDE_EM : OTHER_EM;
  }
  return em;
}

/** Points of cell padding Excel and LibreOffice leave on each side of the text. */
const CELL_PADDING_PT = 3;

/** Word segmenter for Thai (dictionary-based, as the line breakers of Excel, LibreOffice
 * and browsers are); undefined where Intl.Segmenter is missing, then lines are estimated
 * from the width alone with some slack. */
const segmenter: { segment(text: string): Iterable<{ segment: string }> } | undefined = (() => {
  try {
    return typeof Intl !== "undefined" && "Segmenter" in Intl
      ? new Intl.Segmenter("th", { granularity: "word" })
      : undefined;
  } catch {
    return undefined;
  }
})();
const NO_SEGMENTER_SLACK = 0.85;
/** Intl.Segmenter slows down quadratically on long strings, so it gets one phrase at a
 * time, and runs without spaces in slices of this many characters. */
const SEGMENT_CHUNK = 500;

/** Segmented phrases (text between spaces, with its trailing space): staff text repeats
 * its phrases (unit names, statuses, "กรุงเทพมหานคร"), and segmenting is most of the time
 * a report takes to lay out. Emptied when it reaches PHRASE_CACHE_LIMIT. */
const phraseWords = new Map<string, readonly string[]>();
const PHRASE_CACHE_LIMIT = 50_000;
const CACHED_PHRASE_LENGTH = 400;

/** One phrase's words: Intl.Segmenter's, over slices of at most SEGMENT_CHUNK characters. */
function segmentPhrase(phrase: string, words: string[]): void {
  for (let start = 0; start < phrase.length; start += SEGMENT_CHUNK) {
    let end = Math.min(phrase.length, start + SEGMENT_CHUNK);
    // Never split a character from its combining marks (or a surrogate pair).
    while (
      end < phrase.length &&
      (THAI_COMBINING.test(phrase[end]) || /[\uDC00-\uDFFF]/.test(phrase[end]))
    )
      end++;
    const chunk = phrase.slice(start, end);
    start = end - SEGMENT_CHUNK;
    if (segmenter) for (const { segment } of segmenter.segment(chunk)) words.push(segment);
    else words.push(chunk);
  }
}

/** The paragraph's words (with the spaces between them as words of their own). */
function wordsOf(paragraph: string): string[] {
  const words: string[] = [];
  for (const phrase of paragraph.split(/(?<=\s)(?=\S)/)) {
    if (phrase.length > CACHED_PHRASE_LENGTH) {
      segmentPhrase(phrase, words);
      continue;
    }
    let known = phraseWords.get(phrase);
    if (!known) {
      const segmented: string[] = [];
      segmentPhrase(phrase, segmented);
      if (phraseWords.size >= PHRASE_CACHE_LIMIT) phraseWords.clear();
      phraseWords.set(phrase, segmented);
      known = segmented;
    }
    for (const word of known) words.push(word);
  }
  return words;
}

/** Lines one paragraph takes when wrapped greedily at word boundaries in `usableEm`. */
function wrappedLines(paragraph: string, usableEm: number, bold: boolean): number {
  if (!segmenter)
    return Math.max(1, Math.ceil(textWidthEm(paragraph, bold) / (usableEm * NO_SEGMENTER_SLACK)));
  let lines = 1;
  let used = 0;
  for (const segment of wordsOf(paragraph)) {
    const width = textWidthEm(segment, bold);
    if (used + width <= usableEm) {
      used += width;
      continue;
    }
    if (/^\s+$/.test(segment)) continue; // a space at the end of a line takes no room
    if (width <= usableEm) {
      lines += used > 0 ? 1 : 0;
      used = width;
      continue;
    }
    // A word wider than the cell is broken wherever it reaches the edge.
    if (used > 0) lines += 1;
    used = 0;
    for (const ch of segment) {
      const w = textWidthEm(ch, bold);
      if (used + w > usableEm && used > 0) {
        lines += 1;
        used = 0;
      }
      used += w;
    }
  }
  return lines;
}

/** How many lines the text takes in a cell `widthPt` wide, wrapped, at `fontSizePt`. */
export function estimateLines(
  text: string,
  widthPt: number,
  fontSizePt: number,
  bold = false
): number {
  if (text === "") return 1;
  const cacheable = text.length <= CACHED_TEXT_LENGTH;
  const cacheKey = cacheable ? `${widthPt}|${fontSizePt}|${bold ? 1 : 0}|${text}` : "";
  if (cacheable) {
    const known = lineCache.get(cacheKey);
    if (known !== undefined) return known;
  }
  const lines = measureLines(text, widthPt, fontSizePt, bold);
  if (cacheable) {
    if (lineCache.size >= LINE_CACHE_SIZE) lineCache.clear();
    lineCache.set(cacheKey, lines);
  }
  return lines;
}

/** Short texts (labels, headings, statuses) recur on every report of a run; their line
 * counts are kept, up to this many. */
const LINE_CACHE_SIZE = 20000;
const CACHED_TEXT_LENGTH = 200;
const lineCache = new Map<string, number>();

function measureLines(text: string, widthPt: number, fontSizePt: number, bold: boolean): number {
  const usableEm = Math.max(0.5, (widthPt - 2 * CELL_PADDING_PT) / Math.max(1, fontSizePt));
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/))
    lines += wrappedLines(paragraph, usableEm, bold);
  return lines;
}

/** Line height of TH Sarabun New in ems: its ascent and descent span about 1.45 em
 * (Excel's default row for 16 pt is 24 pt). */
export const DEFAULT_LINE_EM = 1.45;

/** Height of one line of text at `fontSizePt`, in points. */
export function lineHeight(fontSizePt: number, lineEm = DEFAULT_LINE_EM): number {
  return fontSizePt * lineEm;
}

/** Excel's largest row height. */
const MAX_ROW_HEIGHT = 409;

/** The row height that shows `lines` lines, in points (quarter points, as Excel stores them). */
export function rowHeightFor(lines: number, fontSizePt: number, lineEm = DEFAULT_LINE_EM): number {
  const height = Math.max(1, lines) * lineHeight(fontSizePt, lineEm) + 3;
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(height * 4) / 4);
}

/** Most lines one row can hold at this size. */
export function maxLinesPerRow(fontSizePt: number, lineEm = DEFAULT_LINE_EM): number {
  return Math.max(1, Math.floor((MAX_ROW_HEIGHT - 3) / lineHeight(fontSizePt, lineEm)));
}

/**
 * Splits long text into pieces of at most `maxLines` estimated lines each, so each piece
 * can be its own row (rows cannot be taller than 409 pt, and short rows break across
 * printed pages cleanly). Pieces end at line breaks or word boundaries, where the wrapping
 * estimate would start line `maxLines + 1`; a word wider than a whole piece is cut,
 * never between a character and its combining marks. One pass over the text.
 */
export function splitIntoRows(
  text: string,
  widthPt: number,
  fontSizePt: number,
  maxLines: number
): string[] {
  const usableEm = Math.max(0.5, (widthPt - 2 * CELL_PADDING_PT) / Math.max(1, fontSizePt));
  const budget = Math.max(1, Math.floor(maxLines));
  if (estimateLines(text, widthPt, fontSizePt) <= budget) return [text];

  const pieces: string[] = [];
  let piece = "";
  let lines = 1;
  let used = 0;
  const emit = () => {
    const trimmed = piece.replace(/\s+$/, "");
    if (trimmed.trim() !== "") pieces.push(trimmed);
    piece = "";
    lines = 1;
    used = 0;
  };
  /** Moves to a new line, or to a new piece when the piece is full. */
  const newLine = () => {
    if (lines >= budget) emit();
    else {
      lines += 1;
      used = 0;
    }
  };
  text.split(/\r\n|\r|\n/).forEach((paragraph, index) => {
    if (index > 0) {
      if (piece !== "") {
        newLine();
        if (piece !== "") piece += "\n";
      }
    }
    for (const word of wordsOf(paragraph)) {
      const width = textWidthEm(word);
      if (used + width <= usableEm) {
        piece += word;
        used += width;
        continue;
      }
      if (/^\s+$/.test(word)) {
        piece += word;
        continue;
      }
      if (width <= usableEm) {
        if (used > 0) newLine();
        piece += word;
        used += width;
        continue;
      }
      for (const ch of word) {
        const w = THAI_COMBINING.test(ch) ? 0 : textWidthEm(ch);
        if (used + w > usableEm && used > 0) newLine();
        piece += ch;
        used += w;
      }
    }
  });
  emit();
  return pieces.length > 0 ? pieces : [text];
}
