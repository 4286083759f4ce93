import { arrangeLayouts, ARTICLE_LAYOUT } from '../../src/bootstrap/admin-layouts';

const attributes = Object.keys(require('../../src/api/article/content-types/article/schema.json').attributes);
const row = (...names: string[]) => names.map((name) => ({ name, size: 6 }));
// What Strapi 5.54 generates for the article, with the newsroom's schedule columns appended.
const strapiDefault = {
  list: ['id', 'title', 'slug', 'summary', 'publishAt', 'unpublishAt'],
  edit: [row('title', 'slug'), [{ name: 'summary', size: 6 }], [{ name: 'body', size: 12 }], row('cover', 'coverCaption'), row('gallery', 'author'), row('dateline', 'category'), row('blocs', 'agencies'), row('movements', 'related'), [{ name: 'seo', size: 12 }], row('publishAt', 'unpublishAt')],
};

describe('arrangeLayouts', () => {
  it("replaces Strapi's default list and edit layout with the newsroom's", () => {
    const out = arrangeLayouts(strapiDefault, attributes)!;
    expect(out.list).toEqual(['title', 'category', 'dateline', 'publishAt', 'unpublishAt']);
    expect(out.edit.map((r) => r.map((f) => f.name))).toEqual(ARTICLE_LAYOUT.edit.map((r) => r.map(([n]) => n)));
  });

  it('places every article field once, in rows of at most 12', () => {
    const out = arrangeLayouts(strapiDefault, attributes)!;
    expect(out.edit.flat().map((f) => f.name).sort()).toEqual([...attributes].sort());
    for (const r of out.edit) expect(r.reduce((sum, f) => sum + f.size, 0)).toBeLessThanOrEqual(12);
  });

  it('leaves its own result alone on the next start', () => {
    const once = arrangeLayouts(strapiDefault, attributes)!;
    expect(arrangeLayouts(once, attributes)).toBeNull();
  });

  it('keeps a list or edit layout an administrator arranged', () => {
    const arrangedList = { ...strapiDefault, list: ['title', 'author', 'id'] };
    expect(arrangeLayouts(arrangedList, attributes)!.list).toEqual(['title', 'author', 'id']);
    const arrangedEdit = { ...strapiDefault, edit: [row('body'), row('title', 'slug')] };
    const out = arrangeLayouts(arrangedEdit, attributes)!;
    expect(out.edit).toEqual(arrangedEdit.edit);
    expect(out.list[0]).toBe('title');
  });

  it('drops fields the model no longer has (Strapi already took them out of its layout)', () => {
    const edit = strapiDefault.edit.map((r) => r.filter((f) => f.name !== 'movements'));
    const out = arrangeLayouts({ ...strapiDefault, edit }, attributes.filter((a) => a !== 'movements'))!;
    expect(out.edit.flat().map((f) => f.name)).not.toContain('movements');
  });
});
