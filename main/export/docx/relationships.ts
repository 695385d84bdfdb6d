import { xmlAttribute } from './xml';

const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
const officeRelationship = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The relationships every document part has: its styles, notes, settings, footer... */
const documentRelationships: readonly [type: string, target: string][] = [
  ['styles', 'styles.xml'],
  ['numbering', 'numbering.xml'],
  ['footnotes', 'footnotes.xml'],
  ['endnotes', 'endnotes.xml'],
  ['settings', 'settings.xml'],
  ['footer', 'footer1.xml'],
  ['theme', 'theme/theme1.xml'],
  ['fontTable', 'fontTable.xml'],
];

/** The footer's relationship id in the document part, for the section's footer reference. */
export const footerRelationshipId = 'rId6';

/**
 * The relationships of one part (the document, or the footnotes): the fixed ones, then the
 * hyperlinks and pictures it uses, each target given one id.
 */
export class PartRelationships {
  private readonly entries: string[] = [];
  private readonly ids = new Map<string, string>();

  constructor(withDocumentParts: boolean) {
    if (withDocumentParts)
      for (const [type, target] of documentRelationships) this.add(type, target, false);
  }

  private add(type: string, target: string, external: boolean): string {
    const key = `${type} ${target}`;
    let id = this.ids.get(key);
    if (id) return id;
    id = `rId${this.entries.length + 1}`;
    this.ids.set(key, id);
    this.entries.push(
      `<Relationship Id="${id}" Type="${officeRelationship}/${type}" Target="${xmlAttribute(target)}"${external ? ' TargetMode="External"' : ''}/>`,
    );
    return id;
  }

  hyperlink(url: string): string {
    return this.add('hyperlink', url, true);
  }

  /** `target` relative to word/, e.g. `media/image1.png`. */
  image(target: string): string {
    return this.add('image', target, false);
  }

  xml(): string {
    const start = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${packageRelationships}"`;
    return this.entries.length === 0
      ? `${start}/>`
      : `${start}>${this.entries.join('')}</Relationships>`;
  }
}
