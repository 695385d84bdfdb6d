import type { RequestHandlers } from '../../shared/ipc/contract';
import { listWorkspaceImages, loadWorkspaceSchema } from './workspaceSchemaService';

/** `workspace.schema` and `workspace.listImages` for the front-matter panel. */
export function createSchemaHandlers(
  workspaceRoot: () => string,
): Pick<RequestHandlers, 'workspace.schema' | 'workspace.listImages'> {
  return {
    'workspace.schema': () => loadWorkspaceSchema(workspaceRoot()),
    'workspace.listImages': () => listWorkspaceImages(workspaceRoot()),
  };
}
