import { factories } from '@strapi/strapi';
import type { Validity } from '../../../legal-documents/dates';
import { legislationJsonLd } from '../../../legal-documents/structured-data';
import { withValidity } from '../../../legal-documents/validity-service';
import { fileTextStatuses, searchTextOf } from '../../../legal-documents/file-texts';

const UID = 'api::legal-document.legal-document';

type Entry = { documentId?: string; locale?: string } & Record<string, unknown>;

/** The newsroom plugin's context for a page's extras (its services/page-extras.ts, by the parts used here). */
interface PageContext {
  type: string;
  locale: string;
  url: string;
  languageTag: string;
  pageUrl(type: string, slug: string): string;
  mediaUrl(url: string): string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : []);

export default factories.createCoreService(UID, ({ strapi }) => ({
  /** The words of the attached PDFs, searched with each entry (vietnamese-text `extraText`). */
  searchText(entries: { id: number }[]) {
    return searchTextOf(strapi, entries);
  },

  /**
   * The văn bản page's own fields (newsroom config `pages['legal-document'].extras`): its validity
   * today with the Vietnamese label, as on the list, its schema.org `Legislation` data, and for
   * each attached PDF whether its words are searched.
   */
  async pageExtras(entry: Entry, page: PageContext) {
    const [withIt] = await withValidity(strapi, [entry], { locale: page.locale, status: 'published' });
    const validity = withIt.validity as Validity | undefined;
    if (!validity) return {};
    const issuer = entry.issuer && typeof entry.issuer === 'object' ? text((entry.issuer as Entry).name) : '';
    const files = list(entry.files);
    const statuses = await fileTextStatuses(strapi, files);
    return {
      // Each file says whether its words are searched: a scanned PDF is marked, not failed.
      files: files.map((f, i) => ({ ...f, ...statuses[i] })),
      validity,
      validityLabel: withIt.validityLabel,
      jsonLd: legislationJsonLd({
        url: page.url,
        number: text(entry.number),
        title: text(entry.title),
        kind: entry.kind,
        issuedOn: entry.issuedOn,
        expiresOn: entry.expiresOn,
        issuer: issuer || text(entry.issuerName) || null,
        validity,
        inLanguage: page.languageTag,
        replaces: list(entry.replaces)
          .filter((r) => text(r.slug))
          .map((r) => ({ url: page.pageUrl(page.type, text(r.slug)), number: text(r.number), title: text(r.title) })),
        files: list(entry.files)
          .filter((f) => text(f.url))
          .map((f) => ({ url: page.mediaUrl(text(f.url)), mime: text(f.mime), name: text(f.name) })),
      }),
    };
  },
}));
