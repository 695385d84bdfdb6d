import { yamlLanguage } from '@codemirror/lang-yaml';
import { StreamLanguage } from '@codemirror/language';
import { toml } from '@codemirror/legacy-modes/mode/toml';
import type { Input } from '@lezer/common';
import { parseMixed } from '@lezer/common';
import { tags } from '@lezer/highlight';
import type { BlockContext, Line, MarkdownConfig } from '@lezer/markdown';

const tomlLanguage = StreamLanguage.define(toml);

/** Opening delimiter, as splitArticle accepts it: `---`, `---yaml`, `+++`, `+++toml`. */
const opening = /^(---|\+\+\+)([a-zA-Z]*)[ \t]*$/;
/** Front matter longer than this is not looked for (the preview would not show it either). */
const maxScan = 256 * 1024;

/** The line without trailing spaces, tabs and CR (by hand: `[ \t\r]+$` is quadratic on inner runs). */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && ' \t\r'.includes(line.charAt(end - 1))) end--;
  return line.slice(0, end);
}

/** Where the front matter that opens the document closes, or -1 when it never does. */
export function findFrontMatterEnd(text: string, delimiter: string): number {
  let lineStart = text.indexOf('\n') + 1;
  if (lineStart === 0) return -1;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    if (trimLineEnd(text.slice(lineStart, lineEnd)) === delimiter) return lineEnd;
    if (nl === -1) return -1;
    lineStart = nl + 1;
  }
  return -1;
}

/**
 * Recognises the Hugo front matter block at the very top of the document (YAML `---` or TOML
 * `+++`) as a `Frontmatter` node and parses its content with the YAML or TOML grammar, so the
 * fields are highlighted as what they are and Markdown rules (lists, emphasis) do not apply there.
 * An unclosed block is not front matter, as in shared/article's splitArticle.
 */
export const frontMatterMarkdown: MarkdownConfig = {
  defineNodes: [
    { name: 'Frontmatter', block: true },
    { name: 'FrontmatterMark', style: tags.processingInstruction },
    { name: 'FrontmatterContent' },
  ],
  parseBlock: [
    {
      name: 'Frontmatter',
      before: 'HorizontalRule',
      parse(cx: BlockContext, line: Line): boolean {
        if (cx.lineStart !== 0 || cx.depth > 1) return false;
        const match = opening.exec(line.text);
        if (!match) return false;
        const delimiter = match[1] ?? '---';
        const input = (cx as unknown as { input: Input }).input;
        const head = input.read(0, Math.min(input.length, maxScan));
        const end = findFrontMatterEnd(head, delimiter);
        if (end < 0) return false;
        const openEnd = line.text.length;
        let closeStart = 0;
        // Consume lines up to and including the closing delimiter.
        while (cx.nextLine()) {
          if (cx.lineStart + line.text.length >= end && trimLineEnd(line.text) === delimiter) {
            closeStart = cx.lineStart;
            break;
          }
        }
        const closeEnd = closeStart + line.text.length;
        const children = [cx.elt('FrontmatterMark', 0, openEnd)];
        if (closeStart > openEnd + 1)
          children.push(cx.elt('FrontmatterContent', openEnd + 1, closeStart - 1));
        children.push(cx.elt('FrontmatterMark', closeStart, closeEnd));
        cx.addElement(cx.elt('Frontmatter', 0, closeEnd, children));
        cx.nextLine();
        return true;
      },
    },
  ],
  wrap: parseMixed((node, input) => {
    if (node.name !== 'FrontmatterContent') return null;
    const first = input.read(0, Math.min(4, input.length));
    return { parser: first.startsWith('+++') ? tomlLanguage.parser : yamlLanguage.parser };
  }),
};
