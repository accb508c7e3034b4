/** Escaping text for HTML and XML markup, shared by the preview's HTML and the .xlsx parts. */

/** Characters XML 1.0 cannot hold (control characters other than tab and line ends). */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Text safe inside XML elements and quoted attributes: escaped as for HTML (character
 * references are XML too), without the characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return escapeHtml(text).replace(NOT_XML_CHARS, "");
}
