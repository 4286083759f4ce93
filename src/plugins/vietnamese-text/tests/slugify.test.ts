import { foldVietnamese } from '../server/src/utils/fold';
import { slugify, withSuffix } from '../server/src/utils/slugify';

// The 12 Vietnamese vowels and their ASCII base letter.
const VOWELS: [string, string][] = [
  ['a', 'a'], ['ă', 'a'], ['â', 'a'], ['e', 'e'], ['ê', 'e'], ['i', 'i'],
  ['o', 'o'], ['ô', 'o'], ['ơ', 'o'], ['u', 'u'], ['ư', 'u'], ['y', 'y'],
];
// No tone, huyền, sắc, hỏi, ngã, nặng (combining marks, composed below).
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

const everyVowelAndTone = VOWELS.flatMap(([vowel, base]) =>
  TONES.flatMap((tone) => {
    const lower = (vowel + tone).normalize('NFC');
    const upper = lower.toUpperCase();
    return [
      [lower, base],
      [upper, base],
    ] as [string, string][];
  })
);

describe('slugify: every vowel with every tone, both cases', () => {
  it('covers 12 vowels × 6 tones × 2 cases', () => {
    expect(everyVowelAndTone).toHaveLength(144);
    expect(new Set(everyVowelAndTone.map(([c]) => c)).size).toBe(144);
  });
  it.each(everyVowelAndTone)('"x%sx" → "x…x"', (letter, base) => {
    expect(slugify(`x${letter}x`)).toBe(`x${base}x`);
  });
});

describe('slugify: titles', () => {
  it.each([
    ['Khối Mặt trận - Đoàn thể tổng kết công tác Thi đua khen thưởng năm 2019', 'khoi-mat-tran-doan-the-tong-ket-cong-tac-thi-dua-khen-thuong-nam-2019'],
    ['Đường đến Điện Biên', 'duong-den-dien-bien'],
    ['ĐOÀN THANH NIÊN', 'doan-thanh-nien'],
    ['Ðoàn (Icelandic eth, looks like Đ)', 'doan-icelandic-eth-looks-like-d'],
    ['Hội nghị'.normalize('NFD'), 'hoi-nghi'],
    ['Hội LHPN tỉnh tổng kết năm'.normalize('NFD'), 'hoi-lhpn-tinh-tong-ket-nam'],
    ['Chỉ thị số 05-CT/TW của Bộ Chính trị', 'chi-thi-so-05-ct-tw-cua-bo-chinh-tri'],
    ['Khối Mặt trận – Đoàn thể', 'khoi-mat-tran-doan-the'],
    ['Giai đoạn 2024—2029', 'giai-doan-2024-2029'],
    ['Nông dân & doanh nghiệp', 'nong-dan-doanh-nghiep'],
    ['A&B', 'a-b'],
    ['“Lao động giỏi”', 'lao-dong-gioi'],
    ['‘Cựu chiến binh gương mẫu’', 'cuu-chien-binh-guong-mau'],
    ['"Dân vận khéo"', 'dan-van-kheo'],
    ['Women’s Union', 'womens-union'],
    ["Vietnam's Fatherland Front", 'vietnams-fatherland-front'],
    ['Đại hội XIII của Đảng', 'dai-hoi-xiii-cua-dang'],
    ['Phần II: Nhiệm vụ năm 2025', 'phan-ii-nhiem-vu-nam-2025'],
    ['Chương IV, Điều 23', 'chuong-iv-dieu-23'],
    ['iPhone và MacBook', 'iphone-va-macbook'],
    ['TỈNH ĐOÀN', 'tinh-doan'],
    ['  khoảng   trắng   thừa  ', 'khoang-trang-thua'],
    ['---gạch---đầu---cuối---', 'gach-dau-cuoi'],
    ['Ủy ban / Uỷ ban', 'uy-ban-uy-ban'],
    ['hòa hoà thủy thuỷ', 'hoa-hoa-thuy-thuy'],
    ['Quyết định số 1234/QĐ-UBND ngày 15/3/2024', 'quyet-dinh-so-1234-qd-ubnd-ngay-15-3-2024'],
    ['100% cơ quan đạt chuẩn', '100-co-quan-dat-chuan'],
    ['Tin vắn: #thiđua @tỉnh', 'tin-van-thidua-tinh'],
    ['Hội thi “Gia đình văn hóa” (lần thứ 3)', 'hoi-thi-gia-dinh-van-hoa-lan-thu-3'],
    ['Nghị định 98/2023/NĐ-CP', 'nghi-dinh-98-2023-nd-cp'],
    ['Ngày 01.01.2024', 'ngay-01-01-2024'],
    ['Tab\tvà\nxuống dòng', 'tab-va-xuong-dong'],
    ['Zero\u200Bwidth và soft\u00ADhyphen', 'zero-width-va-soft-hyphen'],
    ['Bằng khen của Thủ tướng Chính phủ', 'bang-khen-cua-thu-tuong-chinh-phu'],
    ['Cờ thi đua của UBND tỉnh', 'co-thi-dua-cua-ubnd-tinh'],
    ['Chiến sĩ thi đua cơ sở', 'chien-si-thi-dua-co-so'],
    ['Nguyễn Thị Thủy – gương sáng ngành Y', 'nguyen-thi-thuy-guong-sang-nganh-y'],
    ['ỨNG DỤNG CÔNG NGHỆ SỐ', 'ung-dung-cong-nghe-so'],
    ['Ưu tiên, ưu đãi', 'uu-tien-uu-dai'],
    ['Ở đâu, ở đó', 'o-dau-o-do'],
    ['Số 5', 'so-5'],
    ['!!!', ''],
    ['', ''],
  ])('%j → %j', (title, expected) => {
    expect(slugify(title)).toBe(expected);
  });
});

describe('slugify: options and limits', () => {
  it('writes & as "va" when asked, never "and"', () => {
    expect(slugify('Nông dân & doanh nghiệp', { ampersand: 'va' })).toBe('nong-dan-va-doanh-nghiep');
    expect(slugify('Tom & Jerry')).not.toContain('and');
  });

  it('cuts long titles at a word boundary within the limit', () => {
    const title =
      'Khối Mặt trận – Đoàn thể tổng kết công tác thi đua khen thưởng năm 2024 và triển khai phương hướng nhiệm vụ năm 2025 tại hội trường lớn';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('khoi-mat-tran-doan-the-tong-ket-cong-tac-thi-dua-khen-thuong-nam-2024-va-trien');
    expect(slugify(title, { maxLength: 30 })).toBe('khoi-mat-tran-doan-the-tong');
  });

  it('cuts a single word longer than the limit instead of returning nothing', () => {
    expect(slugify('a'.repeat(120))).toBe('a'.repeat(80));
  });

  it('produces only lowercase ASCII words joined by single hyphens', () => {
    for (const [title] of everyVowelAndTone) {
      expect(slugify(`${title} – ${title}/${title}`)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe('withSuffix', () => {
  it.each([
    ['hoi-nghi', 1, 80, 'hoi-nghi'],
    ['hoi-nghi', 2, 80, 'hoi-nghi-2'],
    ['hoi-nghi', 13, 80, 'hoi-nghi-13'],
    ['hoi-nghi-tong-ket', 2, 14, 'hoi-nghi-2'],
    ['abcdefghij', 2, 10, 'abcdefgh-2'],
  ])('%s #%i (max %i) → %s', (base, n, max, expected) => {
    const slug = withSuffix(base, n, max);
    expect(slug).toBe(expected);
    expect(slug.length).toBeLessThanOrEqual(max);
  });
});

describe('foldVietnamese', () => {
  it.each([
    ['Hội nghị', 'Hoi nghi'],
    ['ĐOÀN THỂ', 'DOAN THE'],
    ['đường Ðông', 'duong Dong'],
    ['thủy lợi / thuỷ lợi', 'thuy loi / thuy loi'],
    ['Hội nghị'.normalize('NFD'), 'Hoi nghi'],
    ['ăâêôơư ĂÂÊÔƠƯ', 'aaeoou AAEOOU'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });
});
