/** The file object Strapi's upload service passes around while it stores an upload. */
export interface UploadFile {
  name: string;
  hash: string;
  ext?: string;
  mime?: string;
  filepath?: string;
  tmpWorkingDirectory?: string;
  path?: string | null;
  getStream?: () => NodeJS.ReadableStream;
  width?: number | null;
  height?: number | null;
  size?: number;
  sizeInBytes?: number;
  focalPoint?: { x: number; y: number } | null;
  placeholder?: string;
  dominantColor?: string;
  [key: string]: unknown;
}

/** An incoming upload as the HTTP layer hands it to the upload service. */
export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  detectedMimeType?: string;
  size?: number;
}

/** Kilobytes with two decimals, as Strapi stores `size`. */
export const kilobytes = (bytes: number) => Math.round((bytes / 1000) * 100) / 100;

/** "#1a2b3c" from sharp's channel values. */
export const hexColour = ({ r, g, b }: { r: number; g: number; b: number }) =>
  `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
