import { foldVietnamese, slugify } from '../../src/utils/vietnamese';

describe('foldVietnamese', () => {
  it.each([
    ['Hội nghị', 'Hoi nghi'],
    ['ĐOÀN THỂ', 'DOAN THE'],
    ['đường Ðông', 'duong Dong'],
    ['thủy lợi / thuỷ lợi', 'thuy loi / thuy loi'],
    ['Hội nghị'.normalize('NFD'), 'Hoi nghi'],
    ['ăâêôơư ĂÂÊÔƠƯ', 'aaeoou AAEOOU'],
    ['plain ASCII 123', 'plain ASCII 123'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });
});

describe('slugify', () => {
  it.each([
    ['Khối Mặt trận - Đoàn thể tổng kết năm 2019', 'khoi-mat-tran-doan-the-tong-ket-nam-2019'],
    ['Chỉ thị số 05-CT/TW', 'chi-thi-so-05-ct-tw'],
    ['Cụm thi đua – vùng động lực', 'cum-thi-dua-vung-dong-luc'],
    ['Tuổi trẻ & sáng tạo', 'tuoi-tre-sang-tao'],
    ['“Lao động giỏi”, “Lao động sáng tạo”', 'lao-dong-gioi-lao-dong-sang-tao'],
    ['  --Ủy ban   MTTQ--  ', 'uy-ban-mttq'],
    ['Hội LHPN tỉnh'.normalize('NFD'), 'hoi-lhpn-tinh'],
    ['iPhone', 'iphone'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('cuts at a word boundary within the limit', () => {
    const slug = slugify('Phong trào thi đua yêu nước trong cán bộ công chức viên chức', 30);
    expect(slug).toBe('phong-trao-thi-dua-yeu-nuoc');
    expect(slug.length).toBeLessThanOrEqual(30);
  });

  it('cuts a single over-long word rather than returning nothing', () => {
    expect(slugify('a'.repeat(100), 10)).toBe('a'.repeat(10));
  });
});
