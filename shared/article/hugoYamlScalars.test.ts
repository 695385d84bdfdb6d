import { describe, expect, it } from 'vitest';
import { parseYamlFrontMatter } from './yamlFrontMatter';

const valueOf = (plain: string): unknown => {
  const { data, error } = parseYamlFrontMatter(`v: ${plain}\n`);
  expect(error).toBeNull();
  return data?.['v'];
};

// What Hugo 0.111.3 (go-yaml v2) published for each plain scalar, read from a real build with
// `printf "%T %v"` (tests/parity/frontMatterParity.test.ts repeats the comparison against hugo).
const HUGO_READS: Array<[string, unknown]> = [
  ['yes', true],
  ['Yes', true],
  ['YES', true],
  ['y', true],
  ['Y', true],
  ['on', true],
  ['On', true],
  ['ON', true],
  ['True', true],
  ['no', false],
  ['No', false],
  ['NO', false],
  ['n', false],
  ['N', false],
  ['off', false],
  ['Off', false],
  ['OFF', false],
  ['FALSE', false],
  ['tRUE', 'tRUE'],
  ['yES', 'yES'],
  ['null', null],
  ['~', null],
  ['1_000', 1000],
  ['0755', 493],
  ['0o17', 15],
  ['0O17', 15],
  ['0x1F', 31],
  ['0X1F', 31],
  ['0x_1F', 31],
  ['0b101', 5],
  ['-0b101', -5],
  ['+0b11', 3],
  ['0_7', 7],
  ['-_1', -1],
  ['+_1', 1],
  ['1__', 1],
  ['-0', 0],
  ['08', 8],
  ['089', 89],
  ['+12', 12],
  ['1e3', 1000],
  ['1.', 1],
  ['.5', 0.5],
  ['.5e3', 500],
  ['.1_0', 0.1],
  ['+.5', 0.5],
  ['1_0.5', 10.5],
  ['1_000_000.5e1_0', 10000005000000000],
  ['.inf', Infinity],
  ['-.Inf', -Infinity],
  ['.NaN', NaN],
  ['9223372036854775808', 9223372036854775808],
  ['18446744073709551616', 18446744073709551616],
  ['0777777777777777777777777', 7.777777777777778e23],
  // Text for Hugo, though numbers in YAML 1.1 or 1.2 elsewhere.
  ['12:30', '12:30'],
  ['190:20:30', '190:20:30'],
  ['1:30.5', '1:30.5'],
  ['._5', '._5'],
  ['+.nan', '+.nan'],
  ['1e400', '1e400'],
  ['0x10000000000000000', '0x10000000000000000'],
  ['0x', '0x'],
  ['0b', '0b'],
  ['2024-05-01', '2024-05-01'],
  ['2024-05-01 10:00:00', '2024-05-01 10:00:00'],
];

describe('front matter YAML is read as Hugo reads it (go-yaml v2)', () => {
  it.each(HUGO_READS)('%s', (plain, expected) => {
    expect(valueOf(plain)).toStrictEqual(expected);
  });

  it('quoted scalars stay the text they spell', () => {
    expect(valueOf('"yes"')).toBe('yes');
    expect(valueOf("'0755'")).toBe('0755');
  });

  it('field names stay as written; nested keys are read like values, then become text', () => {
    const { data } = parseYamlFrontMatter('yes: a\n1_000: b\nmerge:\n  <<: {off: c}\n  0755: d\n');
    expect(data).toEqual({ yes: 'a', '1_000': 'b', merge: { false: 'c', '493': 'd' } });
  });
});
