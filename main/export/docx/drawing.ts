import { xmlAttribute } from './xml';

/** English Metric Units per pixel at 96 dpi. */
const emuPerPixel = 9525;

export interface InlinePicture {
  /** The picture's relationship id in the part that shows it. */
  relationshipId: string;
  /** Unique among the document's drawings. */
  drawingId: number;
  name: string;
  /** Alternative text, also its title; none when empty. */
  alt: string;
  width: number;
  height: number;
}

/** A picture in the line of text, sized in pixels, its aspect ratio locked. */
export function inlinePictureRun(picture: InlinePicture): string {
  const cx = picture.width * emuPerPixel;
  const cy = picture.height * emuPerPixel;
  const alt = picture.alt
    ? ` descr="${xmlAttribute(picture.alt)}" title="${xmlAttribute(picture.alt)}"`
    : '';
  return (
    '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">' +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    `<wp:docPr id="${picture.drawingId}" name="${xmlAttribute(picture.name)}"${alt}/>` +
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>' +
    `<pic:blipFill><a:blip r:embed="${picture.relationshipId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}
