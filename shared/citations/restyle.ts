import type { TextChange } from '../article/textChange';
import { minimalChange } from '../article/textChange';
import type { FootnoteDefinition } from '../footnotes/footnoteIndex';
import { indexArticleFootnotes } from './citationAnalysis';
import { definitionTextStart } from './definitionLayout';

/** One definition as the restyle step sees it: its text, and where that text sits. */
export interface DefinitionSlot {
  label: string;
  text: string;
  from: number;
  to: number;
}

/** Single-line definitions: the ones a style can rewrite (multi-line ones are free text). */
export function definitionSlots(text: string): DefinitionSlot[] {
  return indexArticleFootnotes(text)
    .definitions.filter(
      (definition: FootnoteDefinition) =>
        !text.slice(definition.from, definition.to).includes('\n'),
    )
    .map((definition) => {
      const from = definitionTextStart(text, definition);
      return {
        label: definition.label,
        text: text.slice(from, definition.to).trimEnd(),
        from,
        to: definition.to,
      };
    });
}

/**
 * Replaces the text of each definition whose new text is given (null: leave it alone, as for
 * free text nobody could parse). Labels and everything else stay as they are.
 */
export function planRestyle(
  text: string,
  slots: readonly DefinitionSlot[],
  replacements: readonly (string | null)[],
): TextChange[] {
  const changes: TextChange[] = [];
  slots.forEach((slot, i) => {
    const replacement = replacements[i];
    if (replacement == null || !replacement.trim()) return;
    const change = minimalChange(
      text,
      slot.from,
      slot.from + slot.text.length,
      replacement.replace(/\s*\n\s*/g, ' ').trim(),
    );
    if (change) changes.push(change);
  });
  return changes;
}
