/** The list definitions in the reference numbering part (see buildReferenceParts.ts). */
const abstractNumIds = { bullet: 2, ordered: 3 } as const;

/**
 * The numbering instances of an article's lists, in order of first use after the reference's
 * default one (numId 1): every ordered list is an instance of its own, so each starts again at 1.
 */
export class ListNumbering {
  private readonly instances = new Map<string, number>();
  private readonly xmlParts: string[] = [];

  /** The numId of a bullet list (one instance for all) or of the ordered list `instance`. */
  numId(ordered: boolean, instance: number): number {
    const key = ordered ? `ordered ${instance}` : 'bullet';
    let numId = this.instances.get(key);
    if (numId === undefined) {
      numId = this.instances.size + 2;
      this.instances.set(key, numId);
      let overrides = '';
      for (let level = 0; level < 9; level++)
        overrides += `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="1"/></w:lvlOverride>`;
      this.xmlParts.push(
        `<w:num w:numId="${numId}"><w:abstractNumId w:val="${ordered ? abstractNumIds.ordered : abstractNumIds.bullet}"/>${overrides}</w:num>`,
      );
    }
    return numId;
  }

  /** The `<w:num>` elements to append to the reference's numbering part. */
  xml(): string {
    return this.xmlParts.join('');
  }
}
