import { describe, expect, it } from 'vitest';
import { hugoDefaultProfile } from '../markdown/renderProfile';
import { lowerCaseKeys, mergeConfig, profileFromSiteConfig, type SiteConfig } from './siteProfile';

const config = (value: unknown): SiteConfig => lowerCaseKeys(value) as SiteConfig;

describe('profileFromSiteConfig', () => {
  it("is Hugo's defaults for an empty configuration", () => {
    expect(profileFromSiteConfig({})).toEqual({ ...hugoDefaultProfile, origin: 'hugo-site' });
  });

  it('honours Goldmark switches, case-insensitively, and baseURL', () => {
    const profile = profileFromSiteConfig(
      config({
        baseURL: 'https://example.org/cn',
        markup: {
          goldmark: {
            renderer: { unsafe: true, hardWraps: true },
            extensions: {
              typographer: false,
              linkify: false,
              strikethrough: false,
              table: false,
              footnote: false,
              definitionList: false,
              CJK: { enable: true },
            },
            parser: { attribute: { title: false } },
          },
        },
      }),
    );
    expect(profile).toEqual({
      origin: 'hugo-site',
      unsafe: true,
      hardWraps: true,
      typographer: false,
      linkify: false,
      strikethrough: false,
      table: false,
      footnote: false,
      definitionList: false,
      cjk: true,
      headingAttributes: false,
      baseURL: 'https://example.org/cn/',
    });
  });

  it('reads the typographer as a table (newer Hugo) too', () => {
    const table = config({
      markup: { goldmark: { extensions: { typographer: { disable: true } } } },
    });
    expect(profileFromSiteConfig(table).typographer).toBe(false);
  });

  it('merges config/_default over the root file', () => {
    const merged = mergeConfig(
      config({ baseURL: 'https://a.org/', markup: { goldmark: { renderer: { unsafe: false } } } }),
      config({
        markup: { goldmark: { renderer: { unsafe: true }, extensions: { linkify: false } } },
      }),
    );
    expect(profileFromSiteConfig(merged)).toMatchObject({
      baseURL: 'https://a.org/',
      unsafe: true,
      linkify: false,
    });
  });
});
