import type { CslItem, DefinitionLanguage } from '../../shared/citations';
import { formatNewsDefinition } from '../../shared/citations';
import type { ReferencesStyleName } from '../../shared/citations/referenceSchemas';
import { CSL_TEMPLATES, formatCsl, setupCitationJs } from './citationJs';

/** A footnote definition is one line of Markdown: collapse the processor's line breaks and spacing. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Formats sources as footnote definition texts. News style is Byline's own (shared, exact round
 * trip with the sample articles); APA 7 and GB/T 7714-2015 go through citeproc-js with the CSL
 * files bundled in assets/csl.
 */
export class ReferenceFormatter {
  constructor(private readonly cslDir: string) {}

  format(item: CslItem, style: ReferencesStyleName, language: DefinitionLanguage): string {
    if (style === 'news') return formatNewsDefinition(item, language);
    setupCitationJs(this.cslDir);
    const { template, lang } = style === 'apa' ? CSL_TEMPLATES.apa : CSL_TEMPLATES.gbt;
    const text = oneLine(formatCsl({ ...item, id: item.id || 'item' }, template, lang));
    // GB/T numbers its list ("[1] "); the footnote label already is the number.
    return style === 'gb-t-7714' ? text.replace(/^\[\d+\]\s*/, '') : text;
  }

  /** Every form the item may already have in an article, for recognising restyled definitions. */
  allForms(item: CslItem): string[] {
    const forms = new Set<string>();
    for (const style of ['news', 'apa', 'gb-t-7714'] as const) {
      for (const language of ['zh', 'en'] as const) {
        if (style !== 'news' && language === 'en') continue;
        try {
          forms.add(this.format(item, style, language));
        } catch {
          // A malformed library entry cannot be rendered in that style; it simply never matches.
        }
      }
    }
    return [...forms];
  }
}
