export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The largest crop of the target aspect ratio inside the image, centred on the focal point as far
 * as the edges allow. The focal point is relative (0–1) or in percent (0–100), as stored by Strapi.
 */
export function focalCrop(
  image: { width: number; height: number },
  target: { width: number; height: number },
  focal: { x: number; y: number }
): Box {
  const ratio = target.width / target.height;
  let width = image.width;
  let height = Math.round(width / ratio);
  if (height > image.height) {
    height = image.height;
    width = Math.round(height * ratio);
  }
  const rel = (v: number) => Math.min(1, Math.max(0, v > 1 ? v / 100 : v));
  const cx = rel(focal.x) * image.width;
  const cy = rel(focal.y) * image.height;
  const left = Math.round(Math.min(Math.max(cx - width / 2, 0), image.width - width));
  const top = Math.round(Math.min(Math.max(cy - height / 2, 0), image.height - height));
  return { left, top, width, height };
}
