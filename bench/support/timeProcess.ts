import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ProcessTiming {
  medianMs: number;
  minMs: number;
  /**
   * Median CPU time (user + system, all threads, from /usr/bin/time; null where it is missing):
   * on a shared machine the figure that load changes least.
   */
  medianCpuMs: number | null;
  /** Largest max RSS over the runs (from /usr/bin/time); null where that tool is missing. */
  maxRssMb: number | null;
}

const timeTool = '/usr/bin/time';
const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * Runs a whole process `count` times after one warm-up run (disk cache), timing each from spawn to
 * exit. `okStatus` lists the exit codes that mean it ran (`byline check` exits 1 on findings).
 */
export function timeProcess(
  command: string,
  args: string[],
  count: number,
  options: {
    cwd?: string;
    okStatus?: number[];
    env?: NodeJS.ProcessEnv;
    /** Runs before every run, the discarded first one included (e.g. empties a cache: cold runs). */
    beforeEach?: () => void;
  } = {},
): ProcessTiming {
  const ok = options.okStatus ?? [0];
  const withRss = existsSync(timeTool);
  const wall: number[] = [];
  const rss: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= count; i++) {
    options.beforeEach?.();
    const start = performance.now();
    const run = withRss
      ? spawnSync(timeTool, ['-f', 'maxrss-kb=%M cpu-s=%U+%S', command, ...args], {
          cwd: options.cwd,
          env: options.env,
          encoding: 'utf8',
        })
      : spawnSync(command, args, { cwd: options.cwd, env: options.env, encoding: 'utf8' });
    const ms = performance.now() - start;
    if (run.status === null || !ok.includes(run.status))
      throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
    if (i === 0) continue;
    wall.push(ms);
    const kb = /maxrss-kb=(\d+)/.exec(run.stderr)?.[1];
    if (kb) rss.push(Number(kb) / 1024);
    const seconds = /cpu-s=([\d.]+)\+([\d.]+)/.exec(run.stderr);
    if (seconds) cpu.push((Number(seconds[1]) + Number(seconds[2])) * 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    medianMs: round(wall[Math.floor(wall.length / 2)] ?? 0),
    minMs: round(wall[0] ?? 0),
    medianCpuMs: cpu.length > 0 ? round(cpu[Math.floor(cpu.length / 2)] as number) : null,
    maxRssMb: rss.length > 0 ? round(Math.max(...rss)) : null,
  };
}
