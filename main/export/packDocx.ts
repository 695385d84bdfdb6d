import { Packer, type Document } from 'docx';
import { zipPackage, type PackageFileData } from './zipPackage';

interface PackageCompiler {
  compile(document: Document): Map<string, PackageFileData>;
}

/**
 * The compiler `Packer` keeps (not in docx's typings): it writes every part of the package, which
 * `Packer` then zips with a JavaScript deflate at a level it does not let us choose.
 */
export function docxCompiler(): PackageCompiler | null {
  const compiler = (Packer as unknown as { compiler?: Partial<PackageCompiler> }).compiler;
  return compiler && typeof compiler.compile === 'function' ? (compiler as PackageCompiler) : null;
}

/** Pictures in formats that are compressed already: deflating them again gains next to nothing. */
export const isCompressedMedia = (path: string): boolean =>
  /^word\/media\/[^/]+\.(?:png|jpe?g|gif)$/i.test(path);

/**
 * The .docx bytes of a document: the same parts, in the same order, as `Packer.toBuffer` writes,
 * zipped by Node's zlib, pictures already compressed stored as they are. Should a docx release no longer keep its compiler, `Packer` zips them.
 */
export async function packDocx(document: Document): Promise<Uint8Array> {
  const compiler = docxCompiler();
  if (!compiler) return new Uint8Array(await Packer.toBuffer(document));
  return zipPackage(compiler.compile(document), { store: isCompressedMedia });
}
