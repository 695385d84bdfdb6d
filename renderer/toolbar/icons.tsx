import type { CommandId } from '../../shared/commands/commandRegistry';

/** 20x20 stroke icons, drawn for the toolbar; colour follows `currentColor`. */
const paths: Partial<
  Record<CommandId | 'close' | 'sidebar' | 'dot' | 'themeDark' | 'sidePanels', React.JSX.Element>
> = {
  'format.bold': <path d="M6 4h5a3 3 0 0 1 0 6H6zM6 10h6a3 3 0 0 1 0 6H6z" strokeWidth="2.2" />,
  'format.italic': <path d="M12 4H8.5M11.5 16H8M11 4l-2 12" />,
  'format.strikethrough': (
    <path d="M4 10h12M13.5 6.5C13 5 11.7 4 10 4 7.8 4 6.5 5.2 6.5 6.8M6.5 13.5C7 15 8.3 16 10 16c2.2 0 3.5-1.2 3.5-2.8" />
  ),
  'format.inlineCode': <path d="M7.5 6 3.5 10l4 4M12.5 6l4 4-4 4" />,
  'format.heading2': (
    <>
      <path d="M3 5v10M10 5v10M3 10h7" />
      <path
        d="M13 9.2c.3-1 1.1-1.5 2-1.5 1.1 0 1.9.7 1.9 1.7 0 1.8-3.9 2.8-3.9 5.6h4"
        strokeWidth="1.4"
      />
    </>
  ),
  'format.heading3': (
    <>
      <path d="M3 5v10M10 5v10M3 10h7" />
      <path
        d="M13 8h3.6l-2 2.4c1.3 0 2.3.7 2.3 1.9 0 1.3-1 2.2-2.3 2.2-.8 0-1.5-.3-1.9-.9"
        strokeWidth="1.4"
      />
    </>
  ),
  'format.quote': (
    <path d="M4 14.5V11c0-3 1.5-5 4-5.8M11 14.5V11c0-3 1.5-5 4-5.8M4 11h3.5v3.5H4zM11 11h3.5v3.5H11z" />
  ),
  'format.bulletList': (
    <>
      <path d="M8 5.5h9M8 10h9M8 14.5h9" />
      <circle cx="4" cy="5.5" r="1" fill="currentColor" />
      <circle cx="4" cy="10" r="1" fill="currentColor" />
      <circle cx="4" cy="14.5" r="1" fill="currentColor" />
    </>
  ),
  'format.orderedList': (
    <>
      <path d="M8.5 5.5h8.5M8.5 10h8.5M8.5 14.5h8.5" />
      <path
        d="M3.2 4.3 4.4 3.6v4M3 12.6c.2-.6.7-.9 1.3-.9.7 0 1.2.4 1.2 1 0 1-2.5 1.6-2.5 3.3h2.6"
        strokeWidth="1.2"
      />
    </>
  ),
  'insert.link': (
    <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-1 1M11.5 8.5a3 3 0 0 0-4.2 0L4.7 11.1a3 3 0 0 0 4.2 4.2l1-1" />
  ),
  'insert.image': (
    <>
      <rect x="3" y="4" width="14" height="12" rx="2" />
      <circle cx="7.5" cy="8.2" r="1.3" />
      <path d="m3.5 14.5 4-4 3 3 2-2 4 3.5" />
    </>
  ),
  'insert.citation': (
    <>
      <path d="M4 15V5.5A1.5 1.5 0 0 1 5.5 4H15v10.5H5.5A1.5 1.5 0 0 0 4 16h11" />
      <path d="M8 7.5h4M8 10h3" />
    </>
  ),
  'insert.table': <path d="M3.5 4.5h13v11h-13zM3.5 8.5h13M3.5 12h13M8 8.5v7M12.5 8.5v7" />,
  'view.layoutEditor': <path d="M3.5 4.5h13v11h-13zM6 8h8M6 10.5h8M6 13h5" />,
  'view.layoutSplit': (
    <path d="M3.5 4.5h13v11h-13zM10 4.5v11M5.5 8h3M5.5 10.5h3M11.5 8h3M11.5 10.5h3" />
  ),
  'view.layoutPreview': (
    <path d="M3.5 4.5h13v11h-13zM6 7.5h8M6 10h4.5M11.5 10h2.5v3h-2.5zM6 12.5h4.5" />
  ),
  'view.focusMode': (
    <>
      <circle cx="10" cy="10" r="2.2" />
      <path d="M3.5 7V3.5H7M13 3.5h3.5V7M16.5 13v3.5H13M7 16.5H3.5V13" />
    </>
  ),
  'view.typewriterMode': <path d="M3.5 8.5h13v6h-13zM6 4h8v4.5M6 11.5h8M10 14.5v2" />,
  'view.toggleTheme': <path d="M15.5 12.2A6 6 0 0 1 7.8 4.5a6 6 0 1 0 7.7 7.7z" />,
  'view.toggleSidebar': <path d="M3.5 4.5h13v11h-13zM8 4.5v11" />,
  'window.settings': (
    <>
      <circle cx="10" cy="10" r="2.3" />
      <path d="M10 2.8v2.1M10 15.1v2.1M2.8 10h2.1M15.1 10h2.1M4.9 4.9l1.5 1.5M13.6 13.6l1.5 1.5M4.9 15.1l1.5-1.5M13.6 6.4l1.5-1.5" />
    </>
  ),
  close: <path d="m6 6 8 8M14 6l-8 8" />,
  sidePanels: <path d="M3.5 4.5h13v11h-13zM12 4.5v11" />,
};

export function Icon({ name }: { name: keyof typeof paths }): React.JSX.Element | null {
  const content = paths[name];
  if (!content) return null;
  return (
    <svg
      className="icon"
      viewBox="0 0 20 20"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {content}
    </svg>
  );
}

export type IconName = keyof typeof paths;
