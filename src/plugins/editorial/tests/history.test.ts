import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';
import { blocksText, diffText, diffVersions, snapshotFields, statusAfter, versionsToPurge, type RetainedVersion, type Schema, type TextPart } from '../server/src/utils/history';

const DAY = 24 * 3600 * 1000;
const joined = (parts: TextPart[], keep: TextPart['op']) => parts.filter((p) => p.op === 'equal' || p.op === keep).map((p) => p.text).join('');
const paragraph = (...texts: string[]) => ({ type: 'paragraph', children: texts.map((text) => ({ type: 'text', text })) });

describe('content history (pure)', () => {
  describe('diffText', () => {
    it.each([
      ['', '', []],
      ['Hội nghị tổng kết', 'Hội nghị tổng kết', [{ op: 'equal', text: 'Hội nghị tổng kết' }]],
      ['Hội nghị tổng kết', 'Hội nghị sơ kết', [{ op: 'equal', text: 'Hội nghị ' }, { op: 'delete', text: 'tổng' }, { op: 'insert', text: 'sơ' }, { op: 'equal', text: ' kết' }]],
      ['năm 2019', 'năm 2019 và 2020', [{ op: 'equal', text: 'năm 2019' }, { op: 'insert', text: ' và 2020' }]],
      ['', 'Tin mới', [{ op: 'insert', text: 'Tin mới' }]],
      ['Tin cũ', '', [{ op: 'delete', text: 'Tin cũ' }]],
      ['a b c d', 'a c d', [{ op: 'equal', text: 'a ' }, { op: 'delete', text: 'b ' }, { op: 'equal', text: 'c d' }]],
      ['Tổng kết năm', 'Sơ kết 6 tháng', [{ op: 'delete', text: 'Tổng' }, { op: 'insert', text: 'Sơ' }, { op: 'equal', text: ' kết ' }, { op: 'delete', text: 'năm' }, { op: 'insert', text: '6 tháng' }]],
    ])('%j → %j', (before, after, parts) => {
      expect(diffText(before, after)).toEqual(parts);
    });

    // Whatever the texts, the kept and removed parts give the old text, the kept and added ones the new.
    const words = ['Khối', 'Mặt trận', 'thi đua', 'khen thưởng', '2019', '2020', 'Hội LHPN', '\n', ''];
    const variants = Array.from({ length: 40 }, (_, i) => {
      const pick = (seed: number) => Array.from({ length: (seed * 7) % 9 }, (_, k) => words[(seed * 31 + k * 17) % words.length]).join(' ');
      return [pick(i), pick(i + 3)] as const;
    });
    it.each(variants)('rebuilds both texts: %j / %j', (before, after) => {
      const parts = diffText(before, after);
      expect(joined(parts, 'delete')).toBe(before);
      expect(joined(parts, 'insert')).toBe(after);
    });

    it('falls back to all removed, all added past the size limit, still exact', () => {
      const before = Array.from({ length: 2100 }, (_, i) => `a${i}`).join(' ');
      const after = Array.from({ length: 2100 }, (_, i) => `b${i}`).join(' ');
      const parts = diffText(before, after);
      expect(parts.map((p) => p.op)).toEqual(['delete', 'insert']);
      expect(joined(parts, 'insert')).toBe(after);
    });
  });

  it.each([
    [[paragraph('Một ', 'hai'), paragraph('ba')], 'Một hai\nba'],
    [[{ type: 'list', children: [{ type: 'list-item', children: [{ type: 'text', text: 'mục' }] }] }], 'mục'],
    [null, ''],
    ['không phải khối', ''],
  ])('blocksText(%j) = %j', (blocks, expected) => {
    expect(blocksText(blocks)).toBe(expected);
  });

  const schema: Schema = {
    title: { type: 'string' },
    body: { type: 'blocks' },
    views: { type: 'integer' },
    category: { type: 'relation', target: 'api::category.category' },
    blocs: { type: 'relation', target: 'api::bloc.bloc' },
    cover: { type: 'media', multiple: false },
    gallery: { type: 'media', multiple: true },
    seo: { type: 'component', component: 'shared.seo' },
    updatedAt: { type: 'datetime' },
  };
  const base = { title: 'Tổng kết', body: [paragraph('Nội dung cũ')], views: 1, category: ['c1'], blocs: ['b1', 'b2'], cover: '5', gallery: ['1', '2'], seo: { metaTitle: 'x' } };

  describe('diffVersions', () => {
    it.each([
      ['nothing changed', {}, []],
      ['a string', { title: 'Sơ kết' }, [{ field: 'title', kind: 'text', parts: [{ op: 'delete', text: 'Tổng' }, { op: 'insert', text: 'Sơ' }, { op: 'equal', text: ' kết' }] }]],
      ['rich text words', { body: [paragraph('Nội dung mới')] }, [{ field: 'body', kind: 'text', parts: [{ op: 'equal', text: 'Nội dung ' }, { op: 'delete', text: 'cũ' }, { op: 'insert', text: 'mới' }] }]],
      ['rich text formatting only', { body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung cũ', bold: true }] }] }, [{ field: 'body', kind: 'changed', before: base.body, after: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung cũ', bold: true }] }] }]],
      ['a number', { views: 2 }, [{ field: 'views', kind: 'changed', before: 1, after: 2 }]],
      ['a relation replaced', { category: ['c2'] }, [{ field: 'category', kind: 'relation', added: ['c2'], removed: ['c1'] }]],
      ['a relation emptied', { blocs: [] }, [{ field: 'blocs', kind: 'relation', added: [], removed: ['b1', 'b2'] }]],
      ['one media removed', { cover: null }, [{ field: 'cover', kind: 'media', added: [], removed: ['5'] }]],
      ['gallery grows', { gallery: ['1', '2', '3'] }, [{ field: 'gallery', kind: 'media', added: ['3'], removed: [] }]],
      ['a component', { seo: { metaTitle: 'y' } }, [{ field: 'seo', kind: 'changed', before: { metaTitle: 'x' }, after: { metaTitle: 'y' } }]],
      ['a system field is never a change', { updatedAt: '2026-01-01' }, []],
    ])('%s', (_name, patch, expected) => {
      expect(diffVersions(base, { ...base, ...patch }, schema)).toEqual(expected);
    });

    it('treats the first version as added from nothing', () => {
      const changes = diffVersions(null, base, schema);
      expect(changes.map((c) => c.field)).toEqual(['title', 'body', 'views', 'category', 'blocs', 'cover', 'gallery', 'seo']);
      expect(changes.find((c) => c.field === 'blocs')).toEqual({ field: 'blocs', kind: 'relation', added: ['b1', 'b2'], removed: [] });
    });
  });

  it('snapshots relations as documentIds, media as ids, components in depth, system fields out', () => {
    const components = { 'shared.seo': { metaTitle: { type: 'string' }, ogImage: { type: 'media', multiple: false } } satisfies Schema };
    const row = {
      id: 9, documentId: 'd', locale: 'vi', updatedAt: 'x', title: 'T', body: null, views: 3,
      category: { id: 4, documentId: 'c1' }, blocs: [{ id: 1, documentId: 'b1' }], cover: { id: 5 }, gallery: [{ id: 1 }, { id: 2 }],
      seo: { id: 77, metaTitle: 'm', ogImage: { id: 8 } },
    };
    expect(snapshotFields(row, schema, components)).toEqual({
      title: 'T', body: null, views: 3, category: ['c1'], blocs: ['b1'], cover: '5', gallery: ['1', '2'], seo: { metaTitle: 'm', ogImage: '8' }, updatedAt: undefined,
    });
  });

  it.each([
    ['create', false, false, 'draft'],
    ['create', true, true, 'published'],
    ['update', false, false, 'draft'],
    ['update', false, true, 'modified'],
    ['publish', false, true, 'published'],
    ['unpublish', false, false, 'draft'],
    ['discard', false, true, 'published'],
    ['restore', false, true, 'modified'],
  ] as const)('statusAfter(%s, alsoPublished %s, published row %s) = %s', (action, also, has, status) => {
    expect(statusAfter(action, also, has)).toBe(status);
  });

  describe('versionsToPurge', () => {
    const now = Date.UTC(2026, 11, 3, 6);
    // 13:00 in Vietnam on a day `daysAgo` before now, plus `hours`.
    const at = (daysAgo: number, hours = 0) => now - daysAgo * DAY + hours * 3600 * 1000;
    let id = 0;
    const v = (daysAgo: number, hours: number, status = 'draft', documentId = 'd1', locale = 'vi'): RetainedVersion => ({ id: ++id, uid: 'api::x.x', documentId, locale, status, at: at(daysAgo, hours) });

    it.each([
      ['keeps everything younger than the window', () => [v(1, 0), v(1, 1), v(89, 0), v(89, 2)], []],
      ['keeps the last of an old day', () => [v(100, 0), v(100, 1), v(100, 2)], [0, 1]],
      ['keeps published versions of an old day', () => [v(100, 0, 'published'), v(100, 1), v(100, 2)], [1]],
      ['counts days in Vietnam (UTC+7): 23:30 and 00:30 are two days', () => [v(100, 10.5), v(100, 11.5)], []],
      ['per document and locale', () => [v(100, 0, 'draft', 'd1'), v(100, 1, 'draft', 'd2'), v(100, 2, 'draft', 'd1', 'en'), v(100, 3, 'draft', 'd1')], [0]],
    ])('%s', (_name, make, purgedIndexes) => {
      const versions = make();
      expect(versionsToPurge(versions, now, 90).sort((a, b) => a - b)).toEqual(purgedIndexes.map((i) => versions[i].id));
    });

    it('refuses a window that is not a whole number of days', () => {
      expect(() => versionsToPurge([], now, 0)).toThrow(/keepAllDays/);
    });
  });

  it('validates the history config', () => {
    expect(defaultConfig.history).toEqual({ contentTypes: [], keepAllDays: 90 });
    const bad = (history: unknown) => () => validateConfig({ ...defaultConfig, history } as PluginConfig);
    expect(bad({ contentTypes: ['api::article.article'], keepAllDays: 30 })).not.toThrow();
    for (const wrong of [undefined, {}, { contentTypes: 'api::article.article', keepAllDays: 90 }, { contentTypes: [1], keepAllDays: 90 }, { contentTypes: [], keepAllDays: 0 }, { contentTypes: [], keepAllDays: 1.5 }]) {
      expect(bad(wrong)).toThrow(/history/);
    }
  });
});
