/**
 * A small streaming XML scanner for the parts of an .xlsx file. It is fed the part's UTF-8
 * bytes in pieces (as the part is inflated) and reports start tags, end tags and, when the
 * handler asks for it, text, without making a string per tag: a start tag is handed over as
 * a view on the bytes (`XmlTag`) whose attributes are read only when asked for, as strings
 * or straight as numbers and cell references. Text arrives as a byte range too. Namespace
 * prefixes are dropped from element names ("x:c" is "c"), which is how OOXML written by the
 * Open XML SDK and by Excel read the same. No DTDs, no validation: enough for the markup
 * spreadsheet programs write, and it never throws on odd input.
 */

export interface XmlHandler {
  /** A start tag; `tag` is valid during this call only. */
  open(name: string, tag: XmlTag, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, bytes [start, end) of `bytes`, still XML-escaped (CDATA sections
   * arrive unescaped, `cdata` true). Valid during this call only; see `decodeText`. */
  text(bytes: Uint8Array, start: number, end: number, cdata: boolean): void;
  /** Whether `text` is wanted now (skipping whitespace between tags saves the work). */
  readonly wantsText: boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const COLON = 58;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;
const AMPERSAND = 38;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

const utf8 = new TextDecoder("utf-8");

/** Bytes [start, end) as a string: ASCII directly, anything else through UTF-8. */
export function bytesToString(bytes: Uint8Array, start: number, end: number): string {
  if (end - start === 1 && bytes[start] < 128) return String.fromCharCode(bytes[start]);
  let ascii = true;
  for (let at = start; at < end; at++)
    if (bytes[at] >= 128) {
      ascii = false;
      break;
    }
  if (!ascii || end - start > 64) return utf8.decode(bytes.subarray(start, end));
  let text = "";
  for (let at = start; at < end; at++) text += String.fromCharCode(bytes[at]);
  return text;
}

/** Text bytes → characters: UTF-8 decoded, entity and character references resolved
 * (CDATA is taken as it is). */
export function decodeText(bytes: Uint8Array, start: number, end: number, cdata = false): string {
  const text = bytesToString(bytes, start, end);
  return cdata ? text : decodeXml(text);
}

/** Interned element names: short local names (≤ 6 bytes, every name a sheet repeats) are
 * looked up by their bytes packed into one number, never copied. */
const shortNames = new Map<number, string>();

function nameAt(bytes: Uint8Array, start: number, end: number): string {
  let local = start;
  for (let at = start; at < end; at++) if (bytes[at] === COLON) local = at + 1;
  if (end - local > 6) return bytesToString(bytes, local, end);
  let key = end - local;
  for (let at = local; at < end; at++) key = key * 256 + bytes[at];
  let name = shortNames.get(key);
  if (name === undefined) {
    name = bytesToString(bytes, local, end);
    shortNames.set(key, name);
  }
  return name;
}

/** The end of a start tag's name (first space, "/" or ">"). */
function nameEnd(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  while (at < end) {
    const code = bytes[at];
    if (isSpace(code) || code === SLASH || code === GT) break;
    at++;
  }
  return at;
}

/**
 * A start tag as the scanner saw it: bytes [start, end) between "<" and ">" (or "/>").
 * Attribute names are matched as written ("r:id"); `prefixed` matches any prefix.
 */
export class XmlTag {
  bytes: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;
  private valueStart = 0;
  private valueEnd = 0;

  /** Finds attribute `name` (any prefix when `anyPrefix`); its value is then
   * [valueStart, valueEnd). */
  private find(name: string, anyPrefix: boolean): boolean {
    const bytes = this.bytes;
    const end = this.end;
    let at = nameEnd(bytes, this.start, end);
    for (;;) {
      while (at < end && isSpace(bytes[at])) at++;
      if (at >= end) return false;
      const nameStart = at;
      let colon = -1;
      while (at < end && bytes[at] !== EQUALS && !isSpace(bytes[at])) {
        if (bytes[at] === COLON) colon = at;
        at++;
      }
      const nameStop = at;
      while (at < end && isSpace(bytes[at])) at++;
      if (bytes[at] !== EQUALS) {
        // A name without a value: not well-formed; skip it.
        if (at === nameStart) at++;
        continue;
      }
      at++;
      while (at < end && isSpace(bytes[at])) at++;
      const quote = bytes[at];
      if (quote !== QUOTE && quote !== APOSTROPHE) return false;
      const valueStart = at + 1;
      at = valueStart;
      while (at < end && bytes[at] !== quote) at++;
      if (at >= end) return false;
      const matchFrom = anyPrefix && colon >= 0 ? colon + 1 : nameStart;
      if (sameName(bytes, matchFrom, nameStop, name)) {
        this.valueStart = valueStart;
        this.valueEnd = at;
        return true;
      }
      at++;
    }
  }

  /** The value of attribute `name`, decoded. */
  attribute(name: string): string | undefined {
    if (!this.find(name, false)) return undefined;
    return decodeText(this.bytes, this.valueStart, this.valueEnd);
  }

  /** The value of the first attribute whose local name is `local` ("r:id", "x:id"). */
  prefixedAttribute(local: string): string | undefined {
    if (!this.find(local, true)) return undefined;
    return decodeText(this.bytes, this.valueStart, this.valueEnd);
  }

  /** A whole number ≥ 0 written as plain digits; undefined when absent, NaN otherwise. */
  integer(name: string): number | undefined {
    if (!this.find(name, false)) return undefined;
    const bytes = this.bytes;
    const { valueStart, valueEnd } = this;
    if (valueEnd === valueStart || valueEnd - valueStart > 15) return this.slowNumber();
    let value = 0;
    for (let at = valueStart; at < valueEnd; at++) {
      const digit = bytes[at] - 48;
      if (digit < 0 || digit > 9) return this.slowNumber();
      value = value * 10 + digit;
    }
    return value;
  }

  private slowNumber(): number {
    const value = Number(decodeText(this.bytes, this.valueStart, this.valueEnd));
    return Number.isInteger(value) && value >= 0 ? value : NaN;
  }

  /** Attribute `name` read as a cell reference ("AB12" → row 11, column 27) into `out`;
   * false when absent or not a reference. */
  cellReference(name: string, out: { row: number; col: number }): boolean {
    if (!this.find(name, false)) return false;
    const bytes = this.bytes;
    let at = this.valueStart;
    const end = this.valueEnd;
    let col = 0;
    for (; at < end; at++) {
      const code = bytes[at] | 32;
      if (code < 97 || code > 122) break;
      col = col * 26 + (code - 96);
    }
    if (at === this.valueStart || at - this.valueStart > 3) return false;
    const digits = at;
    let row = 0;
    for (; at < end; at++) {
      const digit = bytes[at] - 48;
      if (digit < 0 || digit > 9) return false;
      row = row * 10 + digit;
    }
    if (at === digits || row === 0) return false;
    out.col = col - 1;
    out.row = row - 1;
    return true;
  }
}

function sameName(bytes: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let at = 0; at < name.length; at++)
    if (bytes[start + at] !== name.charCodeAt(at)) return false;
  return true;
}

function startsWithAscii(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let index = 0; index < text.length; index++)
    if (bytes[at + index] !== text.charCodeAt(index)) return false;
  return true;
}

/** Where `text` (ASCII) next occurs in `bytes` from `from`; -1 when it does not. */
function indexOfAscii(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1))
    if (startsWithAscii(bytes, at, text)) return at;
  return -1;
}

export class XmlScanner {
  /** Holds the bytes of an unfinished tag (or text) carried over to the next piece, then
   * that piece after them; reused from piece to piece. */
  private carry = new Uint8Array(0);
  private carried = 0;
  private readonly tag = new XmlTag();

  constructor(private readonly handler: XmlHandler) {}

  /** Scans the next piece; an incomplete tag or text at the end waits for the next piece. */
  feed(piece: Uint8Array): void {
    let bytes = piece;
    if (this.carried > 0) {
      const length = this.carried + piece.length;
      this.reserve(length);
      this.carry.set(piece, this.carried);
      bytes = this.carry.subarray(0, length);
      this.carried = 0;
    }
    const handler = this.handler;
    const length = bytes.length;
    let at = 0;
    for (;;) {
      let lt = at;
      while (lt < length && bytes[lt] !== LT) lt++;
      if (lt >= length) break;
      if (lt > at && handler.wantsText) handler.text(bytes, at, lt, false);
      const resume = lt + 1 < length ? this.markup(bytes, lt) : -1;
      if (resume < 0) {
        // The tag goes on in the next piece.
        this.keep(bytes, lt);
        return;
      }
      at = resume;
    }
    if (at < length) this.keep(bytes, at);
  }

  private reserve(length: number): void {
    if (this.carry.length >= length) return;
    const grown = new Uint8Array(Math.max(length, this.carry.length * 2, 1024));
    grown.set(this.carry.subarray(0, this.carried));
    this.carry = grown;
  }

  /** Carries bytes[from…] over to the next piece. */
  private keep(bytes: Uint8Array, from: number): void {
    const rest = bytes.length - from;
    if (bytes.buffer === this.carry.buffer) this.carry.copyWithin(0, from, bytes.length);
    else {
      this.reserve(rest);
      this.carry.set(bytes.subarray(from));
    }
    this.carried = rest;
  }

  /** Reports the markup starting at `lt`; where scanning resumes, -1 when incomplete. */
  private markup(bytes: Uint8Array, lt: number): number {
    const next = bytes[lt + 1];
    if (next === 33 /* ! */ || next === 63 /* ? */) return this.special(bytes, lt);
    // The end of the tag, quotes respected ("a>b" may sit in an attribute).
    const length = bytes.length;
    let gt = lt + 1;
    let quote = 0;
    for (; gt < length; gt++) {
      const code = bytes[gt];
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === GT) break;
      else if (code === QUOTE || code === APOSTROPHE) quote = code;
    }
    if (gt >= length) return -1;
    if (next === SLASH) {
      let start = lt + 2;
      while (start < gt && isSpace(bytes[start])) start++;
      let end = gt;
      while (end > start && isSpace(bytes[end - 1])) end--;
      this.handler.close(nameAt(bytes, start, end));
      return gt + 1;
    }
    const selfClosing = bytes[gt - 1] === SLASH;
    const tag = this.tag;
    tag.bytes = bytes;
    tag.start = lt + 1;
    tag.end = selfClosing ? gt - 1 : gt;
    const name = nameAt(bytes, lt + 1, nameEnd(bytes, lt + 1, tag.end));
    this.handler.open(name, tag, selfClosing);
    if (selfClosing) this.handler.close(name);
    return gt + 1;
  }

  /** Comments, CDATA, processing instructions and declarations; -1 when incomplete. */
  private special(bytes: Uint8Array, lt: number): number {
    if (startsWithAscii(bytes, lt, "<!--")) {
      const end = indexOfAscii(bytes, "-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (startsWithAscii(bytes, lt, "<![CDATA[")) {
      const end = indexOfAscii(bytes, "]]>", lt + 9);
      if (end < 0) return -1;
      if (this.handler.wantsText) this.handler.text(bytes, lt + 9, end, true);
      return end + 3;
    }
    // A start of "<![CDATA[" or "<!--" cut off by the end of the piece.
    if (isCutOff(bytes, lt, "<![CDATA[") || isCutOff(bytes, lt, "<!--")) return -1;
    const end = bytes.indexOf(GT, lt);
    return end < 0 ? -1 : end + 1;
  }
}

/** Whether the piece ends inside `text` (ASCII) starting at `at`. */
function isCutOff(bytes: Uint8Array, at: number, text: string): boolean {
  if (bytes.length - at >= text.length) return false;
  for (let index = 0; at + index < bytes.length; index++)
    if (bytes[at + index] !== text.charCodeAt(index)) return false;
  return true;
}

/** Scans a whole (small) part. */
export function scanXml(bytes: Uint8Array, handler: XmlHandler): void {
  new XmlScanner(handler).feed(bytes);
}

/**
 * The attributes `names` of every `element` in a whole (small) part, in document order
 * (element names without their prefix; attribute names as written, or by local name when
 * prefixed with "*:", so "*:id" finds "r:id").
 */
export function elementAttributes(
  xml: string | Uint8Array,
  element: string,
  names: readonly string[]
): Array<Record<string, string | undefined>> {
  const found: Array<Record<string, string | undefined>> = [];
  scanXml(typeof xml === "string" ? new TextEncoder().encode(xml) : xml, {
    wantsText: false,
    open(name, tag) {
      if (name !== element) return;
      const values: Record<string, string | undefined> = {};
      for (const wanted of names)
        values[wanted] = wanted.startsWith("*:")
          ? tag.prefixedAttribute(wanted.slice(2))
          : tag.attribute(wanted);
      found.push(values);
    },
    close() {},
    text() {},
  });
  return found;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function codePoint(value: number): string {
  return value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : "\uFFFD";
}

/** XML character and entity references → characters. */
export function decodeXml(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(ENTITY, (_, body: string) => {
    if (body.charCodeAt(0) !== 35) return NAMED[body];
    return body.charCodeAt(1) === 120
      ? codePoint(parseInt(body.slice(2), 16))
      : codePoint(parseInt(body.slice(1), 10));
  });
}

/** Whether bytes [start, end) hold an XML reference ("&…;"). */
export function hasReference(bytes: Uint8Array, start: number, end: number): boolean {
  const at = bytes.indexOf(AMPERSAND, start);
  return at >= 0 && at < end;
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML's own escapes in cell text ("_x000D_" for a carriage return, "_x005F_" for "_"). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
