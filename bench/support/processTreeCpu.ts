import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const ticksPerSecond = 100;

/**
 * CPU milliseconds (user + system) of this process and every process below it, children that
 * already exited and were reaped included: a headless Chromium's browser, renderer and utility
 * processes. Linux only (/proc); null elsewhere.
 */
export function processTreeCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const processes: { pid: number; parent: number; ticks: number }[] = [];
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, ..., utime at 11.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
      processes.push({
        pid: Number(pid),
        parent: Number(fields[1]),
        ticks: (utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0),
      });
    } catch {
      // Gone between listing and reading.
    }
  }
  const tree = new Set([process.pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const { pid, parent } of processes) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grown = true;
      }
    }
  }
  const ticks = processes
    .filter(({ pid }) => tree.has(pid))
    .reduce((sum, { ticks: own }) => sum + own, 0);
  return (ticks * 1000) / ticksPerSecond;
}
