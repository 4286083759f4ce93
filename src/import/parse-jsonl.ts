/** One line of a JSON-lines export: its record, or why it could not be read. */
export type JsonlLine = { line: number; record: Record<string, unknown> } | { line: number; error: string };

/** Splits a JSON-lines text into records; blank lines are skipped, a bad line is an error of its own. */
export function parseJsonl(text: string): JsonlLine[] {
  const out: JsonlLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      if (!raw.trim()) return;
      try {
        const record: unknown = JSON.parse(raw);
        if (record === null || typeof record !== 'object' || Array.isArray(record)) {
          out.push({ line, error: 'Mỗi dòng phải là một đối tượng JSON ({…}).' });
        } else out.push({ line, record: record as Record<string, unknown> });
      } catch (error) {
        out.push({ line, error: `JSON không hợp lệ: ${(error as Error).message}` });
      }
    });
  return out;
}
