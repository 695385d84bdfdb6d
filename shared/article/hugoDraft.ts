/** The front matter formats, as Hugo decodes each: YAML integers are Go ints, TOML's int64s. */
export type FrontMatterSyntax = 'yaml' | 'toml' | 'json' | 'none';

/** The strings Go's strconv.ParseBool reads as true. */
const trueStrings = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * Whether Hugo (0.111) builds the page as a draft: it reads `draft` with Go's cast.ToBool, which
 * takes a boolean, a string ParseBool reads as true (`"true"`, `"t"`, `"1"`), or a non-zero Go
 * `int`. Only YAML decodes integers to `int`: TOML's int64, JSON's and every float are no draft.
 * Checked against hugo (tests/parity/frontMatterParity.test.ts). A YAML float written as a whole
 * number (`draft: 1.0`) reads as the int here: JavaScript has one kind of number.
 */
export function isHugoDraft(value: unknown, syntax: FrontMatterSyntax): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return trueStrings.has(value);
  if (typeof value === 'number' && syntax === 'yaml') return Number.isInteger(value) && value !== 0;
  return false;
}
