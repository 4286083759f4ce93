/** One line of a text progress bar: "[########------------]  40% 400/1000". */
export function progressLine(done: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const percent = `${Math.round(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent} ${done}/${total}`;
}

/** Redraws the bar in place on a terminal, prints plain lines elsewhere (CI logs). */
export function progressPrinter(label: string) {
  const tty = process.stderr.isTTY;
  let lastPercent = -1;
  return (done: number, total: number) => {
    const line = `${label} ${progressLine(done, total)}`;
    if (tty) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    else {
      const percent = total ? Math.floor((done / total) * 10) : 10;
      if (percent !== lastPercent || done >= total) process.stderr.write(`${line}\n`);
      lastPercent = percent;
    }
  };
}
