import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The renderer's imports flow one way: no file imports (directly or round about) a file that
// imports it, and the document layer at the ground imports nothing above it. Type-only imports
// count: a cycle of types is still two concepts that cannot be understood apart.

const root = path.resolve(import.meta.dirname, '../..');
const renderer = path.join(root, 'renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Import and re-export specifiers of a file (static and dynamic). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/g,
  ))
    found.push(match[1] as string);
  for (const match of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g))
    found.push(match[1] as string);
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push(match[1] as string);
  return found;
}

function resolveLocal(from: string, specifier: string, files: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (files.has(candidate)) return candidate;
  return null;
}

const files = sourceFiles(renderer);
const known = new Set(files);
const graph = new Map(
  files.map((file) => [
    file,
    specifiers(file)
      .map((s) => resolveLocal(file, s, known))
      .filter((f): f is string => f !== null),
  ]),
);

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
    }
  };
  for (const file of files) if (!indices.has(file)) visit(file);
  return found;
}

const relative = (file: string): string => path.relative(root, file);

describe('renderer imports', () => {
  it('form no cycles', () => {
    expect(cycles().map((component) => component.map(relative).sort())).toEqual([]);
  });

  it('keep the document layer at the ground: nothing above it, no React', () => {
    const document = path.join(renderer, 'document') + path.sep;
    const offending = files
      .filter((file) => file.startsWith(document))
      .flatMap((file) =>
        specifiers(file)
          .filter((s) => {
            const local = resolveLocal(file, s, known);
            if (local) return !local.startsWith(document);
            return /^(react|react-dom|react-i18next)(\/|$)/.test(s);
          })
          .map((s) => `${relative(file)} -> ${s}`),
      );
    expect(offending).toEqual([]);
  });

  it('keep the app shell at the top: no feature imports renderer/app/', () => {
    const app = path.join(renderer, 'app') + path.sep;
    const offending = files
      .filter((file) => !file.startsWith(app) && file !== path.join(renderer, 'main.tsx'))
      .flatMap((file) =>
        (graph.get(file) ?? [])
          .filter((target) => target.startsWith(app))
          .map((target) => `${relative(file)} -> ${relative(target)}`),
      );
    expect(offending).toEqual([]);
  });

  it('sees the imports it checks', () => {
    // Guards the parser: the shell imports the store, the store its documents.
    expect(graph.get(path.join(renderer, 'app/App.tsx'))).toContain(
      path.join(renderer, 'document/documentStore.ts'),
    );
    expect(graph.get(path.join(renderer, 'document/documentStore.ts'))).toContain(
      path.join(renderer, 'document/articleDocument.ts'),
    );
  });
});
