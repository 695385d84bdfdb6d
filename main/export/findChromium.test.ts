import { afterEach, describe, expect, it } from 'vitest';
import { findChromium } from './chromiumPdfPrinter';

describe('findChromium', () => {
  const saved = {
    BYLINE_CHROMIUM: process.env.BYLINE_CHROMIUM,
    CHROME_PATH: process.env.CHROME_PATH,
  };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('takes $CHROME_PATH (the common convention) when $BYLINE_CHROMIUM is not set', () => {
    delete process.env.BYLINE_CHROMIUM;
    process.env.CHROME_PATH = process.execPath; // any existing executable stands in
    expect(findChromium()).toBe(process.execPath);
  });

  it('names a $CHROME_PATH that does not exist', () => {
    delete process.env.BYLINE_CHROMIUM;
    process.env.CHROME_PATH = '/nonexistent/chrome';
    expect(() => findChromium()).toThrow('"/nonexistent/chrome" does not exist');
  });
});
