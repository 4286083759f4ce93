// Spellings of one request path, generated for the tests of the canonical path and the guards.

/** Every spelling of a path a client could send: case, trailing and doubled slashes, encoded separators, dot segments. */
export function pathVariants(path: string): string[] {
  const segments = path.split('/').slice(1);
  const join = (parts: string[]) => `/${parts.join('/')}`;
  const variants = new Set<string>([path, path.toUpperCase(), `${path}/`, `${path.toUpperCase()}/`, `${path}//`]);
  segments.forEach((segment, i) => {
    const at = (replacement: string) => join(segments.map((s, j) => (j === i ? replacement : s)));
    variants.add(at(segment.toUpperCase()));
    variants.add(at(segment.charAt(0).toUpperCase() + segment.slice(1)));
    // Alternate letters: "aPi", "AuTh"…
    variants.add(at([...segment].map((c, k) => (k % 2 ? c.toUpperCase() : c)).join('')));
  });
  // Each separator after the first, doubled, encoded (both cases), as a backslash.
  for (let i = 1; i < segments.length; i++) {
    const before = join(segments.slice(0, i));
    const after = segments.slice(i).join('/');
    for (const separator of ['//', '%2F', '%2f', '%5C', '%5c', '\\', '/./', '/%2e/', '/x/../', '/x/%2E%2E/']) variants.add(`${before}${separator}${after}`);
  }
  variants.add(`/${path}`);
  return [...variants];
}
