// The two functions of Next.js the webhook example (docs/examples) calls; Next.js itself is not a
// dependency of this app (its test replaces them with jest mocks).
declare module 'next/cache' {
  export function revalidatePath(path: string, type?: 'page' | 'layout'): void;
  export function revalidateTag(tag: string): void;
}
