import { importFileName, parseImportUrl } from '../server/src/utils/url-import';

describe('parseImportUrl', () => {
  it.each([
    ['https://baochinhphu.vn/anh/hoi-nghi.jpg', 'https://baochinhphu.vn/anh/hoi-nghi.jpg'],
    ['  http://example.vn/a.png ', 'http://example.vn/a.png'],
    ['HTTPS://EXAMPLE.VN/A.PNG', 'https://example.vn/A.PNG'],
  ])('%j → %j', (input, href) => {
    expect(parseImportUrl(input)?.href).toBe(href);
  });

  it.each([
    'file:///etc/passwd',
    'ftp://example.vn/a.png',
    'data:image/png;base64,AAAA',
    'gopher://127.0.0.1:6379/_INFO',
    'javascript:alert(1)',
    'https://user:pass@example.vn/a.png',
    'https://user@example.vn/a.png',
    '/uploads/a.png',
    'example.vn/a.png',
    `https://example.vn/${'a'.repeat(2100)}`,
    '',
    42,
    null,
    ['https://example.vn/a.png'],
  ])('refuses %j', (input) => {
    expect(parseImportUrl(input)).toBeNull();
  });
});

describe('importFileName', () => {
  it.each([
    ['https://example.vn/anh/hoi-nghi.jpg', null, 'hoi-nghi.jpg'],
    ['https://example.vn/anh/h%E1%BB%99i%20ngh%E1%BB%8B.jpg', null, 'hội nghị.jpg'],
    ['https://example.vn/anh/%E0%A4%A.jpg', null, '%E0%A4%A.jpg'],
    ['https://example.vn/a.jpg', 'attachment; filename="bao-cao.pdf"', 'bao-cao.pdf'],
    ['https://example.vn/a.jpg', "attachment; filename*=UTF-8''b%C3%A1o%20c%C3%A1o.pdf; filename=\"bao.pdf\"", 'báo cáo.pdf'],
    ['https://example.vn/a.jpg', 'inline; filename=../../etc/passwd', 'passwd'],
    ['https://example.vn/a.jpg', 'attachment; filename="..\\\\..\\\\win.ini"', 'win.ini'],
    ['https://example.vn/x/%2E%2E', null, 'tep-tu-dia-chi'],
    ['https://example.vn/', null, 'tep-tu-dia-chi'],
    ['https://example.vn/a%00b%0Ac.png', null, 'abc.png'],
    ['https://example.vn/a%2Fb.png', null, 'b.png'],
  ])('%s (%s) → %j', (url, disposition, name) => {
    expect(importFileName(url, disposition)).toBe(name);
  });

  it('is at most 200 characters', () => {
    expect(importFileName(`https://example.vn/${'a'.repeat(500)}.jpg`, null)).toHaveLength(200);
  });
});
