import sharp from 'sharp';

/**
 * Draws an abstract 1200×800 JPEG cover from two colours (no text, so no fonts are needed),
 * varied by `variant` so every sample article looks different.
 */
export async function renderCover(palette: [string, string], variant: number): Promise<Buffer> {
  const [from, to] = palette;
  const circles = Array.from({ length: 5 }, (_, i) => {
    const x = (variant * 173 + i * 251) % 1200;
    const y = (variant * 97 + i * 139) % 800;
    const r = 60 + ((variant + i * 37) % 160);
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="#ffffff" fill-opacity="${0.08 + i * 0.03}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/>
  </linearGradient></defs>
  <rect width="1200" height="800" fill="url(#g)"/>${circles}
  <rect x="0" y="660" width="1200" height="140" fill="#000000" fill-opacity="0.18"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
