/** The documentId in what a Document Service action returned, when it returned a document. */
export function documentIdOf(result: unknown): string | undefined {
  return result !== null && typeof result === 'object' && 'documentId' in result && typeof result.documentId === 'string'
    ? result.documentId
    : undefined;
}
