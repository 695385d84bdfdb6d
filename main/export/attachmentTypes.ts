import path from 'node:path';

/**
 * What an export may copy next to the article: files a reader of the published page can use.
 * Anything else a link names (`.env`, `id_rsa`, `config`, source code, databases) stays behind,
 * since a link in an article received from a stranger may point at the writer's secrets.
 */
const imageTypes = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.bmp'];
const mediaTypes = ['.mp3', '.m4a', '.aac', '.ogg', '.oga', '.opus', '.wav', '.flac'];
const videoTypes = ['.mp4', '.m4v', '.webm', '.mov', '.ogv'];
const documentTypes = [
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.rtf',
  '.epub',
];
const archiveTypes = ['.zip', '.tar', '.gz', '.tgz', '.bz2', '.xz', '.7z', '.rar'];

export const imageExtensions: ReadonlySet<string> = new Set(imageTypes);
const attachmentExtensions: ReadonlySet<string> = new Set([
  ...imageTypes,
  ...mediaTypes,
  ...videoTypes,
  ...documentTypes,
  ...archiveTypes,
]);

/** True when `relativePath` (inside the root) names an allowed type and no part of it is a dot name. */
export function isCopyableAttachment(relativePath: string): boolean {
  const segments = relativePath.split(/[\\/]/);
  if (segments.some((segment) => segment.startsWith('.'))) return false;
  return attachmentExtensions.has(path.extname(relativePath).toLowerCase());
}
