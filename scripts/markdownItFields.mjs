// An esbuild plugin for the Node bundles: markdown-it's published build sets every class field
// through a defineProperty helper (a property-key conversion, an `in` test and a keyed store per
// field), and a Token has eight of them. A short command runs that code before V8 has optimised
// it, for every one of an article's thousands of tokens. Fields given a plain value in a
// constructor are turned back into plain assignments, which is what the helper does for a field
// no prototype defines (markdown-it's classes define none of these), so the code behaves the same.
import { readFile } from 'node:fs/promises';

// Whitespace and block comments (a comment ends at its first `*/`).
const gap = String.raw`(?:\s|\/\*(?:[^*]|\*(?!\/))*\*\/)*`;
const plainValue = String.raw`null|true|false|-?\d+|"[^"\\]*"|\[\]|\{\}|[A-Za-z_$][\w$]*`;
const fieldCall = new RegExp(
  String.raw`_defineProperty\(${gap}this,${gap}"([A-Za-z_$][\w$]*)",${gap}(${plainValue})${gap}\);`,
  'g',
);

export const markdownItFields = {
  name: 'markdown-it-fields',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.(?:mjs|cjs\.js)$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        return { contents: source.replace(fieldCall, 'this.$1 = $2;'), loader: 'js' };
      },
    );
  },
};
