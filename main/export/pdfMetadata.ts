import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import type { ArticleMetadata } from '../../shared/export/articleMetadata';

/**
 * Document properties from the front matter, which Chromium's printer cannot set (it writes the
 * page title only, and names itself as Creator): title, author, subject (the summary), keywords,
 * language, and Byline as Creator and Producer. Everything else in the file is kept as printed.
 */
export async function withArticleMetadata(
  bytes: Uint8Array,
  meta: ArticleMetadata,
  now: Date = new Date(),
): Promise<Uint8Array> {
  // In one go: pdf-lib otherwise pauses every 100 objects on a timer, which under load cost
  // more wall time than the parsing (a printed article has a few thousand objects at most).
  const pdf = await PDFDocument.load(bytes, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.authors.length > 0) pdf.setAuthor(meta.authors.join(', '));
  if (meta.lead) pdf.setSubject(meta.lead);
  if (meta.keywords.length > 0) pdf.setKeywords(meta.keywords);
  pdf.setLanguage(meta.lang);
  pdf.setCreator('Byline');
  pdf.setProducer('Byline (printed by Chromium)');
  pdf.setModificationDate(now);
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
