import fs from 'node:fs';
import path from 'node:path';
import { classify, cleanText, MIN_LETTERS_PER_PAGE } from '../../src/media/pdf-text/classify';
import { DEFAULT_LIMITS, extractPdfText } from '../../src/media/pdf-text/extract';
import { makePdf } from '../helpers/pdf';

const root = path.resolve(__dirname, '..', '..');
const SAMPLE = fs.readFileSync(path.join(root, 'src/seed/files/08-hd-mttq-btt.pdf'));
const SCANNED = fs.readFileSync(path.join(root, 'test/fixtures/pdf/scanned-page.pdf'));
const line = (n: number) => `Trang ${n}: noi dung thi dua khen thuong cua tinh, ban so ${n}`;

describe('classify (pure)', () => {
  const page = 'Hội nghị tổng kết phong trào thi đua năm 2025 của Khối Mặt trận';
  it.each([
    ['an unreadable file', { error: 'Invalid PDF structure.' }, 'failed'],
    ['no page', { pages: 0, texts: [] }, 'scanned'],
    ['pages without text', { pages: 3, texts: ['', ' ', '\n'] }, 'scanned'],
    ['a page number per page only', { pages: 2, texts: ['1', '2'] }, 'scanned'],
    ['a stamp label on a scanned page', { pages: 1, texts: ['ĐÃ KÝ'] }, 'scanned'],
    ['one page of text', { pages: 1, texts: [page] }, 'text'],
    ['text on one page of four (a scanned file with a typed cover)', { pages: 4, texts: [page, '', '', ''] }, 'scanned'],
    ['text on every page', { pages: 2, texts: [page, page] }, 'text'],
  ])('%s is %p', (_name, read, status) => {
    expect(classify(read, 1000).status).toBe(status);
  });

  it('keeps text only for a text file, and says when pages were left unread', () => {
    expect(classify({ pages: 1, texts: ['ĐÃ KÝ'] }, 1000).text).toBe('');
    expect(classify({ pages: 10, texts: [page, page] }, 1000)).toMatchObject({ status: 'text', pages: 10, pagesRead: 2, truncated: true });
    expect(classify({ pages: 2, texts: [page, page] }, 1000).truncated).toBe(false);
  });

  it(`counts letters, not characters: ${MIN_LETTERS_PER_PAGE} per page`, () => {
    const digits = '0123456789 '.repeat(10);
    expect(classify({ pages: 1, texts: [digits] }, 1000).status).toBe('scanned');
    expect(classify({ pages: 1, texts: ['ă'.repeat(MIN_LETTERS_PER_PAGE)] }, 1000).status).toBe('text');
    expect(classify({ pages: 1, texts: ['ă'.repeat(MIN_LETTERS_PER_PAGE - 1)] }, 1000).status).toBe('scanned');
  });

  it('cleans text: NFC, control characters and runs of whitespace become one space, cut at a space', () => {
    expect(cleanText(['Thi đua'.normalize('NFD'), '\u0000khen\u0007 thưởng\n\n\t'], 100)).toEqual({ text: 'Thi đua khen thưởng', truncated: false });
    expect(cleanText(['một hai ba bốn năm sáu bảy tám chín mười'], 20)).toEqual({ text: 'một hai ba bốn năm', truncated: true });
    const long = cleanText(['x'.repeat(50)], 20);
    expect(long).toEqual({ text: 'x'.repeat(20), truncated: true });
  });
});

describe('extractPdfText (pdf.js in a worker thread)', () => {
  it('reads the Vietnamese words of a text PDF, NFC, as one line', async () => {
    const r = await extractPdfText(SAMPLE);
    expect(r).toMatchObject({ status: 'text', pages: 1, pagesRead: 1, truncated: false });
    expect(r.text).toContain('chấm chéo');
    expect(r.text).toContain('Cờ thi đua của Ủy ban nhân dân tỉnh');
    expect(r.text).toBe(r.text.normalize('NFC'));
    expect(r.text).not.toMatch(/\s{2}|\n/);
  });

  it('marks a scanned PDF (a page image, no text layer) as scanned, with its page count', async () => {
    expect(await extractPdfText(SCANNED)).toMatchObject({ status: 'scanned', pages: 1, pagesRead: 1, text: '' });
  });

  it('reads at most maxPages pages and maxChars characters', async () => {
    const pdf = makePdf(Array.from({ length: 30 }, (_, i) => Array.from({ length: 3 }, () => line(i + 1))));
    const pages = await extractPdfText(pdf, { ...DEFAULT_LIMITS, maxPages: 5 });
    expect(pages).toMatchObject({ status: 'text', pages: 30, pagesRead: 5, truncated: true });
    expect(pages.text).toContain('Trang 5:');
    expect(pages.text).not.toContain('Trang 6:');
    const chars = await extractPdfText(pdf, { ...DEFAULT_LIMITS, maxChars: 300 });
    expect(chars.truncated).toBe(true);
    expect(chars.text.length).toBeLessThanOrEqual(300);
    expect(chars.pagesRead).toBeLessThan(30);
  });

  it('stops a file that takes longer than timeoutMs, as failed', async () => {
    const r = await extractPdfText(SAMPLE, { ...DEFAULT_LIMITS, timeoutMs: 1 });
    expect(r).toMatchObject({ status: 'failed', text: '' });
    expect(r.error).toMatch(/stopped after 1 ms/);
  });

  // Damaged files: cut short at several points, or with bytes overwritten: always an answer.
  const cuts = [0, 8, 100, 1000, Math.floor(SAMPLE.length / 2), SAMPLE.length - 40];
  const damaged = (seed: number) => {
    const copy = Buffer.from(SAMPLE);
    for (let i = 0; i < 40; i += 1) copy[(seed * 7919 + i * 104729) % copy.length] = (seed + i * 31) & 0xff;
    return copy;
  };
  it.each([
    ...cuts.map((n) => [`cut at ${n} bytes`, SAMPLE.subarray(0, n)] as const),
    ...[1, 2, 3].map((seed) => [`40 bytes overwritten (${seed})`, damaged(seed)] as const),
    ['not a PDF at all', Buffer.from('<html>Trang chủ</html>')] as const,
  ])('answers for a damaged file (%s), never throws', async (_name, data) => {
    const r = await extractPdfText(data);
    expect(['text', 'scanned', 'failed']).toContain(r.status);
    if (r.status === 'failed') expect(r.error).toBeTruthy();
  });
});
