import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type Reply = Record<string, unknown>;

export interface AppProcessOptions {
  /** A commands module for the child (see test/helpers/app-child.js). */
  commands?: string;
  /** Listen on a free port (its number comes in the ready message). */
  listen?: boolean;
  /** Serve the built admin panel. */
  admin?: boolean;
  stdout?: 'inherit' | 'ignore';
  /** Collect the child's stdout and stderr in `output` instead (log lines a test reads). */
  capture?: boolean;
}

const CHILD = path.join(__dirname, 'app-child.js');

/**
 * The compiled app in a child process (test/helpers/app-child.js), so several can share one
 * database or cache as servers behind a load balancer do, or a browser can talk to one. It sends
 * `{ ready: true, port }` once booted and answers each `{ id, cmd, … }` with `{ id, … }` or `{ id, error }`.
 */
export class AppProcess {
  private next = 0;
  private waiting = new Map<number, (r: Reply) => void>();
  private child: ChildProcess;
  /** What the child wrote to stdout and stderr, with `capture`. */
  output = '';
  /** The script's ready message. */
  readonly ready: Promise<Reply>;
  /** Settles when the process has ended: its exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals | null>;

  constructor(env: Record<string, string>, { commands, listen = false, admin = false, stdout = 'inherit', capture = false }: AppProcessOptions = {}) {
    const stdio = capture ? (['ignore', 'pipe', 'pipe', 'ipc'] as const) : (['ignore', stdout, 'inherit', 'ipc'] as const);
    this.child = fork(CHILD, [commands ?? '', JSON.stringify({ listen, admin })], { env: { ...process.env, ...env }, stdio: [...stdio] });
    for (const stream of [this.child.stdout, this.child.stderr]) stream?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve(code ?? signal)));
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

  /** Sends a signal to the child (e.g. SIGTERM, as an orchestrator stopping it would). */
  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.send({ cmd: 'stop' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
    if (this.child.exitCode === null) this.child.kill();
  }
}
