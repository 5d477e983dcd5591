// A one-line progress bar on a terminal; plain lines (one per step) in logs and CI.
export function progressPrinter(out: NodeJS.WriteStream = process.stdout) {
  const started = performance.now();
  let stepStarted = started;
  let lastStep = "";
  return (step: string, done: number, total: number) => {
    if (step !== lastStep) {
      lastStep = step;
      stepStarted = performance.now();
    }
    const fraction = total > 0 ? done / total : 1;
    const seconds = ((performance.now() - stepStarted) / 1000).toFixed(1);
    const bar = `[${"#".repeat(Math.round(fraction * 30)).padEnd(30, ".")}]`;
    const line = `${bar} ${String(Math.round(fraction * 100)).padStart(3)}% ${step} ${done.toLocaleString("en-GB")}/${total.toLocaleString("en-GB")} (${seconds} s)`;
    if (out.isTTY) out.write(`\r${line}${done >= total ? "\n" : ""}`);
    else if (done >= total) out.write(`${line}\n`);
  };
}
