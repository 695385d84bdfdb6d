import { describe, expect, it } from 'vitest';
import { createNodeSanitizer } from './nodeSanitizer';

describe('createNodeSanitizer', () => {
  it('sanitizes in Node with a jsdom window', () => {
    const sanitize = createNodeSanitizer();
    expect(sanitize('<p data-line="2" onclick="alert(1)">x<script>alert(1)</script></p>')).toBe(
      '<p data-line="2">x</p>',
    );
  });
});
