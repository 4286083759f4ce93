import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cdata, element, escapeXml, isoDate, rfc822Date } from '../server/src/utils/xml';

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false }).parse(xml);

describe('escapeXml', () => {
  it.each([
    ['Tổng kết 2019 & triển khai <2020>', 'Tổng kết 2019 &amp; triển khai &lt;2020&gt;'],
    [`"Lao động giỏi" 'sáng tạo'`, '&quot;Lao động giỏi&quot; &apos;sáng tạo&apos;'],
    ['dán\u0000từ\u0008Word\u000B\u001F', 'dántừWord'],
    ['tab\tand\nnewline\r', 'tab\tand\nnewline\r'],
    ['lone \uD800 surrogate \uDC00 end', 'lone  surrogate  end'],
    ['emoji 🏅 stays', 'emoji 🏅 stays'],
    ['non-characters \uFFFE\uFFFF', 'non-characters '],
  ])('%j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it.each([
    'Khối Mặt trận – Đoàn thể tổng kết 2019 & triển khai <2020>',
    `Tiêu đề có "ngoặc kép" và 'nháy đơn' & <thẻ>`,
    'Ủy ban nhân dân tỉnh',
  ])('round-trips %j through an independent parser, as text and attribute', (text) => {
    const xml = `<r>${element('t', text, { a: text })}</r>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const t = parse(xml).r.t;
    expect(t['#text']).toBe(text);
    expect(t['@a']).toBe(text);
  });
});

describe('cdata', () => {
  it.each(['<p>Đoàn thể</p>', 'ends with ]]> inside', ']]>]]>', ''])('keeps %j intact', (html) => {
    const xml = `<r>${cdata(html)}</r>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(String(parse(xml).r ?? '')).toBe(html);
  });
});

describe('dates', () => {
  it.each([
    [new Date('2020-01-22T08:20:00.123Z'), '2020-01-22T08:20:00Z', 'Wed, 22 Jan 2020 08:20:00 GMT'],
    [new Date('2024-02-29T23:59:59Z'), '2024-02-29T23:59:59Z', 'Thu, 29 Feb 2024 23:59:59 GMT'],
  ])('%s', (date, iso, rfc) => {
    expect(isoDate(date)).toBe(iso);
    expect(rfc822Date(date)).toBe(rfc);
  });
});

describe('element', () => {
  it('leaves out a missing element and missing attributes', () => {
    expect(element('author', undefined)).toBe('');
    expect(element('a', 'x', { b: undefined, c: 1 })).toBe('<a c="1">x</a>');
  });
});
