import fc from 'fast-check';
import { stringify as stringifyToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify as stringifyYaml } from 'yaml';
import {
  applyChanges,
  joinArticle,
  parseArticle,
  planRemoveField,
  planSetField,
  splitArticle,
  type EditPlan,
  type FieldValue,
} from './index';
import { sameValue } from './sameValue';
import { YAML_PARSE_OPTIONS } from './yamlFrontMatter';

// Strings that trip naive YAML/TOML writers, plus arbitrary ASCII and Unicode text.
const trickyStrings = [
  '',
  ' ',
  'true',
  'False',
  'null',
  '~',
  'yes',
  'n',
  'Off',
  '0755',
  '1_000',
  '12:30',
  '123',
  '0x1F',
  '1e3',
  '.5',
  '2024-05-01',
  '2025-06-18T11:20:04+08:00',
  'a: b',
  'a #b',
  '# c',
  '- x',
  '[x]',
  '{a}',
  '*a',
  '&a',
  '!t',
  '%p',
  '@x',
  '`x',
  '|',
  '>',
  '? q',
  ' lead',
  'trail ',
  "it's",
  '"q"',
  'back\\slash',
  'multi\nline',
  'ends\n',
  'tab\tin',
  '---',
  '+++',
  '标题：冒号',
  '🎉',
  'é',
];
const text = fc.oneof(
  fc.constantFrom(...trickyStrings),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
// JSON cannot write -0, so the shared generator leaves it out.
const number = fc
  .oneof(
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  )
  .map((n) => (Object.is(n, -0) ? 0 : n));
const value: fc.Arbitrary<FieldValue> = fc.oneof(
  text,
  number,
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 5 }),
);
const keyArb = fc.constantFrom(
  'title',
  'date',
  'draft',
  'tags',
  'summary',
  'weight',
  'slug',
  'author',
  '标题',
  'series',
  'a_b',
  'x-y',
);
// Fields the form never edits (nested maps) must survive edits to their neighbours.
const nested = fc.dictionary(
  fc.constantFrom('a', 'b', '子'),
  fc.oneof(text, number, fc.array(text, { maxLength: 2 })),
  { maxKeys: 3 },
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: value },
  { weight: 1, arbitrary: nested },
);
const fields = fc.uniqueArray(fc.tuple(keyArb, anyValue), {
  selector: ([key]) => key,
  minLength: 1,
  maxLength: 7,
});
const layout = fc.record({
  crlf: fc.boolean(),
  bom: fc.boolean(),
  body: fc.constantFrom('', '\nBody text.\n', '# 标题\n\n---\n\nMore.\n'),
});

function changesOf(plan: EditPlan) {
  if ('error' in plan)
    throw new Error(
      `${plan.error.kind}: ${plan.error.message} (${plan.error.line}:${plan.error.column})`,
    );
  return plan.changes;
}

function isFieldValue(value: unknown): value is FieldValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function withEol(source: string, crlf: boolean): string {
  return crlf ? source.replace(/\n/g, '\r\n') : source;
}

function toObject(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  return Object.fromEntries(entries);
}

/** The properties every format must satisfy for an article `text` holding `data`. */
function checkEdits(
  source: string,
  data: Record<string, unknown>,
  key: string,
  next: FieldValue,
): void {
  // Lossless split, and the parse sees exactly the generated fields.
  const parts = splitArticle(source);
  expect(joinArticle(parts)).toBe(source);
  const parsed = parseArticle(source);
  expect(parsed.error).toBeNull();
  expect(sameValue(parsed.data, data)).toBe(true);

  // Setting any field to its current value changes nothing.
  for (const [name, current] of Object.entries(data)) {
    if (isFieldValue(current)) expect(changesOf(planSetField(source, name, current))).toEqual([]);
  }

  // Setting one field touches only that field: the new value reads back, every other field is
  // unchanged, edits stay inside the front matter, and removing the field from the old and the
  // new text gives the same text (so no other line changed).
  const changes = changesOf(planSetField(source, key, next));
  const content = parts.frontMatter?.contentRange;
  for (const change of changes) {
    expect(change.from).toBeGreaterThanOrEqual(content?.from ?? 0);
    expect(change.to).toBeLessThanOrEqual(content?.to ?? 0);
  }
  const edited = applyChanges(source, changes);
  const reparsed = parseArticle(edited);
  expect(reparsed.error).toBeNull();
  expect(sameValue(reparsed.data?.[key], next)).toBe(true);
  for (const [name, current] of Object.entries(data)) {
    if (name !== key) expect(sameValue(reparsed.data?.[name], current)).toBe(true);
  }
  expect(reparsed.parts.body).toBe(parts.body);
  expect(applyChanges(edited, changesOf(planRemoveField(edited, key)))).toBe(
    applyChanges(source, changesOf(planRemoveField(source, key))),
  );
}

// FC_RUNS=5000 for a longer local soak.
const RUNS = { numRuns: Number(process.env['FC_RUNS'] ?? 150) };

describe('property: YAML front matter', () => {
  const style = fc.record({
    defaultStringType: fc.constantFrom(
      'PLAIN',
      'QUOTE_DOUBLE',
      'QUOTE_SINGLE',
      'BLOCK_LITERAL',
      'BLOCK_FOLDED',
    ),
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    lineWidth: fc.constantFrom(0, 24, 80),
    indentSeq: fc.boolean(),
    comment: fc.boolean(),
  } as const);

  it('round-trips byte for byte and edits one field at a time', () => {
    fc.assert(
      fc.property(fields, style, layout, keyArb, value, (entries, yamlStyle, page, key, next) => {
        const data = toObject(entries);
        const { comment, ...options } = yamlStyle;
        // Written for Hugo's reading of YAML, which is Byline's: `yes` and `0755` in quotes.
        let yaml = stringifyYaml(data, { ...YAML_PARSE_OPTIONS, ...options, minContentWidth: 0 });
        if (comment) yaml = `# top comment\n${yaml}# bottom comment\n`;
        const source =
          (page.bom ? '\uFEFF' : '') + withEol(`---\n${yaml}---\n${page.body}`, page.crlf);
        // Skip the rare generated text that closes the block early (a line that is just "---"),
        // and the few cases where the yaml package's stringify emits invalid YAML ("k:\n[]").
        fc.pre(splitArticle(source).frontMatter?.content === withEol(yaml, page.crlf));
        const check = parseDocument(yaml, YAML_PARSE_OPTIONS);
        fc.pre(check.errors.length === 0 && sameValue(check.toJS(), data));
        checkEdits(source, data, key, next);
      }),
      RUNS,
    );
  });
});

describe('property: TOML front matter', () => {
  const tomlValue: fc.Arbitrary<FieldValue> = fc.oneof(
    text,
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.boolean(),
    fc.array(text, { maxLength: 4 }),
  );
  const tomlFields = fc.uniqueArray(fc.tuple(keyArb, tomlValue), {
    selector: ([key]) => key,
    minLength: 1,
    maxLength: 6,
  });

  it('round-trips byte for byte and edits one field at a time', () => {
    fc.assert(
      fc.property(tomlFields, layout, keyArb, tomlValue, (entries, page, key, next) => {
        const data = toObject(entries);
        const toml = stringifyToml(data);
        const source =
          (page.bom ? '\uFEFF' : '') + withEol(`+++\n${toml}\n+++\n${page.body}`, page.crlf);
        fc.pre(splitArticle(source).frontMatter?.format === 'toml');
        checkEdits(source, data, key, next);
      }),
      RUNS,
    );
  });
});

describe('property: JSON front matter', () => {
  const jsonValue: fc.Arbitrary<FieldValue> = fc.oneof(
    text,
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(text, { maxLength: 4 }),
  );
  const jsonFields = fc.uniqueArray(
    fc.tuple(
      keyArb,
      fc.oneof({ weight: 4, arbitrary: jsonValue }, { weight: 1, arbitrary: nested }),
    ),
    {
      selector: ([key]) => key,
      minLength: 1,
      maxLength: 6,
    },
  );

  it('round-trips byte for byte and edits one field at a time', () => {
    fc.assert(
      fc.property(
        jsonFields,
        layout,
        fc.constantFrom(0, 2, 4, '\t'),
        keyArb,
        jsonValue,
        (entries, page, indent, key, next) => {
          const data = toObject(entries);
          const source =
            (page.bom ? '\uFEFF' : '') +
            withEol(`${JSON.stringify(data, null, indent)}\n${page.body}`, page.crlf);
          checkEdits(source, data, key, next);
        },
      ),
      RUNS,
    );
  });
});
