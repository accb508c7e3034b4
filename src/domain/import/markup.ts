/**
 * From what staff paste or save (the form printed to text, text or HTML copied from the
 * browser, a saved .html page) to the segments the form parser reads: one per printed line,
 * tab-separated cell or HTML paragraph, each with the source line it started on. A small,
 * tolerant tag stripper, not a DOM: the domain runs without one, and pasted HTML is often
 * broken. Pure and total: nothing here throws.
 */
import { BASIC_HTML_ENTITIES, cleanText } from "../text";

/** One piece of the printout between two breaks (line, tab, paragraph or cell). */
export interface Segment {
  text: string;
  /** 1-based line of the source where the piece starts. */
  line: number;
  /** The piece ended at an HTML paragraph break (`</p>`, `<br>`) rather than a line break
   * or tab: a narrative continued after it keeps the paragraph as a line break. */
  paraEnd: boolean;
}

/** Internal marks while scanning (characters that never occur in the form's text). */
const PARA = "\u2029";
const NEWLINE = "\n";
const CELL = "\t";

/** Tags whose content is not text (skipped whole). */
const SKIPPED_ELEMENTS = new Set(["script", "style", "head", "title", "template", "noscript"]);
/** Tags that break a paragraph inside a narrative (kept as a line break there). */
const PARAGRAPH_TAGS = new Set(["p", "br"]);
/** Tags that start a new line of the page. */
const BLOCK_TAGS = new Set([
  "div",
  "tr",
  "li",
  "ul",
  "ol",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "body",
  "html",
  "hr",
  "pre",
  "blockquote",
  "dl",
  "dt",
  "dd",
  "form",
  "fieldset",
  "caption",
]);
/** Table cells: a tab, as the printout separates its columns. */
const CELL_TAGS = new Set(["td", "th"]);

/** A tag, bounded so that a stray "<" in a long narrative cannot make the scan quadratic. */
const TAG_RE =
  /<(\/?)([a-zA-Z][a-zA-Z0-9]{0,15})(?:\s[^<>]{0,2000})?\/?>|<!--[\s\S]{0,100000}?-->|<![a-zA-Z][^<>]{0,200}>/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  ...BASIC_HTML_ENTITIES,
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  bull: "•",
};
const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY_RE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? "", 16);
    // Lone surrogates and out-of-range code points are not characters: drop them.
    if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) return "";
    if (code >= 0xd800 && code <= 0xdfff) return "";
    return String.fromCodePoint(code);
  });
}

/**
 * The text with tags replaced by the marks the segmenter splits on. Text outside tags is
 * kept; newlines inside a tag's attributes are kept as newlines so that line numbers still
 * match the source.
 */
function replaceTags(source: string): string {
  if (!source.includes("<")) return source;
  let skipping: string | undefined;
  let out = "";
  let last = 0;
  TAG_RE.lastIndex = 0;
  for (let match = TAG_RE.exec(source); match !== null; match = TAG_RE.exec(source)) {
    const before = source.slice(last, match.index);
    const tagLines = NEWLINE.repeat(countNewlines(match[0]));
    last = match.index + match[0].length;
    const closing = match[1] === "/";
    const name = (match[2] ?? "").toLowerCase();
    if (skipping !== undefined) {
      // Inside <script>/<style>: keep only the line count until the element closes.
      out += NEWLINE.repeat(countNewlines(before)) + tagLines;
      if (closing && name === skipping) skipping = undefined;
      continue;
    }
    out += before;
    if (name === "") {
      out += tagLines; // a comment or a doctype
    } else if (SKIPPED_ELEMENTS.has(name) && !closing) {
      skipping = name;
      out += tagLines;
    } else if (PARAGRAPH_TAGS.has(name)) {
      out += PARA + tagLines;
    } else if (BLOCK_TAGS.has(name)) {
      out += NEWLINE + tagLines;
    } else if (CELL_TAGS.has(name)) {
      out += (closing ? "" : CELL) + tagLines;
    } else {
      out += tagLines; // inline markup (span, b, font…) carries no break
    }
  }
  const rest = source.slice(last);
  out += skipping === undefined ? rest : NEWLINE.repeat(countNewlines(rest));
  return out;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf(NEWLINE); at >= 0; at = text.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/**
 * Splits pasted or saved text (plain, or with HTML) into segments: printed lines, tab
 * cells and HTML paragraphs, cleaned (spaces collapsed, NBSP and zero-width characters
 * gone, entities decoded). Empty pieces are dropped.
 */
export function segmentsOf(input: string): Segment[] {
  const source = typeof input === "string" ? input.replace(/\r\n?/g, NEWLINE) : "";
  const text = decodeEntities(replaceTags(source));
  const segments: Segment[] = [];
  let line = 1;
  let start = 0;
  const flush = (end: number, mark: string) => {
    if (end <= start) return;
    const piece = cleanText(text.slice(start, end));
    // A piece closed by a paragraph mark (`</p>`, `<br>`) ends its paragraph.
    if (piece !== "") segments.push({ text: piece, line, paraEnd: mark === PARA });
  };
  for (let at = 0; at < text.length; at++) {
    const ch = text[at];
    if (ch !== NEWLINE && ch !== CELL && ch !== PARA) continue;
    flush(at, ch);
    if (ch === NEWLINE) line++;
    start = at + 1;
  }
  flush(text.length, "");
  return segments;
}

/**
 * Restores what the system's text extraction lost: it prints "?" for characters it cannot
 * map, here the quotes around names and dashes. A "?" opening a word with a matching "?"
 * closing a later word becomes “…”; any other "?" next to a space becomes "–". Returns the
 * text and how many characters were restored (the caller reports them: it is a reading).
 */
export function restoreLostCharacters(text: string): { text: string; restored: number } {
  if (!text.includes("?")) return { text, restored: 0 };
  let restored = 0;
  const quoted = text.replace(
    /(^|\s)\?(\S[^?\n]{0,300}?\S)\?(?=\s|$|[.,;:)])/g,
    (_m, lead: string, body: string) => {
      restored += 2;
      return `${lead}“${body}”`;
    }
  );
  const dashed = quoted.replace(
    /(^|\s)\?(?=\s|$)|(^|\s)\?(?=[^\s?])/g,
    (_m, spaced?: string, lead?: string) => {
      restored += 1;
      return spaced !== undefined ? `${spaced}–` : `${lead ?? ""}– `;
    }
  );
  return { text: dashed, restored };
}
