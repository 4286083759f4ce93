/** Strapi "blocks" rich text, as the importer writes it. Images carry their source path until uploaded. */
export interface TextNode {
  type: 'text';
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strikethrough?: true;
  code?: true;
}
export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}
export type InlineNode = TextNode | LinkNode;
export type Marks = Partial<Record<'bold' | 'italic' | 'underline' | 'strikethrough' | 'code', true>>;

/** An image in the body before upload: `src` as written in the source, `alt` its text. */
export interface PendingImage {
  type: 'image';
  src: string;
  alt: string;
}
export type Block =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: { type: 'list-item'; children: InlineNode[] }[] }
  | PendingImage;

/**
 * Tidies inline nodes: whitespace runs collapsed (HTML and wrapped Markdown lines), neighbours
 * with the same marks merged, ends trimmed; never empty (Strapi needs one text child).
 */
export function tidyInline(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (node.type === 'link') {
      const children = tidyInline(node.children) as TextNode[];
      out.push({ ...node, children });
      continue;
    }
    const text = node.text.replace(/[ \t\r\n]+/g, ' ');
    const last = out[out.length - 1];
    if (last?.type === 'text' && sameMarks(last, node)) last.text = (last.text + text).replace(/  +/g, ' ');
    else if (text) out.push({ ...node, text });
  }
  const first = out[0];
  if (first?.type === 'text') first.text = first.text.replace(/^ +/, '');
  const end = out[out.length - 1];
  if (end?.type === 'text') end.text = end.text.replace(/ +$/, '');
  const kept = out.filter((n) => n.type === 'link' || n.text !== '');
  return kept.length ? kept : [{ type: 'text', text: '' }];
}

const MARKS = ['bold', 'italic', 'underline', 'strikethrough', 'code'] as const;
const sameMarks = (a: TextNode, b: TextNode) => MARKS.every((m) => a[m] === b[m]);

/** A text node with the marks in force. */
export const textNode = (text: string, marks: Marks): TextNode => ({ type: 'text', text, ...marks });

/** True when a block holds no visible text (skipped rather than stored as an empty paragraph). */
export function isEmptyText(children: InlineNode[]): boolean {
  return children.every((c) => (c.type === 'text' ? !c.text.trim() : isEmptyText(c.children)));
}
