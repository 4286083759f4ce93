/**
 * The rules of "upload from a URL" (the media library's "From URL"), with no I/O.
 *
 * What is fetched is decided by the server's outbound guard (public addresses only, checked at
 * connect time, redirects included). What is said back must not describe what was fetched: a
 * message with the size or type of an answer turns the route into a way to read other servers
 * (the probe learned both from error messages). So there are two messages, and neither carries
 * a size, a type or a status.
 */
import { describeTypes } from './sniff';

export const URL_IMPORT_MESSAGES = {
  badUrl: 'Địa chỉ tệp không hợp lệ: chỉ nhận địa chỉ http:// hoặc https:// đầy đủ, không kèm tên đăng nhập hay mật khẩu.',
  unreachable: 'Không tải được tệp từ địa chỉ này. Hãy kiểm tra lại địa chỉ, hoặc tải tệp về máy rồi tải lên.',
  notAccepted: (maxMegabytes: number, types: string[]) =>
    `Tệp tại địa chỉ này không được nhận: chỉ nhận ${describeTypes(types)}, tối đa ${maxMegabytes.toLocaleString('vi-VN')} MB.`,
};

/** Longest URL accepted (browsers and servers commonly stop near 2,000 characters). */
const MAX_URL_LENGTH = 2048;

/** An http(s) URL without credentials, or null. */
export function parseImportUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

const decode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The name an imported file is shown under before the upload renames it (its extension is
 * replaced with the one of its real type): from Content-Disposition (filename*, then filename),
 * else the URL's last path segment. Never a path, never control characters, at most 200
 * characters. Invisible and bidirectional characters are removed where every file name is stored.
 */
export function importFileName(url: string, contentDisposition: string | null): string {
  const extended = contentDisposition && /filename\*\s*=\s*(?:[\w-]+)?'[^']*'([^;]+)/i.exec(contentDisposition);
  const plain = contentDisposition && /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(contentDisposition);
  let raw = extended ? decode(extended[1].trim()) : plain ? (plain[1] ?? plain[2] ?? '').trim() : '';
  if (!raw) {
    try {
      raw = decode(new URL(url).pathname.split('/').pop() ?? '');
    } catch {
      raw = '';
    }
  }
  const name = raw
    .split(/[/\\]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim()
    .slice(0, 200);
  return name === '' || /^\.+$/.test(name) ? 'tep-tu-dia-chi' : name;
}
