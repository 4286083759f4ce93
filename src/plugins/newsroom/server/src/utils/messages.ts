/**
 * Error messages of the public routes. Websites show them to citizens and editors read them in
 * logs, so they are Vietnamese like the rest of the app's answers (the request guard's, the input
 * guard's); slugs and locale codes stay quoted as given, cut to 100 characters.
 */
const quoted = (value: string) => `"${value.slice(0, 100)}"`;

/** `label`: the content type's display name ("Bài viết"), which the app sets in Vietnamese. */
export const notPublished = (label: string, slug: string, locale: string) =>
  `Không tìm thấy ${label.toLowerCase()} đã xuất bản có đường dẫn ${quoted(slug)} (ngôn ngữ ${quoted(locale)}).`;

export const unknownLocale = (locale: string, codes: string[]) =>
  `Ngôn ngữ ${quoted(locale)} không có trên trang này: dùng một trong ${codes.join(', ')}.`;

export const notOneSlug = (key: string) => `Tham số ${key} phải là một đường dẫn (slug) duy nhất.`;

export const notAnIntegerIn = (name: string, max: number) => `Tham số ${name} phải là số nguyên từ 1 đến ${max}.`;
