/**
 * The publisher's progress bar: redrawn in place on a terminal, silent elsewhere (CI logs get the
 * plan and the summary instead).
 *   [##########----------]  52/104 files  1.3 MB
 */
const WIDTH = 24;

/** `formatBytes(1536) === "1.5 kB"`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export interface Progress {
  advance(bytes: number): void;
  finish(): void;
}

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return { advance() {}, finish() {} };
  let done = 0;
  let bytes = 0;
  let drawn = 0;
  const draw = () => {
    const filled = Math.round((done / total) * WIDTH);
    const bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    stream.write(
      `\r[${bar}] ${String(done).padStart(String(total).length)}/${total} files  ${formatBytes(bytes)}`,
    );
    drawn = Date.now();
  };
  draw();
  return {
    advance(size) {
      done++;
      bytes += size;
      if (done === total || Date.now() - drawn > 100) draw();
    },
    finish() {
      stream.write("\n");
    },
  };
}
