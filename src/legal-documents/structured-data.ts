import { toDay, type Validity } from './dates';
import { KIND_LABELS } from './kinds';

/**
 * A văn bản as schema.org `Legislation` (the ELI-derived vocabulary search engines read for legal
 * texts). Pure: the by-slug page (services/legal-document.ts) gathers the values.
 */
export interface LegislationInput {
  url: string;
  number: string;
  title: string;
  kind?: unknown;
  issuedOn?: unknown;
  expiresOn?: unknown;
  /** The issuing body: the linked agency's name, else the body named in text ("Bộ Chính trị"). */
  issuer?: string | null;
  validity: Validity;
  inLanguage: string;
  /** Documents this one replaces, with their page URLs. */
  replaces: { url: string; number: string; title: string }[];
  /** Attached files, absolute URLs. */
  files: { url: string; mime: string; name: string }[];
}

/** Validity as schema.org's LegalForceStatus: a document not yet in force is not in force. */
export const LEGAL_FORCE: Record<Validity, string> = {
  'con-hieu-luc': 'https://schema.org/InForce',
  'chua-hieu-luc': 'https://schema.org/NotInForce',
  'het-hieu-luc': 'https://schema.org/NotInForce',
};

export function legislationJsonLd(input: LegislationInput): Record<string, unknown> {
  const kind = typeof input.kind === 'string' && Object.hasOwn(KIND_LABELS, input.kind) ? KIND_LABELS[input.kind as keyof typeof KIND_LABELS] : null;
  const issued = toDay(input.issuedOn);
  const expires = toDay(input.expiresOn);
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    url: input.url,
    name: input.title,
    legislationIdentifier: input.number,
    ...(kind ? { legislationType: kind } : {}),
    ...(issued ? { legislationDate: issued } : {}),
    ...(expires ? { expires } : {}),
    legislationLegalForce: LEGAL_FORCE[input.validity],
    ...(input.issuer ? { legislationPassedBy: { '@type': 'Organization', name: input.issuer } } : {}),
    inLanguage: input.inLanguage,
    ...(input.replaces.length > 0
      ? { legislationChanges: input.replaces.map((r) => ({ '@type': 'Legislation', url: r.url, legislationIdentifier: r.number, name: r.title })) }
      : {}),
    ...(input.files.length > 0 ? { encoding: input.files.map((f) => ({ '@type': 'MediaObject', contentUrl: f.url, encodingFormat: f.mime, name: f.name })) } : {}),
  };
}
