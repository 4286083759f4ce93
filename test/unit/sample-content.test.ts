import { findDateProblem } from '../../src/legal-documents/dates';
import { sampleContent } from '../../src/seed/sample-content';
import { slugify } from '../../src/plugins/vietnamese-text/server/src/utils/slugify';

const { categories, agencies, legalDocuments, movements, blocs, articles } = sampleContent;
const keys = (list: { key: string }[]) => new Set(list.map((x) => x.key));

describe('sample content', () => {
  it('has what the issue asks for', () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
    expect(new Set(articles.map((a) => a.category)).size).toBeGreaterThanOrEqual(2);
    expect(agencies.length).toBeGreaterThanOrEqual(6);
    expect(movements.length).toBeGreaterThanOrEqual(5);
    expect(blocs.map((b) => b.kind).sort()).toEqual(['cum', 'khoi']);
    for (const bloc of blocs) {
      expect(bloc.members.length).toBeGreaterThanOrEqual(4);
      expect(new Set(bloc.terms.map((t) => t.year)).size).toBeGreaterThanOrEqual(2);
    }
    expect(articles.filter((a) => a.title.en).length).toBeGreaterThanOrEqual(1);
  });

  it('links every article to blocs, agencies and movements, and every movement to its launcher', () => {
    for (const a of articles) {
      expect([a.key, a.blocs.length > 0, a.agencies.length > 0, a.movements.length > 0]).toEqual([a.key, true, true, true]);
    }
    for (const m of movements) expect(keys(agencies).has(m.launchedBy)).toBe(true);
  });

  it('has văn bản of several kinds with consistent dates, one replaced by an earlier-listed one', () => {
    expect(new Set(legalDocuments.map((d) => d.kind)).size).toBeGreaterThanOrEqual(4);
    expect(legalDocuments.map((d) => d.number)).toContain('05-CT/TW');
    for (const d of legalDocuments) expect([d.key, findDateProblem(d)]).toEqual([d.key, null]);
    const listed = new Set<string>();
    const missing: string[] = [];
    for (const d of legalDocuments) {
      (d.replaces ?? []).forEach((k) => listed.has(k) || missing.push(`${d.key} → ${k}`));
      if (d.issuer && !keys(agencies).has(d.issuer)) missing.push(`${d.key} → ${d.issuer}`);
      listed.add(d.key);
    }
    for (const m of movements) (m.directives ?? []).forEach((k) => listed.has(k) || missing.push(`${m.key} → ${k}`));
    expect(missing).toEqual([]);
    expect(legalDocuments.some((d) => d.replaces?.length)).toBe(true);
  });

  it('refers only to keys that exist', () => {
    const missing: string[] = [];
    const check = (set: Set<string>, key: string, where: string) => set.has(key) || missing.push(`${where} → ${key}`);
    for (const b of blocs) {
      b.members.forEach((k) => check(keys(agencies), k, b.key));
      b.movements.forEach((k) => check(keys(movements), k, b.key));
      b.terms.forEach((t) => [t.leader, t.deputy].forEach((k) => check(new Set(b.members), k, `${b.key} ${t.year}`)));
    }
    for (const a of articles) {
      check(keys(categories), a.category, a.key);
      a.blocs.forEach((k) => check(keys(blocs), k, a.key));
      a.agencies.forEach((k) => check(keys(agencies), k, a.key));
      a.movements.forEach((k) => check(keys(movements), k, a.key));
      (a.legalDocuments ?? []).forEach((k) => check(keys(legalDocuments), k, a.key));
      (a.related ?? []).forEach((k) => check(keys(articles), k, a.key));
    }
    expect(missing).toEqual([]);
  });

  it('is stored NFC and gives unique slugs per type', () => {
    const text = JSON.stringify(sampleContent);
    expect(text).toBe(text.normalize('NFC'));
    for (const list of [categories, agencies, movements, blocs]) {
      const slugs = list.map((x) => slugify(x.name.vi));
      expect(new Set(slugs).size).toBe(slugs.length);
    }
    const articleSlugs = articles.map((a) => slugify(a.title.vi));
    expect(new Set(articleSlugs).size).toBe(articleSlugs.length);
  });
});
