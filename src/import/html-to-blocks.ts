import { parseDocument } from 'htmlparser2';
import { isTag, isText, type Element, type Node as ChildNode } from 'domhandler';
import { isEmptyText, textNode, tidyInline, type Block, type InlineNode, type Marks } from './blocks';

const INLINE_MARKS: Record<string, keyof Marks> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
};
const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
// Dropped with their content: never article text.
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'noscript', 'iframe', 'object', 'form']);

const isElement = isTag;

/**
 * Old article HTML → blocks: p, h1–h6, ul/ol, blockquote and img become blocks; b/i/u/s/code
 * and links are kept inside them; wrappers (div, section, table cells, font, span) are walked
 * through; text outside any block becomes a paragraph.
 */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let loose: InlineNode[] = [];
  const flush = () => {
    const children = tidyInline(loose);
    if (!isEmptyText(children)) blocks.push({ type: 'paragraph', children });
    loose = [];
  };
  const push = (block: Block) => {
    flush();
    if (block.type === 'image' || !('children' in block) || block.type === 'list' || !isEmptyText(block.children)) blocks.push(block);
  };

  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) {
        if (isText(node)) loose.push(textNode(node.data, {}));
        continue;
      }
      const name = node.name.toLowerCase();
      if (SKIPPED.has(name)) continue;
      if (name === 'p') push({ type: 'paragraph', children: inlineOf(node.children, {}, push) });
      else if (HEADINGS[name]) push({ type: 'heading', level: HEADINGS[name], children: inlineOf(node.children, {}, push) });
      else if (name === 'blockquote') push({ type: 'quote', children: inlineOf(node.children, {}, push) });
      else if (name === 'ul' || name === 'ol') {
        const items = node.children.filter((c): c is Element => isElement(c) && c.name.toLowerCase() === 'li');
        if (items.length)
          push({
            type: 'list',
            format: name === 'ol' ? 'ordered' : 'unordered',
            children: items.map((li) => ({ type: 'list-item', children: inlineOf(li.children, {}, push) })),
          });
      } else if (name === 'img') pushImage(node, push);
      else if (name === 'br') loose.push(textNode('\n', {}));
      else if (INLINE_MARKS[name] || name === 'a' || name === 'span' || name === 'font') loose.push(...inlineOf([node], {}, push));
      else {
        // A wrapper: its blocks are blocks, and it ends the loose text before and inside it.
        flush();
        walk(node.children);
        flush();
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  flush();
  return blocks;
}

function pushImage(node: Element, push: (b: Block) => void) {
  const src = node.attribs.src?.trim();
  if (src) push({ type: 'image', src, alt: (node.attribs.alt ?? '').trim() });
}

/** Inline content of a block element; an image found inside is lifted out as its own block. */
function inlineOf(nodes: ChildNode[], marks: Marks, push: (b: Block) => void): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (!isElement(node)) {
      if (isText(node)) out.push(textNode(node.data, marks));
      continue;
    }
    const name = node.name.toLowerCase();
    if (SKIPPED.has(name)) continue;
    if (name === 'br') out.push(textNode('\n', marks));
    else if (name === 'img') pushImage(node, push);
    else if (name === 'a' && node.attribs.href) {
      const children = inlineOf(node.children, marks, push).filter((c) => c.type === 'text');
      out.push({ type: 'link', url: node.attribs.href.trim(), children });
    } else {
      const mark = INLINE_MARKS[name];
      out.push(...inlineOf(node.children, mark ? { ...marks, [mark]: true } : marks, push));
    }
  }
  return tidyInline(out);
}
