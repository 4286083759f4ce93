/** "https://a.vn, https://b.vn/" → ["https://a.vn", "https://b.vn"]; "*" stays. Throws on anything not an origin. */
export function parseOrigins(text: string | undefined, name: string): string[] {
  const items = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.map((item) => {
    if (item === '*') return item;
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    // A path, query or credentials would mean a typo: an origin is scheme, host and port only.
    if (!url || !/^https?:$/.test(url.protocol) || url.href !== `${url.origin}/`) {
      throw new Error(`${name}: "${item}" is not an origin like https://example.vn`);
    }
    return url.origin;
  });
}

/** The origin of a page URL (its path may be anything); empty when unset. */
export function originOf(text: string | undefined, name: string): string[] {
  if (!text) return [];
  try {
    return [new URL(text).origin];
  } catch {
    throw new Error(`${name}: "${text}" is not a URL`);
  }
}
