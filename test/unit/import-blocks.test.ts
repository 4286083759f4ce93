import { htmlToBlocks } from '../../src/import/html-to-blocks';
import { markdownToBlocks, parseInline } from '../../src/import/markdown-to-blocks';

const t = (text: string, marks: Record<string, true> = {}) => ({ type: 'text', text, ...marks });

describe('htmlToBlocks', () => {
  it('turns block elements into blocks and keeps inline marks and links', () => {
    const blocks = htmlToBlocks(
      '<h2>Kết quả</h2><p>Hội <b>Nông dân</b> và <i>Tỉnh <u>đoàn</u></i> &amp; <a href="https://x.vn">liên kết</a></p>' +
        '<ol><li>Một</li><li>Hai</li></ol><blockquote>Trích dẫn</blockquote><h7>x</h7>'
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, children: [t('Kết quả')] },
      {
        type: 'paragraph',
        children: [
          t('Hội '),
          t('Nông dân', { bold: true }),
          t(' và '),
          t('Tỉnh ', { italic: true }),
          t('đoàn', { italic: true, underline: true }),
          t(' & '),
          { type: 'link', url: 'https://x.vn', children: [t('liên kết')] },
        ],
      },
      { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [t('Một')] }, { type: 'list-item', children: [t('Hai')] }] },
      { type: 'quote', children: [t('Trích dẫn')] },
      { type: 'paragraph', children: [t('x')] },
    ]);
  });

  it('walks wrappers, drops scripts and empty paragraphs, lifts images out of paragraphs', () => {
    const blocks = htmlToBlocks(
      '<html><head><title>T</title><style>p{}</style></head><body><div>Chữ rời\n  nhiều   dòng<p> </p>' +
        '<p>Trước <img src="anh/a.jpg" alt=" Ảnh A "> sau</p><script>alert(1)</script></div></body></html>'
    );
    expect(blocks).toEqual([
      { type: 'paragraph', children: [t('Chữ rời nhiều dòng')] },
      { type: 'image', src: 'anh/a.jpg', alt: 'Ảnh A' },
      { type: 'paragraph', children: [t('Trước sau')] },
    ]);
  });
});

describe('markdownToBlocks', () => {
  it('reads headings, paragraphs over several lines, lists, quotes and images', () => {
    const md = '# Tiêu đề\n\nDòng một\ndòng hai.\n\n- Mục **một**\n- Mục hai\n  tiếp\n\n1. Thứ nhất\n2. Thứ hai\n\n> Trích\n> dẫn\n\n![Ảnh hội nghị](anh/hn.jpg)\n';
    expect(markdownToBlocks(md)).toEqual([
      { type: 'heading', level: 1, children: [t('Tiêu đề')] },
      { type: 'paragraph', children: [t('Dòng một dòng hai.')] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [t('Mục '), t('một', { bold: true })] },
          { type: 'list-item', children: [t('Mục hai tiếp')] },
        ],
      },
      { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [t('Thứ nhất')] }, { type: 'list-item', children: [t('Thứ hai')] }] },
      { type: 'quote', children: [t('Trích dẫn')] },
      { type: 'image', src: 'anh/hn.jpg', alt: 'Ảnh hội nghị' },
    ]);
  });

  it('parses inline marks, links and escapes', () => {
    expect(parseInline('a **b _c_** ~~d~~ `e` [f](https://g.vn) \\*h\\* _i_')).toEqual([
      t('a '),
      t('b ', { bold: true }),
      t('c', { bold: true, italic: true }),
      t(' '),
      t('d', { strikethrough: true }),
      t(' '),
      t('e', { code: true }),
      t(' '),
      { type: 'link', url: 'https://g.vn', children: [t('f')] },
      t(' *h* '),
      t('i', { italic: true }),
    ]);
  });
});
