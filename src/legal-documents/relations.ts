/**
 * The documents a relation input names, in any of the forms the Document Service takes: a list of
 * ids or documentIds, objects with `documentId` or `id`, or `{ connect, set }` (and their
 * `{ documentId, locale }` items). `disconnect` names documents taken away, not added.
 */
export function namedTargets(input: unknown): { documentIds: string[]; ids: number[] } {
  const documentIds: string[] = [];
  const ids: number[] = [];
  const item = (value: unknown) => {
    if (typeof value === 'string') {
      if (/^\d+$/.test(value)) ids.push(Number(value));
      else documentIds.push(value);
    } else if (typeof value === 'number') {
      ids.push(value);
    } else if (value && typeof value === 'object') {
      const o = value as { documentId?: unknown; id?: unknown };
      if (typeof o.documentId === 'string') documentIds.push(o.documentId);
      else if (o.id !== undefined) item(o.id);
    }
  };
  const list = (value: unknown) => (Array.isArray(value) ? value.forEach(item) : item(value));
  if (Array.isArray(input) || typeof input !== 'object' || input === null) list(input);
  else if ('connect' in input || 'set' in input) {
    const o = input as { connect?: unknown; set?: unknown };
    if (o.connect !== undefined) list(o.connect);
    if (o.set !== undefined) list(o.set);
  } else item(input);
  return { documentIds, ids };
}
