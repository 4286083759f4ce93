import { applyLabels } from '../../src/bootstrap/admin-labels';

const config = () => ({
  settings: { mainField: 'id' },
  layouts: {},
  metadatas: {
    title: { edit: { label: 'title', description: '' }, list: { label: 'title' } },
    author: { edit: { label: 'Bút danh', description: 'do biên tập viên đặt' }, list: { label: 'author' } },
  },
});

describe('applyLabels', () => {
  it('labels untouched fields and keeps what an editor changed', () => {
    const { config: out, changed } = applyLabels(config(), {
      mainField: 'title',
      fields: { title: ['Tiêu đề', 'Tiêu đề bài'], author: ['Tác giả', 'Bút danh cuối bài'], missing: ['Không có'] },
    });
    expect(changed).toBe(true);
    expect(out.metadatas.title).toEqual({ edit: { label: 'Tiêu đề', description: 'Tiêu đề bài' }, list: { label: 'Tiêu đề' } });
    expect(out.metadatas.author.edit).toEqual({ label: 'Bút danh', description: 'do biên tập viên đặt' });
    expect(out.metadatas.author.list).toEqual({ label: 'Tác giả' });
    expect(out.settings.mainField).toBe('title');
    expect(out.metadatas).not.toHaveProperty('missing');
  });

  it('reports no change the second time', () => {
    const labels = { fields: { title: ['Tiêu đề'] as [string] } };
    const once = applyLabels(config(), labels).config;
    expect(applyLabels(once, labels).changed).toBe(false);
  });
});
