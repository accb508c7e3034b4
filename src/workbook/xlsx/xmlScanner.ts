/**
 * A small streaming XML scanner for the parts of an .xlsx file: it is fed text in pieces
 * (as a part is inflated) and reports start tags, end tags and, when the handler asks for
 * it, text. Namespace prefixes are dropped from element names ("x:c" is "c"), which is how
 * OOXML written by the Open XML SDK and by Excel read the same. No DTDs, no validation:
 * enough for the markup spreadsheet programs write, and it never throws on odd input.
 */

export interface XmlHandler {
  /** A start tag; `tag` is its text between "<" and ">" (name and attributes). */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, still XML-escaped (CDATA sections arrive decoded, `cdata` true). */
  text(raw: string, cdata: boolean): void;
  /** Whether `text` is wanted now (skipping whitespace between tags saves the copies). */
  readonly wantsText: boolean;
}

/** The end of a start or end tag, quotes respected ("a>b" may sit in an attribute). */
const TAG = /[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/y;

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function nameOf(tag: string): string {
  let end = 0;
  while (end < tag.length) {
    const code = tag.charCodeAt(end);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 47) break;
    end++;
  }
  return localName(tag.slice(0, end));
}

export class XmlScanner {
  private pending = "";

  constructor(private readonly handler: XmlHandler) {}

  /** Scans the next piece; an incomplete tag or text at the end waits for the next piece. */
  feed(piece: string): void {
    const text = this.pending.length > 0 ? this.pending + piece : piece;
    const handler = this.handler;
    let at = 0;
    for (;;) {
      const lt = text.indexOf("<", at);
      if (lt < 0) break;
      if (lt > at && handler.wantsText) handler.text(text.slice(at, lt), false);
      const next = text.charCodeAt(lt + 1);
      let resume: number;
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        resume = this.special(text, lt);
      } else {
        TAG.lastIndex = lt + 1;
        if (!TAG.test(text)) {
          resume = -1;
        } else {
          const gt = TAG.lastIndex - 1;
          if (next === 47 /* / */) {
            handler.close(localName(text.slice(lt + 2, gt).trim()));
          } else {
            const selfClosing = text.charCodeAt(gt - 1) === 47;
            const tag = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
            const name = nameOf(tag);
            handler.open(name, tag, selfClosing);
            if (selfClosing) handler.close(name);
          }
          resume = gt + 1;
        }
      }
      if (resume < 0) {
        // The tag goes on in the next piece.
        at = lt;
        this.pending = text.slice(at);
        return;
      }
      at = resume;
    }
    this.pending = at < text.length ? text.slice(at) : "";
  }

  /** Comments, CDATA, processing instructions and declarations; -1 when incomplete. */
  private special(text: string, lt: number): number {
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      if (end < 0) return -1;
      if (this.handler.wantsText) this.handler.text(text.slice(lt + 9, end), true);
      return end + 3;
    }
    if (text.length - lt < 9 && "<![CDATA[".startsWith(text.slice(lt))) return -1;
    const end = text.indexOf(">", lt);
    return end < 0 ? -1 : end + 1;
  }
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

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML's own escapes in cell text ("_x000D_" for a carriage return, "_x005F_" for "_"). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const attributePatterns = new Map<string, RegExp>();

/** The value of attribute `name` (qualified as written, e.g. "r:id") in a start tag's text. */
export function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(tag);
  if (!match) return undefined;
  return decodeXml(match[1] ?? match[2]);
}

/** The value of the first attribute whose local name is `local` (any prefix: "r:id", "x:id"). */
export function prefixedAttribute(tag: string, local: string): string | undefined {
  const match = new RegExp(`\\s(?:[\\w.-]+:)?${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[1] ?? match[2]) : undefined;
}
