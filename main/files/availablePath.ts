import { promises as fs } from 'node:fs';

/**
 * `wanted` if nothing is there, else `<stem>-<label>.md`, `<stem>-<label>-2.md`, ... Never
 * overwrites: callers still create with exclusive flags, this only picks a likely-free name.
 */
export async function availablePath(
  wanted: string,
  extension: string,
  label: string | null,
): Promise<string> {
  if (!(await taken(wanted))) return wanted;
  const stem = extension ? wanted.slice(0, -extension.length) : wanted;
  for (let n = 1; n < 10_000; n++) {
    const suffix = label ? (n === 1 ? `-${label}` : `-${label}-${n}`) : `-${n + 1}`;
    const candidate = `${stem}${suffix}${extension}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new Error(`No free name near ${wanted}`);
}

async function taken(candidate: string): Promise<boolean> {
  try {
    await fs.lstat(candidate);
    return true;
  } catch {
    return false;
  }
}
