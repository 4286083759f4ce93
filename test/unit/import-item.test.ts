import { encodeLegacy } from '../../src/import/legacy-encodings';
import { toLegacyArticle } from '../../src/import/legacy-item';
import { referenceKey } from '../../src/import/import-article';

const base = { sourceId: 'x-1', title: 'Hội nghị tổng kết', date: '27/11/2019 15:20' };
const read = (raw: Record<string, unknown>) => toLegacyArticle(raw, { baseDir: '/tmp' });

describe('toLegacyArticle', () => {
  it('reads a Unicode record with defaults (published, vi)', () => {
    const a = read({ ...base, agencies: ['Hội Nông dân tỉnh'], movements: 'Lao động giỏi, lao động sáng tạo; Cựu chiến binh gương mẫu', body: '<p>Nội dung</p>' });
    expect(a).toMatchObject({
      sourceId: 'x-1',
      locale: 'vi',
      status: 'published',
      title: 'Hội nghị tổng kết',
      dateline: '2019-11-27T08:20:00.000Z',
      encoding: 'unicode',
      agencies: ['Hội Nông dân tỉnh'],
      movements: ['Lao động giỏi, lao động sáng tạo', 'Cựu chiến binh gương mẫu'],
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung' }] }],
    });
  });

  it.each(['tcvn3', 'vni'] as const)('converts a %s record, every field, to NFC Unicode', (encoding) => {
    const title = 'Phụ nữ tích cực học tập, lao động sáng tạo';
    const a = read({ ...base, title: encodeLegacy(title, encoding), agencies: [encodeLegacy('Hội Liên hiệp Phụ nữ tỉnh', encoding)], body: encodeLegacy('Đoàn viên được khen thưởng.', encoding) });
    expect(a.encoding).toBe(encoding);
    expect(a.title).toBe(title);
    expect(a.agencies).toEqual(['Hội Liên hiệp Phụ nữ tỉnh']);
    expect(a.body).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Đoàn viên được khen thưởng.' }] }]);
  });

  it('stores NFC when the title came decomposed', () => {
    expect(read({ ...base, title: base.title.normalize('NFD') }).title).toBe(base.title);
  });

  it.each([
    [{ status: 'draft' }, 'draft'],
    [{ status: 'Nháp' }, 'draft'],
    [{ published: false }, 'draft'],
    [{ published: true }, 'published'],
  ])('status from %j', (extra, status) => expect(read({ ...base, ...extra }).status).toBe(status));

  it('changes its hash when the source changes, and only then', () => {
    expect(read(base).sourceHash).toBe(read({ ...base }).sourceHash);
    expect(read({ ...base, title: 'Khác' }).sourceHash).not.toBe(read(base).sourceHash);
  });

  it.each([
    [{ sourceId: undefined }, /Thiếu mã nguồn/],
    [{ title: '  ' }, /Thiếu tiêu đề/],
    [{ title: 'x'.repeat(256) }, /tối đa 255/],
    [{ date: undefined }, /Thiếu ngày đăng/],
    [{ date: '30/02/2020' }, /Ngày đăng "30\/02\/2020" không hợp lệ/],
    [{ status: 'later' }, /Trạng thái "later"/],
    [{ format: 'docx' }, /Định dạng nội dung "docx"/],
  ])('refuses %j in Vietnamese', (extra, message) => expect(() => read({ ...base, ...extra })).toThrow(message));
});

describe('referenceKey', () => {
  it('matches names whatever their accents, case, dashes and spacing', () => {
    expect(referenceKey('Khối Mặt trận – Đoàn thể')).toBe(referenceKey('khoi mat tran - doan the'));
    expect(referenceKey('Hội LHPN tỉnh')).toBe('hoi lhpn tinh');
    expect(referenceKey('Khối A')).not.toBe(referenceKey('Khối B'));
  });
});
