import { blocksToHtml, blocksToText } from '../server/src/utils/blocks-html';

const text = (t: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: t, ...marks });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });

describe('blocksToHtml', () => {
  it.each([
    ['paragraph with escaping', [p(text('Tổng kết <2019> & "mới"'))], '<p>Tổng kết &lt;2019&gt; &amp; &quot;mới&quot;</p>'],
    ['marks', [p(text('đậm', { bold: true }), text(' nghiêng', { italic: true }))], '<p><strong>đậm</strong><em> nghiêng</em></p>'],
    ['heading level', [{ type: 'heading', level: 3, children: [text('Mục')] }], '<h3>Mục</h3>'],
    ['heading with a bad level', [{ type: 'heading', level: 9, children: [text('Mục')] }], '<h2>Mục</h2>'],
    [
      'lists, nested',
      [{ type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [text('Một')] }, { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('Hai')] }] }] }],
      '<ol><li>Một</li><ul><li>Hai</li></ul></ol>',
    ],
    ['quote', [{ type: 'quote', children: [text('Thi đua là yêu nước')] }], '<blockquote>Thi đua là yêu nước</blockquote>'],
    ['safe link', [p({ type: 'link', url: 'https://example.vn/a?b=1&c=2', children: [text('xem')] })], '<p><a href="https://example.vn/a?b=1&amp;c=2">xem</a></p>'],
    ['script link dropped to text', [p({ type: 'link', url: 'javascript:alert(1)', children: [text('bấm')] })], '<p>bấm</p>'],
    ['data link dropped', [p({ type: 'link', url: ' data:text/html,x', children: [text('x')] })], '<p>x</p>'],
    ['image', [{ type: 'image', image: { url: '/uploads/a.jpg', alternativeText: 'Ảnh "lễ"', width: 800, height: 600 } }], '<figure><img src="/uploads/a.jpg" alt="Ảnh &quot;lễ&quot;" width="800" height="600"></figure>'],
    ['image with a script URL', [{ type: 'image', image: { url: 'javascript:x' } }], ''],
    ['unknown block keeps its text', [{ type: 'callout', children: [text('Lưu ý')] }], '<p>Lưu ý</p>'],
  ])('%s', (_, blocks, expected) => {
    expect(blocksToHtml(blocks)).toBe(expected);
  });

  it.each([
    ['/uploads/a.jpg', 'https://cms.example.vn/uploads/a.jpg'],
    ['https://cdn.example.vn/a.jpg', 'https://cdn.example.vn/a.jpg'],
  ])('makes the image %s absolute for feed readers', (url, expected) => {
    const html = blocksToHtml([{ type: 'image', image: { url, alternativeText: '' } }], { mediaBaseUrl: 'https://cms.example.vn/' });
    expect(html).toContain(`src="${expected}"`);
  });

  it.each([null, undefined, 'chuỗi', 42, {}, [null, 'x', 3], [{ type: 'paragraph', children: 'not a list' }]])('never throws on %j', (value) => {
    expect(() => blocksToHtml(value)).not.toThrow();
    expect(() => blocksToText(value)).not.toThrow();
  });
});

describe('blocksToText', () => {
  it('joins paragraphs with a blank line and list items with a newline', () => {
    const blocks = [
      p(text('Đoạn '), text('một', { bold: true })),
      p(),
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('A')] }, { type: 'list-item', children: [text('B')] }] },
    ];
    expect(blocksToText(blocks)).toBe('Đoạn một\n\nA\nB');
  });
});
