/**
 * Payload sizes as Excel on the web counts them: UTF-8 bytes of the JSON it sends, not
 * JavaScript characters. Thai is 3 bytes per character in UTF-8, so a character count
 * under-measures a Thai narrative threefold.
 */

/** UTF-8 length of `text` (a lone surrogate counts 3 bytes, as its replacement would). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair: 2 UTF-16 units, 4 UTF-8 bytes.
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i += 1;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/** UTF-8 bytes of `value` as JSON (0 for undefined). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : utf8Length(json);
}
