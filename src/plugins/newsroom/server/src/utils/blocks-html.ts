/** Strapi 5 "blocks" rich text, rendered for feeds (HTML) and descriptions (plain text). */
import { absoluteUrl } from './urls';

export interface HtmlOptions {
  /** Where relative image URLs ("/uploads/…") live: a feed reader has no page to resolve them against. */
  mediaBaseUrl?: string;
}

type Node = Record<string, unknown> & { type?: unknown; children?: unknown };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value.filter(isNode) : []);

/** Only links a reader can follow safely: http(s), mailto and site-relative paths. */
function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed) || (trimmed.startsWith('/') && !trimmed.startsWith('//')) || trimmed.startsWith('#')) return trimmed;
  return undefined;
}

const MARKS: [string, string][] = [
  ['code', 'code'],
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strikethrough', 's'],
];

function inline(children: unknown): string {
  return nodes(children)
    .map((node) => {
      if (node.type === 'text' && typeof node.text === 'string') {
        let html = escapeHtml(node.text).replace(/\n/g, '<br>');
        for (const [mark, tag] of MARKS) if (node[mark] === true) html = `<${tag}>${html}</${tag}>`;
        return html;
      }
      if (node.type === 'link') {
        const href = safeHref(node.url);
        const text = inline(node.children);
        return href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
      }
      return inline(node.children);
    })
    .join('');
}

function block(node: Node, options: HtmlOptions): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inline(node.children)}</p>`;
    case 'heading': {
      const level = Number.isInteger(node.level) && (node.level as number) >= 1 && (node.level as number) <= 6 ? node.level : 2;
      return `<h${level}>${inline(node.children)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote>${inline(node.children)}</blockquote>`;
    case 'code':
      return `<pre><code>${inline(node.children)}</code></pre>`;
    case 'list': {
      const tag = node.format === 'ordered' ? 'ol' : 'ul';
      const items = nodes(node.children).map((child) => (child.type === 'list' ? block(child, options) : `<li>${inline(child.children)}</li>`));
      return `<${tag}>${items.join('')}</${tag}>`;
    }
    case 'image': {
      const image = isNode(node.image) ? node.image : {};
      const relative = safeHref(image.url);
      const src = relative && options.mediaBaseUrl && relative.startsWith('/') ? absoluteUrl(options.mediaBaseUrl, relative) : relative;
      if (!src) return '';
      const alt = typeof image.alternativeText === 'string' ? image.alternativeText : '';
      const size = ['width', 'height'].map((k) => (Number.isInteger(image[k]) ? ` ${k}="${image[k]}"` : '')).join('');
      return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size}></figure>`;
    }
    default: {
      const text = inline(node.children);
      return text ? `<p>${text}</p>` : '';
    }
  }
}

/** Safe HTML of a blocks value; anything malformed renders as nothing rather than failing. */
export function blocksToHtml(blocks: unknown, options: HtmlOptions = {}): string {
  return nodes(blocks)
    .map((node) => block(node, options))
    .join('\n');
}

function plain(children: unknown): string {
  return nodes(children)
    .map((node) => (node.type === 'text' && typeof node.text === 'string' ? node.text : plain(node.children)))
    .join('');
}

/** Plain text of a blocks value, one paragraph per block, separated by a blank line. */
export function blocksToText(blocks: unknown): string {
  return nodes(blocks)
    .map((node) => (node.type === 'list' ? nodes(node.children).map((item) => plain(item.children)).join('\n') : plain(node.children)))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}
