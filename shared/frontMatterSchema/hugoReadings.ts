import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ArticleModel } from '../article/frontMatter';
import { hugoReadsOtherwise } from '../article/hugoYamlScalars';

/** A plain YAML value Hugo publishes as something other than its spelling. */
export interface HugoReading {
  /** The top-level field it sits in (possibly nested inside it). */
  field: string;
  /** The value as written, e.g. `yes`. */
  written: string;
  /** What Hugo publishes, e.g. `true`. */
  value: string;
}

function collect(node: unknown, field: string, out: HugoReading[]): void {
  if (isScalar(node)) {
    const written = node.source;
    if (
      node.type === 'PLAIN' &&
      typeof written === 'string' &&
      hugoReadsOtherwise(written, node.value)
    )
      out.push({ field, written, value: String(node.value) });
  } else if (isMap(node) || isSeq(node)) {
    for (const item of node.items) collect(isPair(item) ? item.value : item, field, out);
  }
}

/**
 * The values of YAML front matter whose spelling Hugo reads as a boolean or number (YAML 1.1):
 * `title: yes` publishes "true", `draft: no` is false, `code: 0755` is 493.
 */
export function hugoReadings(model: ArticleModel): HugoReading[] {
  if (model.syntax !== 'yaml' || model.error || !isMap(model.doc.contents)) return [];
  const out: HugoReading[] = [];
  for (const pair of model.doc.contents.items) {
    if (isScalar(pair.key)) collect(pair.value as Node | null, String(pair.key.value), out);
  }
  return out;
}
