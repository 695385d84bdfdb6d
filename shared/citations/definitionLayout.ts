import type { FootnoteDefinition } from '../footnotes/footnoteIndex';

/** A definition that starts a line (`[^1]: …` at column 1) can be moved; one inside a list or quote stays put. */
export const startsLine = (text: string, definition: FootnoteDefinition): boolean =>
  definition.from === 0 || text.charCodeAt(definition.from - 1) === 10;

export interface DefinitionRun {
  from: number;
  to: number;
  definitions: FootnoteDefinition[];
  /** What separates its definitions: '\n' (one per line, as in the sample) or '\n\n'. */
  separator: '\n' | '\n\n';
}

/** Movable definitions grouped into runs separated only by blank lines, in document order. */
export function definitionRuns(
  text: string,
  definitions: readonly FootnoteDefinition[],
): DefinitionRun[] {
  const movable = definitions.filter((d) => startsLine(text, d)).sort((a, b) => a.from - b.from);
  const runs: DefinitionRun[] = [];
  for (const definition of movable) {
    const last = runs[runs.length - 1];
    if (last && text.slice(last.to, definition.from).trim() === '') {
      if (text.slice(last.to, definition.from).includes('\n\n')) last.separator = '\n\n';
      last.definitions.push(definition);
      last.to = definition.to;
    } else {
      runs.push({
        from: definition.from,
        to: definition.to,
        definitions: [definition],
        separator: '\n',
      });
    }
  }
  return runs;
}

/** Offset of the first character of the definition's text, after `[^label]:` and its spaces. */
export function definitionTextStart(text: string, definition: FootnoteDefinition): number {
  let at = definition.from + definition.label.length + 4;
  while (at < definition.to && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}
