export interface Proxy {
  port: number;
  url: string;
  log(): string;
  stop(): Promise<void>;
}
export function startProxy(upstreams: number[], options?: { bodyLimit?: string }): Promise<Proxy>;
export function freePort(): Promise<number>;
