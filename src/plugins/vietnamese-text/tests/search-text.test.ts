import { buildIndexRow } from '../server/src/utils/search-row';
import { parseSearchParams } from '../server/src/utils/search-params';
import { blocksToText, exactForIndex, excerptOf, foldForIndex, parseQuery, QueryError } from '../server/src/utils/search-text';

describe('index text', () => {
  it.each([
    ['Hội nghị – 05-CT/TW', ' hoi nghi 05 ct tw ', ' hội nghị 05 ct tw '],
    ['ĐOÀN THỂ', ' doan the ', ' đoàn thể '],
    ['Thuỷ lợi'.normalize('NFD'), ' thuy loi ', ' thuỷ lợi '],
    ['  ', ' ', ' '],
  ])('%j', (text, folded, exact) => {
    expect(foldForIndex(text)).toBe(folded);
    expect(exactForIndex(text)).toBe(exact);
  });

  it('reads the text out of Strapi blocks', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Kết quả' }] },
      { type: 'list', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Bằng khen' }, { type: 'text', text: 'Giấy khen', bold: true }] }] },
    ];
    expect(blocksToText(blocks)).toBe('Kết quả Bằng khen Giấy khen');
    expect(blocksToText('chuỗi thường')).toBe('chuỗi thường');
    expect(blocksToText(null)).toBe('');
  });

  it('cuts excerpts at a word boundary', () => {
    expect(excerptOf('ngắn gọn')).toBe('ngắn gọn');
    const long = 'Hội nghị tổng kết công tác thi đua khen thưởng năm nay '.repeat(10);
    const out = excerptOf(long, 50);
    expect(out.length).toBeLessThanOrEqual(51);
    expect(out.endsWith('…')).toBe(true);
    expect(long.startsWith(out.slice(0, -1))).toBe(true);
  });
});

describe('parseQuery', () => {
  it.each([
    ['hoi nghi', ['hoi', 'nghi'], ['hoi', 'nghi']],
    ['Hội Nghị hội', ['hoi', 'nghi'], ['hội', 'nghị']],
    ["' OR 1=1 --", ['or', '1'], ['or', '1']],
    ['hội\u0000nghị', ['hoi', 'nghi'], ['hội', 'nghị']],
  ])('%j', (q, folded, exact) => {
    expect(parseQuery(q)).toEqual({ folded, exact });
  });

  it.each([[undefined], [''], ['   '], ['%%%'], [['hoi']], ['x'.repeat(201)], ['a b c d e f g h i']])('refuses %j', (q) => {
    expect(() => parseQuery(q)).toThrow(QueryError);
  });
});

describe('parseSearchParams', () => {
  const known = { types: { article: 'api::article.article', bloc: 'api::bloc.bloc' }, locales: ['vi', 'en'], defaultLocale: 'vi', maxPageSize: 50 };

  it('fills defaults', () => {
    expect(parseSearchParams({ q: 'hoi' }, known)).toEqual({
      query: { folded: ['hoi'], exact: ['hoi'] },
      locale: 'vi',
      uids: ['api::article.article', 'api::bloc.bloc'],
      page: 1,
      pageSize: 10,
    });
  });

  it('takes valid values', () => {
    const p = parseSearchParams({ q: 'hoi', locale: 'en', type: 'bloc', page: '3', pageSize: '50' }, known);
    expect([p.locale, p.uids, p.page, p.pageSize]).toEqual(['en', ['api::bloc.bloc'], 3, 50]);
  });

  it.each([
    [{ locale: 'fr' }, /Ngôn ngữ/],
    [{ type: 'users' }, /Loại nội dung/],
    [{ page: '0' }, /page/],
    [{ page: '1.5' }, /page/],
    [{ page: '1001' }, /page/],
    [{ pageSize: '51' }, /pageSize/],
    [{ pageSize: ['1', '2'] }, /pageSize/],
  ])('refuses %j', (extra, message) => {
    expect(() => parseSearchParams({ q: 'hoi', ...extra }, known)).toThrow(message);
  });

  // A type is looked up in a plain object: inherited members (a 500 before) are no type.
  it.each(Object.getOwnPropertyNames(Object.prototype))('refuses type=%s as an unknown type', (type) => {
    expect(() => parseSearchParams({ q: 'hoi', type }, known)).toThrow(/Loại nội dung không hợp lệ/);
  });
});

describe('buildIndexRow', () => {
  it('indexes title and text folded, keeps title accents for ranking, uses the date field', () => {
    const row = buildIndexRow(
      'api::article.article',
      'article',
      {
        documentId: 'abc',
        locale: 'vi',
        title: 'Hội nghị tổng kết',
        slug: 'hoi-nghi-tong-ket',
        summary: 'Khối Mặt trận – Đoàn thể',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Trao Bằng khen' }] }],
        dateline: '2024-12-20T08:20:00.000Z',
        publishedAt: '2025-01-01T00:00:00.000Z',
      },
      { title: 'title', text: ['summary', 'body'], excerpt: 'summary', date: 'dateline' },
      'slug'
    );
    expect(row).toEqual({
      content_type: 'api::article.article',
      type: 'article',
      document_id: 'abc',
      locale: 'vi',
      title: 'Hội nghị tổng kết',
      slug: 'hoi-nghi-tong-ket',
      excerpt: 'Khối Mặt trận – Đoàn thể',
      title_folded: ' hoi nghi tong ket ',
      text_folded: ' khoi mat tran doan the trao bang khen ',
      title_exact: ' hội nghị tổng kết ',
      sort_time: Date.parse('2024-12-20T08:20:00.000Z'),
    });
  });

  it("searches extra text (an attached file's words) with the fields, but never shows it in the excerpt", () => {
    const target = { title: 'title', text: ['number'] };
    const entry = { documentId: 'd', locale: 'vi', title: 'Hướng dẫn chấm điểm', number: '08/HD-MTTQ-BTT', publishedAt: '2025-10-20T00:00:00.000Z' };
    const plain = buildIndexRow('api::legal-document.legal-document', 'legal-document', entry, target, undefined);
    const withFile = buildIndexRow('api::legal-document.legal-document', 'legal-document', entry, target, undefined, 'Tổ chức chấm chéo theo cặp');
    expect(plain.text_folded).toBe(' 08 hd mttq btt ');
    expect(withFile.text_folded).toBe(' 08 hd mttq btt to chuc cham cheo theo cap ');
    expect(withFile.excerpt).toBe(plain.excerpt);
    expect(withFile.title_folded).toBe(plain.title_folded);
    // Its own allowance: 300,000 characters, past the fields' 20,000.
    const long = buildIndexRow('api::x.x', 'x', entry, target, undefined, `${'a '.repeat(100_000)}cuoi`);
    expect(long.text_folded.endsWith(' a cuoi ')).toBe(true);
    const tooLong = buildIndexRow('api::x.x', 'x', entry, target, undefined, `${'a '.repeat(150_000)}cuoi`);
    expect(tooLong.text_folded).not.toContain('cuoi');
  });
});
