import { isEmptyText, textNode, tidyInline, type Block, type InlineNode, type Marks } from './blocks';

/**
 * The Markdown old exports use → blocks: paragraphs (blank-line separated), `#` headings, `>`
 * quotes, `-`/`*`/`1.` lists, an image alone on its line, and inline **bold**, *italic*,
 * ~~strike~~, `code` and [links](url). HTML inside Markdown is kept as text.
 */
export function markdownToBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) {
      const children = parseInline(paragraph.join(' '));
      if (!isEmptyText(children)) blocks.push({ type: 'paragraph', children });
    }
    paragraph = [];
  };

  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const image = /^\s*!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)\s*$/.exec(line);
    const listItem = /^\s*([-*+]|\d+[.)])\s+(.*)$/;
    if (!line.trim()) flushParagraph();
    else if (heading) {
      flushParagraph();
      blocks.push({ type: 'heading', level: heading[1].length as 1, children: parseInline(heading[2]) });
    } else if (image) {
      flushParagraph();
      blocks.push({ type: 'image', src: image[2], alt: image[1].trim() });
    } else if (/^\s*>/.test(line)) {
      flushParagraph();
      const quoted: string[] = [];
      for (; i < lines.length && /^\s*>/.test(lines[i]); i += 1) quoted.push(lines[i].replace(/^\s*>\s?/, ''));
      i -= 1;
      blocks.push({ type: 'quote', children: parseInline(quoted.join(' ')) });
    } else if (listItem.test(line) && !paragraph.length) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      for (; i < lines.length && lines[i].trim(); i += 1) {
        const m = listItem.exec(lines[i]);
        if (m) items.push(m[2]);
        else items[items.length - 1] += ` ${lines[i].trim()}`; // a wrapped item continues
      }
      i -= 1;
      blocks.push({
        type: 'list',
        format: ordered ? 'ordered' : 'unordered',
        children: items.map((item) => ({ type: 'list-item', children: parseInline(item) })),
      });
    } else paragraph.push(line.trim());
  }
  flushParagraph();
  return blocks;
}

// Longest delimiters first, so ** is not read as two *.
const INLINE = /(\*\*|__)(.+?)\1|~~(.+?)~~|(\*|_)(.+?)\4|`([^`]+)`|\[([^\]]+)\]\(\s*<?([^)\s>]+)>?\s*\)|\\([\\`*_[\]()#~>!-])/;

/** Inline Markdown → text and link nodes with marks. */
export function parseInline(text: string, marks: Marks = {}): InlineNode[] {
  const out: InlineNode[] = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push(textNode(rest, marks));
      break;
    }
    if (m.index) out.push(textNode(rest.slice(0, m.index), marks));
    if (m[2] !== undefined) out.push(...parseInline(m[2], { ...marks, bold: true }));
    else if (m[3] !== undefined) out.push(...parseInline(m[3], { ...marks, strikethrough: true }));
    else if (m[5] !== undefined) out.push(...parseInline(m[5], { ...marks, italic: true }));
    else if (m[6] !== undefined) out.push(textNode(m[6], { ...marks, code: true }));
    else if (m[7] !== undefined) {
      const children = parseInline(m[7], marks).filter((n) => n.type === 'text');
      out.push({ type: 'link', url: m[8], children });
    } else out.push(textNode(m[9], marks));
    rest = rest.slice(m.index + m[0].length);
  }
  return tidyInline(out);
}
