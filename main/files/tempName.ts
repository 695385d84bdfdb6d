import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';

/**
 * Names of the temp files an atomic write renames over its target. They have a fixed length
 * (under 40 bytes) whatever the target is called, so a file whose own name is already near
 * NAME_MAX (255 bytes: 80 Chinese characters are 243) can still be saved. The name says which
 * host and process wrote it, so the sweep at workspace open can tell a dead writer's leftover
 * from another running instance's write in flight.
 *
 * `.~byline-<host>-<pid>-<random>.tmp`: a dot name without the .md extension, so the library and
 * the watcher never list it.
 */
const tempPattern = /^\.~byline-([0-9a-f]{6})-([0-9a-z]{1,8})-[0-9a-f]{8}\.tmp$/;
/** Names written by earlier versions: `.<target name>.<12 hex>.byline-tmp`. */
const legacyTempPattern = /^\..+\.[0-9a-f]{12}\.byline-tmp$/;

export const thisHost = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 6);

export function tempFileName(): string {
  return `.~byline-${thisHost}-${process.pid.toString(36)}-${randomBytes(4).toString('hex')}.tmp`;
}

export interface TempNameInfo {
  /** Null for a legacy name, which does not say who wrote it. */
  writer: { host: string; pid: number } | null;
}

/** What a temp file's name says about its writer, or null when the name is not one of ours. */
export function parseTempName(name: string): TempNameInfo | null {
  const match = tempPattern.exec(name);
  if (match) {
    return { writer: { host: match[1] as string, pid: Number.parseInt(match[2] as string, 36) } };
  }
  return legacyTempPattern.test(name) ? { writer: null } : null;
}
