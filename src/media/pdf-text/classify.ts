/**
 * What a PDF's extracted text says about the file. Pure, so every case is a table row.
 *
 * A scanned PDF is page images without a text layer: pdf.js gives no text, or a few stray
 * characters (a page number, a stamp's OCR-less label). 20 letters per page read, on average, is
 * below any real page of a văn bản (the shortest, a one-line "Công văn" page, has ~300).
 */
export const MIN_LETTERS_PER_PAGE = 20;

export type PdfTextStatus = 'text' | 'scanned' | 'failed';

export interface PdfTextResult {
  status: PdfTextStatus;
  /** Pages in the file (0 when it could not be opened). */
  pages: number;
  /** Pages whose text was read: at most the configured limit. */
  pagesRead: number;
  /** The searchable text, NFC, whitespace collapsed; empty unless status is "text". */
  text: string;
  /** Cut at the page or character limit. */
  truncated: boolean;
  /** Why it failed, in a short English sentence for the log and the admin. */
  error?: string;
}

export const STATUS_LABELS: Record<PdfTextStatus | 'pending', string> = {
  text: 'Có lớp chữ: tìm được nội dung',
  scanned: 'Bản quét: không có lớp chữ để tìm',
  failed: 'Không đọc được nội dung tệp',
  pending: 'Đang đọc nội dung tệp',
};

const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

/** Collapses whitespace (pdf.js gives a string per text run) and cuts at `maxChars`, at a space. */
export function cleanText(pages: string[], maxChars: number): { text: string; truncated: boolean } {
  const whole = pages
    .join('\n')
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (whole.length <= maxChars) return { text: whole, truncated: false };
  const cut = whole.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return { text: space > 0 ? cut.slice(0, space) : cut, truncated: true };
}

/** The result for the pages' text as read (or an error when the file could not be read). */
export function classify(read: { pages: number; texts: string[] } | { error: string }, maxChars: number): PdfTextResult {
  if ('error' in read) return { status: 'failed', pages: 0, pagesRead: 0, text: '', truncated: false, error: read.error };
  const { text, truncated } = cleanText(read.texts, maxChars);
  const pagesRead = read.texts.length;
  const scanned = pagesRead === 0 || letters(text) < MIN_LETTERS_PER_PAGE * pagesRead;
  return {
    status: scanned ? 'scanned' : 'text',
    pages: read.pages,
    pagesRead,
    text: scanned ? '' : text,
    truncated: truncated || pagesRead < read.pages,
  };
}
