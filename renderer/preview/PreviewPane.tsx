import type { EditorView } from '@codemirror/view';
import { EditorView as View } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorSession } from '../workbench/editorSession';
import { useActiveView } from '../workbench/editorSession';
import { useLatest } from '../workbench/useLatest';
import { useWorkbench } from '../workbench/workbenchContext';
import type { RenderProfile } from '../../shared/markdown/renderProfile';
import type { PreviewController } from './previewController';
import type { AnchorSource } from './scrollSync';
import { articleThemeRoot } from './scopeThemeCss';
import { useArticleTheme } from './useArticleTheme';
import { domAnchors, lineForPreviewOffset, previewOffsetForLine } from './scrollSync';

interface PreviewPaneProps {
  session: EditorSession;
  controller: PreviewController;
  articlePath: string | null;
  /** Preview hidden (editor-only layout): scroll sync pauses. */
  hidden: boolean;
  /** How the workspace's site renders Markdown; shown as a small label. */
  profile: RenderProfile;
}

/** 0-based (fractional) source line at the top of the editor's visible area. */
function editorTopLine(view: EditorView): number {
  const scrollTop = view.scrollDOM.getBoundingClientRect().top;
  const docY = Math.max(0, scrollTop - view.documentTop);
  const block = view.lineBlockAtHeight(docY);
  const line = view.state.doc.lineAt(block.from).number - 1;
  const fraction =
    block.height > 0 ? Math.min(1, Math.max(0, (docY - block.top) / block.height)) : 0;
  return line + fraction;
}

/** Scrolls the editor so 0-based (fractional) source line `line` is at the top; returns the scrollTop set. */
function scrollEditorToLine(view: EditorView, line: number): number {
  const doc = view.state.doc;
  const whole = Math.min(doc.lines - 1, Math.max(0, Math.floor(line)));
  const block = view.lineBlockAt(doc.line(whole + 1).from);
  const docY = block.top + (line - whole) * block.height;
  const scroller = view.scrollDOM;
  const contentOffset =
    view.documentTop - scroller.getBoundingClientRect().top + scroller.scrollTop;
  scroller.scrollTop = Math.max(0, docY + contentOffset);
  return scroller.scrollTop;
}

/** The Goldmark switches of a profile, for the label's tooltip (Hugo's own key names). */
function profileSummary(profile: RenderProfile): string {
  const on = (name: string, value: boolean): string => `${name} = ${value ? 'true' : 'false'}`;
  return [
    on('unsafe', profile.unsafe),
    on('hardWraps', profile.hardWraps),
    on('typographer', profile.typographer),
    on('linkify', profile.linkify),
    on('cjk', profile.cjk),
    on('footnote', profile.footnote),
    on('definitionList', profile.definitionList),
    profile.baseURL ? `baseURL = ${profile.baseURL}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Labels the stylesheet shows on unpublished notes and the summary divider (CSS strings). */
function previewLabels(privateNote: string, summaryDivider: string): React.CSSProperties {
  return {
    '--private-note-label': JSON.stringify(privateNote),
    '--summary-divider-label': JSON.stringify(summaryDivider),
  } as React.CSSProperties;
}

/**
 * The live preview, rendered by the PreviewController (worker + block morphing), with two-way
 * scroll sync through `data-line` and click-to-source. Links never navigate the app: footnote
 * links scroll inside the preview, web links open outside.
 */
export function PreviewPane({
  session,
  controller,
  articlePath,
  hidden,
  profile,
}: PreviewPaneProps): React.JSX.Element {
  const { t } = useTranslation();
  const scroller = useRef<HTMLElement>(null);
  const article = useRef<HTMLElement>(null);
  const view = useActiveView(session);
  const { api } = useWorkbench();
  useArticleTheme(api);
  const brokenLabel = useLatest(t('preview.brokenImage'));

  useEffect(() => {
    if (!article.current) return undefined;
    controller.attach(article.current);
    return () => controller.detach();
  }, [controller]);

  useEffect(() => controller.setProfile(profile), [controller, profile]);

  // Edits go straight to the controller (and on to the worker): no React render per keystroke.
  useEffect(() => {
    controller.setResyncHandler(() => session.resyncLiveEdits());
    const push = (): void => controller.update(session.liveEdits.get(), articlePath ?? '');
    // A new pane or article path: start from the whole text.
    session.resyncLiveEdits();
    return session.liveEdits.subscribe(push);
  }, [controller, session, articlePath]);

  // Broken images get a visible placeholder naming the missing file (kept across re-renders);
  // when images appear in the workspace they are fetched again.
  useEffect(() => {
    const container = article.current;
    if (!container) return undefined;
    const broken = new Set<string>();
    const mark = (img: HTMLImageElement): void => {
      img.classList.add('image-broken');
      const path = assetPathOf(img.getAttribute('src') ?? '');
      const alt = img.getAttribute('alt') ?? '';
      img.setAttribute(
        'data-broken-label',
        [brokenLabel.current + (path ? `: ${path}` : ''), alt].filter(Boolean).join(' · '),
      );
    };
    const onError = (event: Event): void => {
      if (!(event.target instanceof HTMLImageElement)) return;
      broken.add(event.target.getAttribute('src') ?? '');
      mark(event.target);
    };
    container.addEventListener('error', onError, true);
    const remark = controller.onApplied(() => {
      if (broken.size === 0) return;
      for (const img of container.querySelectorAll('img'))
        if (broken.has(img.getAttribute('src') ?? '')) mark(img);
    });
    const offAssets = api.on('assets.changed', () => {
      if (broken.size === 0) return;
      const retry = new Set(broken);
      broken.clear();
      for (const img of container.querySelectorAll('img')) {
        const src = img.getAttribute('src') ?? '';
        if (!retry.has(src)) continue;
        img.classList.remove('image-broken');
        img.removeAttribute('data-broken-label');
        // Setting the same address again makes the browser request it again.
        img.setAttribute('src', src);
      }
    });
    return () => {
      container.removeEventListener('error', onError, true);
      remark();
      offAssets();
    };
  }, [api, controller, brokenLabel]);

  // Two-way scroll sync.
  useEffect(() => {
    const preview = scroller.current;
    const content = article.current;
    if (!preview || !content || !view || hidden) return undefined;
    let anchors: AnchorSource | null = null;
    const getAnchors = (): AnchorSource => (anchors ??= domAnchors(preview, controller.anchors()));
    const invalidate = (): void => {
      anchors = null;
    };
    // Each side ignores the scroll event caused by the other side setting its position.
    let expectPreview: number | null = null;
    let expectEditor: number | null = null;
    let frame = 0;
    let leader: 'editor' | 'preview' = 'editor';

    const syncPreview = (): void => {
      const offset = previewOffsetForLine(getAnchors(), editorTopLine(view));
      if (offset === null) return;
      const target = Math.round(offset - 12);
      if (Math.abs(preview.scrollTop - target) < 2) return;
      preview.scrollTop = target;
      expectPreview = preview.scrollTop;
    };
    const syncEditor = (): void => {
      const line = lineForPreviewOffset(getAnchors(), preview.scrollTop + 12);
      if (line === null) return;
      expectEditor = scrollEditorToLine(view, line);
    };
    const schedule = (run: () => void): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(run);
    };
    const onEditorScroll = (): void => {
      if (expectEditor !== null && Math.abs(view.scrollDOM.scrollTop - expectEditor) < 2) {
        expectEditor = null;
        return;
      }
      expectEditor = null;
      leader = 'editor';
      schedule(syncPreview);
    };
    const onPreviewScroll = (): void => {
      if (expectPreview !== null && Math.abs(preview.scrollTop - expectPreview) < 2) {
        expectPreview = null;
        return;
      }
      expectPreview = null;
      leader = 'preview';
      schedule(syncEditor);
    };
    view.scrollDOM.addEventListener('scroll', onEditorScroll, { passive: true });
    preview.addEventListener('scroll', onPreviewScroll, { passive: true });
    // After a render, re-anchor at once: the controller has just laid the preview out, so this
    // reads a few boxes and, if blocks above changed height, scrolls within the same frame
    // (a separate animation frame would be one more frame between two keystrokes).
    const stopApplied = controller.onApplied(() => {
      invalidate();
      if (leader === 'editor') syncPreview();
    });
    const resize = new ResizeObserver(() => {
      invalidate();
      schedule(leader === 'editor' ? syncPreview : syncEditor);
    });
    resize.observe(preview);
    resize.observe(content);
    schedule(syncPreview);
    return () => {
      cancelAnimationFrame(frame);
      view.scrollDOM.removeEventListener('scroll', onEditorScroll);
      preview.removeEventListener('scroll', onPreviewScroll);
      stopApplied();
      resize.disconnect();
    };
  }, [view, controller, hidden]);

  // Clicks: a block puts the editor cursor on its source line; links never navigate the app.
  const onClick = (event: React.MouseEvent<HTMLElement>): void => {
    const target = event.target as Element;
    const link = target.closest('a[href]');
    if (link) {
      event.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#')) {
        const id = decodeURIComponent(href.slice(1));
        article.current
          ?.querySelector(`[id="${CSS.escape(id)}"]`)
          ?.scrollIntoView({ block: 'center' });
      } else if (/^(https?:|mailto:)/i.test(href)) {
        window.open(href, '_blank', 'noopener,noreferrer');
      }
      return;
    }
    if (window.getSelection()?.isCollapsed === false) return; // the reader is selecting text
    const block = target.closest('[data-line]');
    const current = session.view;
    if (!block || !current) return;
    const line = Number(block.getAttribute('data-line'));
    if (!Number.isFinite(line)) return;
    session.dispatch((v) => {
      const pos = v.state.doc.line(Math.min(v.state.doc.lines, line + 1)).from;
      return {
        selection: { anchor: pos },
        effects: View.scrollIntoView(pos, { y: 'start', yMargin: 40 }),
        userEvent: 'select.preview',
      };
    });
    current.focus();
  };

  return (
    // Focusable so the keyboard can scroll it; clicking a block is a pointer shortcut (keyboard
    // users move the cursor in the editor itself).
    <section
      className={`preview-scroller ${articleThemeRoot}`}
      ref={scroller}
      aria-label={t('preview.label')}
      tabIndex={0}
    >
      <div className="preview-profile" data-testid="render-profile" title={profileSummary(profile)}>
        {t(profile.origin === 'hugo-site' ? 'preview.profileHugoSite' : 'preview.profileDefault')}
      </div>
      <article
        className="preview-article article"
        ref={article}
        data-testid="preview"
        onClick={onClick}
        style={previewLabels(t('preview.privateNote'), t('preview.summaryDivider'))}
      />
    </section>
  );
}

/** The workspace path in an asset address (`/asset/images/a%20b.png` -> `images/a b.png`). */
function assetPathOf(src: string): string {
  const at = src.indexOf('/asset/');
  if (at < 0) return src;
  try {
    return decodeURIComponent(src.slice(at + '/asset/'.length).split(/[?#]/)[0] ?? '');
  } catch {
    return src.slice(at + '/asset/'.length);
  }
}
