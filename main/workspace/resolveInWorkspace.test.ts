import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolveInWorkspace, toWorkspacePath } from './resolveInWorkspace';

const root = path.resolve('/tmp/ws');

describe('resolveInWorkspace', () => {
  it('resolves nested relative paths', () => {
    expect(resolveInWorkspace(root, 'posts/2025/a b.md')).toBe(
      path.join(root, 'posts/2025/a b.md'),
    );
    expect(toWorkspacePath(root, path.join(root, 'posts', 'x.md'))).toBe('posts/x.md');
  });

  it.each(['..draft.md', '...md', 'posts/..notes.md'])(
    'takes %s, a name starting with dots',
    (p) => {
      expect(resolveInWorkspace(root, p)).toBe(path.join(root, p));
      expect(isInside(root, path.join(root, p))).toBe(true);
    },
  );

  it.each(['../etc/passwd', 'posts/../../x.md', '/etc/passwd', 'C:\\Windows\\x', '..\\x', '.'])(
    'refuses %s',
    (p) => {
      expect(() => resolveInWorkspace(root, p)).toThrow(/Not a workspace path/);
    },
  );
});
