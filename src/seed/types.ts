/** Shapes of the hand-written sample content; the loader turns them into Strapi documents. */

import type { LegalDocumentKind } from '../legal-documents/kinds';

/** A text in Vietnamese, with an optional English translation. */
export interface LocalizedText {
  vi: string;
  en?: string;
}

/** A compact body format, turned into Strapi "blocks" by the loader. */
export type BodyBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'list'; items: string[] };

export interface SeedCategory {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  order: number;
}

export interface SeedAgency {
  key: string;
  name: LocalizedText;
  shortName: LocalizedText;
  website?: string;
  description: LocalizedText;
}

export interface SeedMovement {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  launchedBy: string; // SeedAgency.key
  directive?: string;
  directives?: string[]; // SeedLegalDocument.key[]
  startDate: string; // YYYY-MM-DD
  endDate?: string; // YYYY-MM-DD
}

export interface SeedLegalDocument {
  key: string;
  number: string;
  title: LocalizedText;
  kind: LegalDocumentKind;
  field: string;
  /** SeedAgency.key of an issuer in the province, or the name of a body outside it. */
  issuer?: string;
  issuerName?: string;
  signer?: string;
  signerTitle?: string;
  issuedOn: string; // YYYY-MM-DD
  effectiveFrom?: string; // YYYY-MM-DD
  expiresOn?: string; // YYYY-MM-DD
  replaces?: string[]; // SeedLegalDocument.key[], listed earlier
  /** A PDF of src/seed/files, attached as the document's file. */
  file?: string;
}

export interface SeedTerm {
  year: number;
  leader: string; // SeedAgency.key
  deputy: string; // SeedAgency.key
  pledgeSignedOn: string; // YYYY-MM-DD
  notes: LocalizedText;
}

export interface SeedBloc {
  key: string;
  name: LocalizedText;
  kind: 'khoi' | 'cum';
  description: LocalizedText;
  members: string[]; // SeedAgency.key[]
  movements: string[]; // SeedMovement.key[]
  terms: SeedTerm[];
}

export interface SeedArticle {
  key: string;
  title: LocalizedText;
  summary: LocalizedText;
  body: { vi: BodyBlock[]; en?: BodyBlock[] };
  author: string;
  /** ISO 8601 with the +07:00 offset, e.g. "2025-01-22T15:20:00+07:00". */
  dateline: string;
  category: string; // SeedCategory.key
  blocs: string[];
  agencies: string[];
  movements: string[];
  related?: string[]; // SeedArticle.key[]
  legalDocuments?: string[]; // SeedLegalDocument.key[]
  coverCaption: LocalizedText;
  coverAlt: LocalizedText;
  /** Two hex colours for the generated cover picture. */
  palette: [string, string];
  seo?: { metaTitle?: LocalizedText; metaDescription?: LocalizedText };
}

export interface SampleContent {
  categories: SeedCategory[];
  agencies: SeedAgency[];
  legalDocuments: SeedLegalDocument[];
  movements: SeedMovement[];
  blocs: SeedBloc[];
  articles: SeedArticle[];
}
