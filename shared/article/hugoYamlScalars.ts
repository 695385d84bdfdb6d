import {
  parseDocument,
  Scalar,
  type DocumentOptions,
  type ParseOptions,
  type ScalarTag,
  type SchemaOptions,
} from 'yaml';

/**
 * The plain scalars Hugo 0.111 reads as something other than text. Hugo decodes YAML front matter
 * with go-yaml v2, which follows YAML 1.1 in its own way (resolve.go): `yes`/`no`/`on`/`off`/`y`/`n`
 * are booleans, `1_000` and `0755` (octal) are integers, but sexagesimal `12:30` stays text, unlike
 * the `yaml` package's own YAML 1.1 schema. Everything not matched here is a string; timestamps
 * too, as go-yaml hands an untyped date back as the text it was.
 *
 * go-yaml removes every `_` from a scalar starting with a digit or a sign, then asks Go's
 * strconv: an integer (0x, 0o, 0b or a leading 0 for octal) within 64 bits, else a float in
 * YAML's decimal notation. A scalar starting with `.` goes to strconv.ParseFloat as it is, where
 * `_` may only sit between digits.
 */

/** Go's integers after the underscores are removed: `_` may follow the first character anywhere. */
const GO_INT =
  /^(?:[-+]_*)?(?:0_*[xX]_*[\da-fA-F][\da-fA-F_]*|0_*[oO]_*[0-7][0-7_]*|0_*[bB]_*[01][01_]*|0[0-7_]*|[1-9][\d_]*)$/;

/** YAML's decimal float once the underscores are removed (the scalar starts with a digit or sign). */
const GO_DECIMAL_FLOAT =
  /^(?:[-+]_*(?:\._*\d[\d_]*|\d[\d_]*(?:\.[\d_]*)?)|\d[\d_]*(?:\.[\d_]*)?)(?:[eE]_*(?:[-+]_*)?\d[\d_]*)?$/;

/** A float starting with `.`, as Go's ParseFloat takes it. */
const GO_DOT_FLOAT = /^\.\d(?:_?\d)*(?:[eE][-+]?\d(?:_?\d)*)?$/;

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

const withoutUnderscores = (source: string): string => source.replace(/_/g, '');

/** Go's ParseFloat refuses a value beyond float64; go-yaml then keeps the text. */
function goFloat(source: string, digits: string): number | Scalar {
  const value = Number(digits);
  return Number.isFinite(value) ? value : new Scalar(source);
}

function goInt(source: string): number | Scalar {
  const plain = withoutUnderscores(source);
  const negative = plain.startsWith('-');
  const unsigned = plain.replace(/^[-+]/, '');
  const leadingZeroOctal = /^0[0-7]+$/.test(unsigned);
  const magnitude = BigInt(leadingZeroOctal ? `0o${unsigned.slice(1)}` : unsigned);
  const value = negative ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= UINT64_MAX) return Number(value);
  // Beyond 64 bits: decimal digits become a float (even after a leading 0), anything else text.
  return /^\d+$/.test(unsigned) ? goFloat(source, plain) : new Scalar(source);
}

const stringifyBool = ({ value }: Scalar): string => (value ? 'true' : 'false');

const stringifyNumber = ({ value }: Scalar): string =>
  Number.isNaN(value)
    ? '.nan'
    : value === Infinity
      ? '.inf'
      : value === -Infinity
        ? '-.inf'
        : String(value);

const trueTag: ScalarTag = {
  identify: (value) => value === true,
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:[yY]|[yY]es|YES|[tT]rue|TRUE|[oO]n|ON)$/,
  resolve: () => new Scalar(true),
  stringify: stringifyBool,
};

const falseTag: ScalarTag = {
  identify: (value) => value === false,
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:[nN]|[nN]o|NO|[fF]alse|FALSE|[oO]ff|OFF)$/,
  resolve: () => new Scalar(false),
  stringify: stringifyBool,
};

const nullTag: ScalarTag = {
  identify: (value) => value === null || value === undefined,
  default: true,
  tag: 'tag:yaml.org,2002:null',
  test: /^(?:~|[nN]ull|NULL)?$/,
  resolve: () => new Scalar(null),
  stringify: ({ source }) =>
    typeof source === 'string' && /^(?:~|[nN]ull|NULL)$/.test(source) ? source : 'null',
};

const intTag: ScalarTag = {
  identify: (value) => typeof value === 'number' && Number.isInteger(value),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: GO_INT,
  resolve: goInt,
  stringify: stringifyNumber,
};

const floatSpecialTag: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (source) =>
    source.endsWith('nan') || source.endsWith('NaN') || source.endsWith('NAN')
      ? NaN
      : source.startsWith('-')
        ? -Infinity
        : Infinity,
  stringify: stringifyNumber,
};

const decimalFloatTag: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: GO_DECIMAL_FLOAT,
  resolve: (source) => goFloat(source, withoutUnderscores(source)),
  stringify: stringifyNumber,
};

const dotFloatTag: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: GO_DOT_FLOAT,
  resolve: (source) => goFloat(source, withoutUnderscores(source)),
  stringify: stringifyNumber,
};

/** In go-yaml's order: an integer is tried before a float (`0755` is octal, `089` a float). */
export const HUGO_YAML_SCALAR_TAGS: ScalarTag[] = [
  nullTag,
  trueTag,
  falseTag,
  intTag,
  floatSpecialTag,
  decimalFloatTag,
  dotFloatTag,
];

/** Is this plain scalar text for Hugo (no null, boolean or number)? */
export function isPlainText(source: string): boolean {
  return !HUGO_YAML_SCALAR_TAGS.some((tag) => tag.test?.test(source) === true);
}

const YAML_12_CORE: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  version: '1.2',
  resolveKnownTags: false,
};

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Does a plain scalar mean something else to Hugo than its spelling says? True for the YAML 1.1
 * readings that YAML 1.2 tools (and a writer's eye) do not share: `yes` is true, `0755` is 493,
 * `1_000` is 1000. `true`, `12` or `0x1F` read the same everywhere.
 */
export function hugoReadsOtherwise(source: string, hugoValue: unknown): boolean {
  if (typeof hugoValue !== 'boolean' && typeof hugoValue !== 'number') return false;
  // The usual spellings, without a parse: the checklist runs at every pause in typing.
  if (/^(?:true|false|-?(?:0|[1-9]\d{0,14}))$/.test(source)) return false;
  const doc = parseDocument(source, YAML_12_CORE);
  return doc.errors.length > 0 || !sameValue(doc.toJS(), hugoValue);
}
