import { describe, expect, it } from 'vitest';
import { findRawHtmlImages, replaceRawHtmlImages, withImageSource } from './rawHtmlImages';

describe('findRawHtmlImages', () => {
  it('reads src and alt of each <img> with their offsets, the first of a repeated attribute', () => {
    const html = `<p>前<IMG Alt='夜&amp;景' src = "a b.png" src="second.png"/>后</p>`;
    const [image] = findRawHtmlImages(html);
    expect(image?.alt).toBe('夜&景');
    expect(image?.source?.url).toBe('a b.png');
    expect(html.slice(image?.from, image?.to)).toBe(
      `<IMG Alt='夜&amp;景' src = "a b.png" src="second.png"/>`,
    );
    expect(html.slice(image?.source?.from, image?.source?.to)).toBe('"a b.png"');
  });

  it('takes no <img from attribute values, comments or text that is not a tag', () => {
    const html =
      '<div title="<img src=in-attribute.png>"><!-- <img src=commented.png> -->' +
      '1 <img 2 < img src=spaced.png><img src=real.png></div>';
    expect(findRawHtmlImages(html).map((image) => image.source?.url)).toEqual(['real.png']);
  });

  it('gives null for an image without src', () => {
    expect(findRawHtmlImages('<img alt="无源" width=3>')[0]?.source).toBeNull();
  });
});

describe('replaceRawHtmlImages', () => {
  it('replaces tags it answers for, keeps the rest and the text between byte for byte', () => {
    const html = 'a<img src="x.png">b<img src=\'y.png\' alt=y>c';
    const out = replaceRawHtmlImages(html, (image) =>
      image.source?.url === 'y.png' ? withImageSource(html, image, '/asset/"y".png') : null,
    );
    expect(out).toBe('a<img src="x.png">b<img src="/asset/&quot;y&quot;.png" alt=y>c');
    expect(replaceRawHtmlImages(html, () => null)).toBe(html);
  });
});
