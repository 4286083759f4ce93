import type { Sniffed } from './sniff';

/**
 * Office documents are containers: a ZIP archive (DOCX, XLSX, ODT) or an OLE2 compound file (DOC,
 * XLS). Their first bytes only say "ZIP" or "OLE2"; the names inside say what the document is and
 * whether it carries macros (VBA in Office, Basic or scripts in OpenDocument), which could run
 * on an editor's or a citizen's computer. Both directories are read by their structure, not by
 * searching the bytes, so a document whose text mentions "vbaProject.bin" is not mistaken.
 */

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** More entries than any real document has: a bound on the work an upload can cause. */
const MAX_ENTRIES = 20_000;

export const DOCUMENT_TYPES = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: '.docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: '.xlsx' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', ext: '.odt' },
  doc: { mime: 'application/msword', ext: '.doc' },
  xls: { mime: 'application/vnd.ms-excel', ext: '.xls' },
} as const;

const document = (type: keyof typeof DOCUMENT_TYPES): Sniffed => ({ ...DOCUMENT_TYPES[type], kind: 'document' });
const MACRO: Sniffed = { mime: 'application/x-macro-document', ext: '', kind: 'macro' };
const ENCRYPTED: Sniffed = { mime: 'application/x-encrypted-document', ext: '', kind: 'encrypted' };
const ARCHIVE: Sniffed = { mime: 'application/zip', ext: '.zip', kind: 'archive' };
const UNKNOWN: Sniffed = { mime: 'application/octet-stream', ext: '', kind: 'unknown' };

/** Whether `buf` holds `bytes` at `offset` (a format's magic number). */
export const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

/** The entry names of a ZIP archive from its central directory, or null when it cannot be read. */
export function zipEntryNames(bytes: Buffer): string[] | null {
  // The end-of-central-directory record: 22 bytes, after it a comment of at most 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES || at >= bytes.length) return null;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > bytes.length) return null;
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at = next;
  }
  return names;
}

/** An OpenDocument's `mimetype`: the first entry, stored uncompressed, as the format requires. */
function openDocumentType(bytes: Buffer): string | null {
  if (bytes.length < 30 || bytes.readUInt16LE(8) !== 0) return null;
  const nameLength = bytes.readUInt16LE(26);
  const start = 30 + nameLength + bytes.readUInt16LE(28);
  if (bytes.subarray(30, 30 + nameLength).toString('latin1') !== 'mimetype') return null;
  const size = bytes.readUInt32LE(18);
  return size > 0 && size < 200 && start + size <= bytes.length ? bytes.subarray(start, start + size).toString('latin1') : null;
}

function sniffZip(bytes: Buffer): Sniffed {
  const names = zipEntryNames(bytes);
  if (!names) return UNKNOWN;
  const has = (name: string) => names.includes(name);
  const openDocument = openDocumentType(bytes);
  if (openDocument !== null) {
    // LibreOffice keeps Basic macros under Basic/ and other script languages under Scripts/.
    if (names.some((n) => n.startsWith('Basic/') || n.startsWith('Scripts/'))) return MACRO;
    return openDocument === DOCUMENT_TYPES.odt.mime ? document('odt') : ARCHIVE;
  }
  if (has('[Content_Types].xml')) {
    // The VBA project of a .docm/.xlsm (and its binary twin in templates and add-ins).
    if (names.some((n) => /(^|\/)vba(Project\.bin|Data\.xml)$/i.test(n))) return MACRO;
    if (has('word/document.xml')) return document('docx');
    if (has('xl/workbook.xml')) return document('xlsx');
  }
  return ARCHIVE;
}

/** The storage and stream names of an OLE2 compound file (its directory, through its FAT), or null. */
export function oleEntryNames(bytes: Buffer): string[] | null {
  if (bytes.length < 512) return null;
  const shift = bytes.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectors = Math.floor((bytes.length - size) / size);
  const offset = (sector: number) => (sector + 1) * size;
  const inFile = (sector: number) => sector >= 0 && sector < sectors;
  // FAT sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(bytes.readUInt32LE(76 + i * 4));
  let difat = bytes.readUInt32LE(68);
  for (let guard = 0; inFile(difat) && guard < sectors; guard++) {
    for (let i = 0; i < size / 4 - 1; i++) fatSectors.push(bytes.readUInt32LE(offset(difat) + i * 4));
    difat = bytes.readUInt32LE(offset(difat) + size - 4);
  }
  const fat = (sector: number): number | null => {
    const perSector = size / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    return fatSector !== undefined && inFile(fatSector) ? bytes.readUInt32LE(offset(fatSector) + (sector % perSector) * 4) : null;
  };
  const names: string[] = [];
  let sector = bytes.readUInt32LE(48);
  for (let seen = 0; sector !== 0xfffffffe; seen++) {
    if (!inFile(sector) || seen > sectors || names.length > MAX_ENTRIES) return null;
    for (let entry = offset(sector); entry < offset(sector) + size; entry += 128) {
      const nameLength = bytes.readUInt16LE(entry + 64);
      const type = bytes[entry + 66];
      if ((type === 1 || type === 2 || type === 5) && nameLength >= 2 && nameLength <= 64) {
        names.push(bytes.subarray(entry, entry + nameLength - 2).toString('utf16le'));
      }
    }
    const next = fat(sector);
    if (next === null) return null;
    sector = next;
  }
  return names;
}

function sniffOle(bytes: Buffer): Sniffed {
  const names = oleEntryNames(bytes);
  if (!names) return UNKNOWN;
  // A password-protected DOCX/XLSX is an OLE2 file holding the encrypted package: unreadable here.
  if (names.includes('EncryptedPackage')) return ENCRYPTED;
  // Word keeps VBA under "Macros", Excel under "_VBA_PROJECT_CUR"; both hold a "VBA" storage.
  if (names.some((n) => n === 'Macros' || n === '_VBA_PROJECT_CUR' || n === 'VBA' || n === '_VBA_PROJECT')) return MACRO;
  if (names.includes('WordDocument')) return document('doc');
  if (names.includes('Workbook') || names.includes('Book')) return document('xls');
  return UNKNOWN;
}

/** What an office container is, read from all of its bytes. */
export function sniffContainer(bytes: Buffer): Sniffed {
  if (startsWith(bytes, ZIP_MAGIC)) return sniffZip(bytes);
  if (startsWith(bytes, OLE_MAGIC)) return sniffOle(bytes);
  return UNKNOWN;
}
