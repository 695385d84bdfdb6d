import type { TextChange } from '../article/textChange';
import { minimalChange } from '../article/textChange';
import type { FootnoteDefinition } from '../footnotes/footnoteIndex';
import { indexArticleFootnotes } from './citationAnalysis';
import { definitionRuns, startsLine } from './definitionLayout';

export interface RenumberOptions {
  /** Also turn named labels (`[^smith]`) into numbers. Off by default: names stay names. */
  convertNamedLabels?: boolean;
}

export interface RenumberPlan {
  /** Offsets in the original text; apply all at once (one CodeMirror transaction, one undo step). */
  changes: TextChange[];
  /** Old label -> new label, for every label that had a citation or a definition. */
  mapping: Record<string, string>;
  /** New labels of definitions nobody cites; they come last in the references. */
  unused: string[];
}

const isNumeric = (label: string): boolean => /^\d+$/.test(label);

/**
 * Renumber and tidy: citations are numbered 1, 2, 3… in order of first citation (so the text
 * matches what the preview shows), every citation and definition gets its new label, and the
 * definitions are sorted into that order in the references section (the last block of
 * definitions). Definitions nobody cites are kept, after the others. No definition is lost:
 * duplicates keep their text and both move; definitions inside lists or quotes are relabelled in
 * place.
 */
export function planRenumber(text: string, options: RenumberOptions = {}): RenumberPlan {
  const footnotes = indexArticleFootnotes(text);
  const sequence = [...footnotes.order, ...footnotes.unusedDefinitions];
  const mapping: Record<string, string> = {};
  let next = 1;
  for (const label of sequence) {
    mapping[label] = isNumeric(label) || options.convertNamedLabels ? String(next++) : label;
  }
  const relabel = (label: string): string => mapping[label] ?? label;

  const runs = definitionRuns(text, footnotes.definitions);
  const moved = runs.flatMap((run) => run.definitions);
  const insideMoved = (offset: number): FootnoteDefinition | undefined =>
    moved.find((definition) => offset >= definition.from && offset < definition.to);

  const changes: TextChange[] = [];
  for (const reference of footnotes.references) {
    const label = relabel(reference.label);
    if (label === reference.label || insideMoved(reference.from)) continue;
    changes.push({ from: reference.from + 2, to: reference.to - 1, insert: label });
  }

  const rank = new Map(sequence.map((label, i) => [label, i]));
  /** The definition's lines with its label and any citation inside it (a footnote citing another) relabelled. */
  const rewritten = (definition: FootnoteDefinition): string => {
    let out = `[^${relabel(definition.label)}]`;
    let at = definition.from + definition.label.length + 3;
    for (const reference of footnotes.references) {
      if (reference.from < at || reference.to > definition.to) continue;
      out += text.slice(at, reference.from) + `[^${relabel(reference.label)}]`;
      at = reference.to;
    }
    return out + text.slice(at, definition.to);
  };

  for (const definition of footnotes.definitions) {
    if (startsLine(text, definition)) continue;
    const label = relabel(definition.label);
    const labelFrom = definition.from + 2;
    if (label !== definition.label)
      changes.push({ from: labelFrom, to: labelFrom + definition.label.length, insert: label });
  }

  const target = runs[runs.length - 1];
  if (target) {
    const sorted = moved
      .map((definition, i) => ({ definition, i }))
      .sort(
        (a, b) =>
          (rank.get(a.definition.label) ?? 0) - (rank.get(b.definition.label) ?? 0) || a.i - b.i,
      )
      .map(({ definition }) => rewritten(definition));
    const block = sorted.join(target.separator);
    const replaced = minimalChange(text, target.from, target.to, block);
    if (replaced) changes.push(replaced);
    for (const run of runs.slice(0, -1)) changes.push(deletion(text, run.from, run.to));
  }

  return {
    changes: changes.sort((a, b) => a.from - b.from),
    mapping,
    unused: footnotes.unusedDefinitions.map(relabel),
  };
}

/** Removes a block of lines and the line break after it, and one blank line when it sat between two. */
function deletion(text: string, from: number, to: number): TextChange {
  let end = to;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  const blankBefore = from >= 2 && text[from - 1] === '\n' && text[from - 2] === '\n';
  if (blankBefore && text[end] === '\n') end++;
  return { from, to: end, insert: '' };
}
