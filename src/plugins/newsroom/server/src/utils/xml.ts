/**
 * Characters XML 1.0 cannot carry at all (C0 controls but tab/newline/return, lone surrogates,
 * U+FFFE/U+FFFF): editors paste them from Word and old systems, and one breaks a whole feed.
 */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Text inside CDATA: a "]]>" in it would end the section, so it is split across two. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(INVALID_XML, '').split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

/** RFC 3339 in UTC, as Atom and sitemaps expect. */
export const isoDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** RFC 822 date of RSS 2.0 ("Wed, 22 Jan 2020 08:20:00 GMT"). */
export const rfc822Date = (d: Date): string => d.toUTCString();

type Attrs = Record<string, string | number | undefined>;

/** `<name a="…">text</name>`, or nothing when the text is missing; attributes with no value are left out. */
export function element(name: string, text: string | undefined | null, attrs: Attrs = {}): string {
  if (text === undefined || text === null) return '';
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

/** A self-closing element. */
export const empty = (name: string, attrs: Attrs): string => `<${name}${attributes(attrs)}/>`;

/** ` a="…" b="…"`, escaped, without the attributes that have no value. */
export const attributes = (attrs: Attrs): string =>
  Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
