// `npm run parity -- <site-dir>`: how many articles of a Hugo site Byline renders as Hugo does.
import path from 'node:path';
import { compareSite } from './hugoParity';

const siteDir = process.argv[2];
if (!siteDir) {
  console.error('usage: npm run parity -- <hugo-site-dir> [--verbose]');
  process.exit(2);
}
const verbose = process.argv.includes('--verbose');
const result = await compareSite(path.resolve(siteDir));
for (const article of result.articles) {
  if (article.difference === null) continue;
  const what = article.textMatches ? 'structure' : 'text';
  console.log(`✗ ${article.file} (${what})`);
  if (verbose) console.log(`${article.difference}\n`);
}
const total = result.articles.length;
const rate = total === 0 ? 0 : (100 * result.matched) / total;
console.log(`parity: ${result.matched}/${total} articles match Hugo (${rate.toFixed(1)}%)`);
