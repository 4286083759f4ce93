import { fork, type ChildProcess } from 'node:child_process';

export type Reply = Record<string, unknown>;

/**
 * An app in a child process (a script that boots Strapi and answers over IPC), so several can
 * share one database or cache as servers behind a load balancer do. The script sends
 * `{ ready: true, … }` once booted and answers each `{ id, cmd, … }` with `{ id, … }` or `{ id, error }`.
 */
export class AppProcess {
  private next = 0;
  private waiting = new Map<number, (r: Reply) => void>();
  private child: ChildProcess;
  /** The script's ready message. */
  readonly ready: Promise<Reply>;

  constructor(script: string, env: Record<string, string>, stdout: 'inherit' | 'ignore' = 'inherit') {
    this.child = fork(script, [], { env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit', 'ipc'] });
    this.ready = new Promise((resolve, reject) => {
      this.child.once('exit', (code) => reject(new Error(`app process exited with ${code}`)));
      this.child.on('message', (m: Reply) => {
        if (m.ready) resolve(m);
        this.waiting.get(m.id as number)?.(m);
      });
    });
  }

  async ask(msg: Reply): Promise<Reply> {
    const id = (this.next += 1);
    const reply = await new Promise<Reply>((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ ...msg, id });
    });
    if (reply.error) throw new Error(String(reply.error));
    return reply;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.send({ cmd: 'stop' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
    if (this.child.exitCode === null) this.child.kill();
  }
}
