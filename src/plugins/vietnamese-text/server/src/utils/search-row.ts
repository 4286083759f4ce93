import type { SearchTarget } from '../config';
import { blocksToText, exactForIndex, excerptOf, foldForIndex } from './search-text';

/** What the index stores for one published document in one locale. */
export interface IndexRow {
  content_type: string;
  type: string;
  document_id: string;
  locale: string;
  title: string;
  slug: string | null;
  excerpt: string;
  /** Folded words of the title and of the other text: what matching runs on. */
  title_folded: string;
  text_folded: string;
  /** Accented words of the title, for the exact-accent ranking. */
  title_exact: string;
  sort_time: number;
}

// Long bodies are cut: matching the first 20,000 characters is plenty for news and keeps rows small.
const MAX_TEXT = 20_000;
// Extra text (an attached file's words) has its own allowance: a decree with its appendices runs to
// 100,000–300,000 characters, and its distinct words, which is what an index keeps, stop growing long before.
const MAX_EXTRA_TEXT = 300_000;

/** Builds the index row of a stored (published) entry. Pure, so it is tested without a database. */
export function buildIndexRow(
  uid: string,
  type: string,
  entry: Record<string, unknown>,
  target: SearchTarget,
  slugField: string | undefined,
  extraText = ''
): IndexRow {
  const title = String(entry[target.title] ?? '');
  const texts = target.text.map((field) => blocksToText(entry[field])).filter(Boolean);
  const body = texts.join(' ').slice(0, MAX_TEXT);
  const searched = extraText ? `${body} ${extraText.slice(0, MAX_EXTRA_TEXT)}` : body;
  const excerptSource = target.excerpt ? blocksToText(entry[target.excerpt]) : '';
  const excerpt = excerptOf(excerptSource || body);
  const date = (target.date && entry[target.date]) || entry.publishedAt;
  return {
    content_type: uid,
    type,
    document_id: String(entry.documentId),
    locale: String(entry.locale ?? ''),
    title,
    slug: slugField ? ((entry[slugField] as string | null) ?? null) : null,
    excerpt,
    title_folded: foldForIndex(title),
    text_folded: foldForIndex(searched),
    title_exact: exactForIndex(title),
    sort_time: date ? new Date(date as string).getTime() || 0 : 0,
  };
}
