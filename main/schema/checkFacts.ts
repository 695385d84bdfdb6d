import { existsSync } from 'node:fs';
import path from 'node:path';
import { findImage } from '../../shared/frontMatterSchema/imagePaths';
import type { WorkspaceSchema } from '../../shared/frontMatterSchema/schemaTypes';
import { leavesRoot } from '../workspace/resolveInWorkspace';
import { findSchemaRoot, loadWorkspaceSchema } from './workspaceSchemaService';

export interface CheckSchemaFacts {
  /** The schema of the workspace holding `.byline/schema.yml` above the checked path; undefined when none. */
  schema: WorkspaceSchema | undefined;
  /** The workspace root: the folder with `.byline/`, else the checked folder. */
  root: string;
  /** Does an image value of `articleFile` name an existing file (beside it, at the site root or in static/)? */
  imageExists(articleFile: string, source: string): boolean;
  /**
   * Does this absolute path exist? Asked once per path and run: a folder of articles names the
   * same few images (a site-wide default) hundreds of times.
   */
  pathExists(absolute: string): boolean;
}

/** What `byline check` knows about the workspace of `target` (a file or folder). */
export async function loadCheckFacts(target: string): Promise<CheckSchemaFacts> {
  const absolute = path.resolve(target);
  const schemaRoot = await findSchemaRoot(absolute);
  const root =
    schemaRoot ??
    (existsSync(absolute) && !/\.(md|markdown)$/i.test(absolute)
      ? absolute
      : path.dirname(absolute));
  const known = new Map<string, boolean>();
  const pathExists = (file: string): boolean => {
    let exists = known.get(file);
    if (exists === undefined) {
      exists = existsSync(file);
      known.set(file, exists);
    }
    return exists;
  };
  return {
    pathExists,
    schema: schemaRoot ? await loadWorkspaceSchema(schemaRoot) : undefined,
    root,
    imageExists(articleFile, source) {
      const articlePath = path.relative(root, articleFile).split(path.sep).join('/');
      if (leavesRoot(articlePath)) return false;
      return (
        findImage(articlePath, source, (workspacePath) =>
          pathExists(path.join(root, ...workspacePath.split('/'))),
        ) !== null
      );
    },
  };
}
