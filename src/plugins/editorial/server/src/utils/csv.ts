/** Excel reads a UTF-8 file as the system's code page unless it starts with a byte order mark. */
export const BOM = '\uFEFF';
/** RFC 4180: records end with CRLF. */
export const EOL = '\r\n';

/**
 * Characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP): "=", "+",
 * "-", "@", and tab and carriage return, which some spreadsheets skip before looking. Such a cell
 * gets a leading apostrophe, which the spreadsheet shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if it could be a formula, quoted (RFC 4180) if it holds a comma, a quote or a line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let cell = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export const csvRow = (cells: unknown[]): string => cells.map(csvCell).join(',') + EOL;
