import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defaultExportOptions,
  exportThemes,
  htmlImageModes,
  pageSizes,
  textLineEndings,
  withExportDefaults,
  type ExportOptions as PlainExportOptions,
  type ExportOptionsInput as PlainExportOptionsInput,
} from './exportChoices';
import { ExportOptions, type ExportOptionsInput } from './exportOptions';

// The zod schema and the plain defaults must describe the same options: the export service fills
// defaults without zod, the contract and the options file parse with it.
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
const validInput = fc.record(
  {
    theme: maybe(fc.constantFrom(...exportThemes)),
    html: maybe(fc.record({ images: maybe(fc.constantFrom(...htmlImageModes)) })),
    pdf: maybe(
      fc.record(
        {
          pageSize: maybe(fc.constantFrom(...pageSizes)),
          marginMm: maybe(fc.integer({ min: 5, max: 40 })),
          pageNumbers: maybe(fc.boolean()),
        },
        { requiredKeys: [] },
      ),
    ),
    docx: maybe(fc.record({ pageSize: fc.constantFrom(...pageSizes) }, { requiredKeys: [] })),
    hugo: maybe(fc.record({ addSlug: fc.boolean() }, { requiredKeys: [] })),
    txt: maybe(
      fc.record(
        { wrap: fc.integer({ min: 0, max: 200 }), eol: fc.constantFrom(...textLineEndings) },
        { requiredKeys: [] },
      ),
    ),
    allowRemoteImages: maybe(fc.boolean()),
  },
  { requiredKeys: [] },
);

describe('export choices without zod', () => {
  it('has the schema’s defaults', () => {
    expect(withExportDefaults()).toEqual(ExportOptions.parse({}));
    expect(defaultExportOptions).toEqual(ExportOptions.parse({}));
  });

  it('fills in defaults as the schema does for any valid input', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        expect(withExportDefaults(input)).toEqual(ExportOptions.parse(input));
      }),
      { numRuns: 500 },
    );
  });

  it('describes the same type as the schema', () => {
    expectTypeOf<PlainExportOptions>().toEqualTypeOf<ExportOptions>();
    expectTypeOf<PlainExportOptionsInput>().toEqualTypeOf<ExportOptionsInput>();
  });
});
