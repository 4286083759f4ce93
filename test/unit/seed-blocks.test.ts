import { toStrapiBlocks } from '../../src/seed/blocks';

describe('toStrapiBlocks', () => {
  it('maps each compact block to Strapi blocks JSON', () => {
    expect(
      toStrapiBlocks([
        { type: 'heading', text: 'Kết quả nổi bật' },
        { type: 'paragraph', text: 'Năm 2024, khối đạt nhiều kết quả.' },
        { type: 'quote', text: 'Thi đua là yêu nước.' },
        { type: 'list', items: ['Bằng khen', 'Giấy khen'] },
      ])
    ).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Kết quả nổi bật' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Năm 2024, khối đạt nhiều kết quả.' }] },
      { type: 'quote', children: [{ type: 'text', text: 'Thi đua là yêu nước.' }] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Bằng khen' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Giấy khen' }] },
        ],
      },
    ]);
  });
});
