// Generated Vietnamese newsroom text for benchmarks: original phrase lists combined at random
// (seeded, so every run builds the same corpus).
const SUBJECTS = [
  'Khối Mặt trận – Đoàn thể', 'Cụm thi đua các huyện vùng động lực', 'Hội Nông dân tỉnh', 'Liên đoàn Lao động tỉnh',
  'Tỉnh đoàn', 'Hội Cựu chiến binh tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', 'Ủy ban Mặt trận Tổ quốc tỉnh',
  'Sở Nông nghiệp và Môi trường', 'Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', 'Sở Giáo dục và Đào tạo',
  'Ủy ban nhân dân huyện Tân Lập', 'Ủy ban nhân dân thành phố Phú Lâm', 'Ban Thi đua – Khen thưởng tỉnh', 'Hội Chữ thập đỏ tỉnh',
];
const ACTIONS = [
  'tổng kết', 'sơ kết 6 tháng', 'ký kết giao ước thi đua về', 'phát động phong trào', 'tuyên dương', 'trao Bằng khen về',
  'kiểm tra chéo', 'tập huấn nghiệp vụ về', 'biểu dương', 'tổ chức hội nghị giao ban về', 'triển khai', 'đánh giá kết quả',
];
const OBJECTS = [
  'công tác thi đua, khen thưởng', 'phong trào Lao động giỏi, Lao động sáng tạo', 'gương điển hình tiên tiến',
  'xây dựng nông thôn mới, đô thị văn minh', 'chuyển đổi số trong cơ quan nhà nước', 'công trình thủy lợi nội đồng',
  'cải cách hành chính', 'phong trào Dân vận khéo', 'an toàn giao thông', 'sáng kiến kinh nghiệm',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'Cựu chiến binh gương mẫu', 'giảm nghèo bền vững',
  'phụ nữ khởi nghiệp', 'thanh niên tình nguyện', 'bảo vệ môi trường', 'văn hóa công sở', 'Chiến sĩ thi đua cơ sở',
];
const PLACES = ['huyện Tân Lập', 'thành phố Phú Lâm', 'huyện Vĩnh Lạc', 'xã Hòa Khánh', 'phường Đông Hòa', 'thị trấn Bắc Sơn', 'xã Thủy Phú', 'huyện Đồng Xuân'];
const SENTENCES = [
  'Hội nghị đã đánh giá khách quan những kết quả đạt được và chỉ ra các hạn chế cần khắc phục.',
  'Các đơn vị thống nhất tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào thi đua.',
  'Nhiều tập thể, cá nhân có thành tích xuất sắc được đề nghị cấp trên khen thưởng.',
  'Lãnh đạo tỉnh ghi nhận sự cố gắng của cán bộ, đoàn viên, hội viên trong năm qua.',
  'Công tác phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến được quan tâm hơn.',
  'Đại biểu thảo luận sôi nổi, chia sẻ nhiều cách làm hay ở cơ sở.',
  'Kết thúc hội nghị, các đơn vị ký kết giao ước thi đua cho năm tiếp theo.',
  'Nguồn vốn hỗ trợ được sử dụng đúng mục đích, giúp nhiều hộ thoát nghèo bền vững.',
];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

/** The i-th generated article (deterministic). */
function article(i) {
  const r = rng(i * 2654435761);
  const year = 2015 + Math.floor(r() * 11);
  const title = `${pick(r, SUBJECTS)} ${pick(r, ACTIONS)} ${pick(r, OBJECTS)} năm ${year} tại ${pick(r, PLACES)}`;
  const summary = `${pick(r, SENTENCES)} ${pick(r, SENTENCES)}`;
  const paragraphs = Array.from({ length: 4 }, () => `${pick(r, SENTENCES)} ${pick(r, SENTENCES)} ${pick(r, SENTENCES)}`);
  const dateline = new Date(Date.UTC(year, Math.floor(r() * 12), 1 + Math.floor(r() * 28), Math.floor(r() * 24)));
  return { title, summary, paragraphs, dateline };
}

module.exports = { article };
