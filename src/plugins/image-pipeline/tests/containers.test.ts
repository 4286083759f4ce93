import { oleEntryNames, sniffContainer, zipEntryNames } from '../server/src/utils/containers';
import { describeTypes, sniff } from '../server/src/utils/sniff';
import { defaultConfig } from '../server/src/config';
import { ole, zip } from './office-files';

const TYPES = '[Content_Types].xml';
const ODT = 'application/vnd.oasis.opendocument.text';

const FIXTURES: [string, Buffer, string, string][] = [
  ['DOCX', zip([[TYPES, '<Types/>'], ['_rels/.rels', '<Relationships/>'], ['word/document.xml', '<w:document/>']]), 'document', '.docx'],
  ['DOCM (VBA project)', zip([[TYPES, '<Types/>'], ['word/document.xml', '<w:document/>'], ['word/vbaProject.bin', 'VBA']]), 'macro', ''],
  ['DOCX whose text names vbaProject.bin', zip([[TYPES, '<Types/>'], ['word/document.xml', '<w:t>word/vbaProject.bin</w:t>']]), 'document', '.docx'],
  ['XLSX', zip([[TYPES, '<Types/>'], ['xl/workbook.xml', '<workbook/>'], ['xl/worksheets/sheet1.xml', '<worksheet/>']]), 'document', '.xlsx'],
  ['XLSM (VBA project)', zip([[TYPES, '<Types/>'], ['xl/workbook.xml', '<workbook/>'], ['xl/vbaProject.bin', 'VBA']]), 'macro', ''],
  ['ODT', zip([['mimetype', ODT], ['content.xml', '<office:document-content/>'], ['META-INF/manifest.xml', '<manifest/>']]), 'document', '.odt'],
  ['ODT with Basic macros', zip([['mimetype', ODT], ['content.xml', '<x/>'], ['Basic/Standard/Module1.xml', 'Sub Main']]), 'macro', ''],
  ['ODT with scripts', zip([['mimetype', ODT], ['content.xml', '<x/>'], ['Scripts/python/run.py', 'import os']]), 'macro', ''],
  ['ODS (not accepted)', zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<x/>']]), 'archive', '.zip'],
  ['PPTX (not accepted)', zip([[TYPES, '<Types/>'], ['ppt/presentation.xml', '<p/>']]), 'archive', '.zip'],
  ['a plain ZIP', zip([['bao-cao.txt', 'Báo cáo tổng kết']]), 'archive', '.zip'],
  ['DOC', ole(['WordDocument', '1Table', '\u0005SummaryInformation']), 'document', '.doc'],
  ['DOC with macros', ole(['WordDocument', '1Table', 'Macros', 'VBA']), 'macro', ''],
  ['XLS', ole(['Workbook', '\u0005SummaryInformation']), 'document', '.xls'],
  ['XLS (BIFF5)', ole(['Book']), 'document', '.xls'],
  ['XLS with macros', ole(['Workbook', '_VBA_PROJECT_CUR']), 'macro', ''],
  ['a DOC whose macros are in a later directory sector', ole(['WordDocument', '1Table', 'Data', 'ObjectPool', 'CompObj', 'Macros']), 'macro', ''],
  ['an encrypted DOCX', ole(['EncryptionInfo', 'EncryptedPackage']), 'encrypted', ''],
  ['PPT (not accepted)', ole(['PowerPoint Document', 'Current User']), 'unknown', ''],
];

describe('office documents sniffed by what is inside', () => {
  it.each(FIXTURES)('%s', (_name, bytes, kind, ext) => {
    expect(sniff(bytes.subarray(0, 4100)).kind).toBe('container');
    expect(sniffContainer(bytes)).toMatchObject({ kind, ext });
  });

  it('reads the entry names by structure', () => {
    expect(zipEntryNames(FIXTURES[0][1])).toEqual([TYPES, '_rels/.rels', 'word/document.xml']);
    expect(oleEntryNames(ole(['WordDocument', 'a', 'b', 'c', 'd', 'e']))).toEqual(['Root Entry', 'WordDocument', 'a', 'b', 'c', 'd', 'e']);
  });

  // Every fixture cut short at many lengths, and with bytes overwritten: an answer, never a throw
  // (an upload's bytes are the sender's; a throw would be a 500).
  it.each(FIXTURES.map(([name, bytes]) => [name, bytes] as const))('%s: truncated or damaged, never throws', (_name, bytes) => {
    for (let length = 0; length < bytes.length; length += 5) {
      const cut = bytes.subarray(0, length);
      expect(() => sniffContainer(cut)).not.toThrow();
    }
    let seed = bytes.length;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const damaged = Buffer.from(bytes);
      for (let i = 0; i < 8; i++) damaged[8 + Math.floor(random() * (damaged.length - 8))] = Math.floor(random() * 256);
      const answer = sniffContainer(damaged);
      expect(['document', 'macro', 'encrypted', 'archive', 'unknown']).toContain(answer.kind);
    }
  });

  it('without its directory a ZIP is not a document', () => {
    const docx = FIXTURES[0][1];
    expect(sniffContainer(docx.subarray(0, docx.length - 22)).kind).toBe('unknown');
  });

  it('allows the five document types by default, and names allowed types as extensions', () => {
    expect(describeTypes(defaultConfig.allowedTypes)).toBe('.jpg, .png, .webp, .avif, .gif, .pdf, .docx, .xlsx, .odt, .doc, .xls');
  });
});
