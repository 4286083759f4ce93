import { DOCUMENT_TYPES, OLE_MAGIC, startsWith, ZIP_MAGIC } from './containers';

/** What a file really is, read from its first bytes, whatever its name or declared type says. */
export interface Sniffed {
  mime: string;
  ext: string;
  /**
   * `container`: a ZIP or OLE2 file, which only `sniffContainer` (containers.ts), reading it whole,
   * can tell apart (DOCX, XLSX, ODT, DOC, XLS, or an archive, a macro document, an encrypted one).
   */
  kind: 'image' | 'document' | 'svg' | 'html' | 'unknown' | 'container' | 'archive' | 'macro' | 'encrypted';
}

const ascii = (buf: Buffer, from: number, to: number) => buf.subarray(from, to).toString('latin1');

export function sniff(head: Buffer): Sniffed {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: '.jpg', kind: 'image' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: '.png', kind: 'image' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { mime: 'image/gif', ext: '.gif', kind: 'image' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { mime: 'image/webp', ext: '.webp', kind: 'image' };
  if (ascii(head, 4, 8) === 'ftyp' && /^(avif|avis)$/.test(ascii(head, 8, 12))) return { mime: 'image/avif', ext: '.avif', kind: 'image' };
  if (ascii(head, 0, 5) === '%PDF-') return { mime: 'application/pdf', ext: '.pdf', kind: 'document' };
  if (startsWith(head, ZIP_MAGIC)) return { mime: 'application/zip', ext: '.zip', kind: 'container' };
  if (startsWith(head, OLE_MAGIC)) return { mime: 'application/x-ole-storage', ext: '', kind: 'container' };
  // Text formats: look past a BOM and leading white space.
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return { mime: 'image/svg+xml', ext: '.svg', kind: 'svg' };
  if (/^(<!doctype html|<html|<head|<body|<script|<iframe)/.test(text)) return { mime: 'text/html', ext: '.html', kind: 'html' };
  return { mime: 'application/octet-stream', ext: '', kind: 'unknown' };
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'application/pdf': '.pdf',
  ...Object.fromEntries(Object.values(DOCUMENT_TYPES).map(({ mime, ext }) => [mime, ext])),
};

/** Allowed types as an editor reads them: ".jpg, .png, .pdf, .docx" rather than MIME types. */
export const describeTypes = (mimes: string[]): string => mimes.map((mime) => EXTENSIONS[mime] ?? mime).join(', ');
