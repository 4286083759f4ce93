import type { BodyBlock } from './types';

type TextNode = { type: 'text'; text: string };
export type StrapiBlock =
  | { type: 'paragraph'; children: TextNode[] }
  | { type: 'heading'; level: number; children: TextNode[] }
  | { type: 'quote'; children: TextNode[] }
  | { type: 'list'; format: 'unordered'; children: { type: 'list-item'; children: TextNode[] }[] };

const text = (t: string): TextNode[] => [{ type: 'text', text: t }];

/** Turns the compact sample body into Strapi's "blocks" rich-text JSON. */
export function toStrapiBlocks(body: BodyBlock[]): StrapiBlock[] {
  return body.map((block): StrapiBlock => {
    switch (block.type) {
      case 'paragraph':
        return { type: 'paragraph', children: text(block.text) };
      case 'heading':
        return { type: 'heading', level: 2, children: text(block.text) };
      case 'quote':
        return { type: 'quote', children: text(block.text) };
      case 'list':
        return {
          type: 'list',
          format: 'unordered',
          children: block.items.map((item) => ({ type: 'list-item', children: text(item) })),
        };
    }
  });
}
