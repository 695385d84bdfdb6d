import type { RequestHandlers } from '../../shared/ipc/contract';
import { readRenderProfile } from '../site/siteConfig';
import { listWorkspaceImages, loadWorkspaceSchema } from './workspaceSchemaService';

/**
 * `workspace.schema` and `workspace.listImages` for the front-matter panel, and
 * `workspace.renderProfile` (the site's Goldmark settings) for the preview.
 */
export function createSchemaHandlers(
  workspaceRoot: () => string,
): Pick<RequestHandlers, 'workspace.schema' | 'workspace.listImages' | 'workspace.renderProfile'> {
  return {
    'workspace.renderProfile': () => readRenderProfile(workspaceRoot()),
    'workspace.schema': () => loadWorkspaceSchema(workspaceRoot()),
    'workspace.listImages': () => listWorkspaceImages(workspaceRoot()),
  };
}
