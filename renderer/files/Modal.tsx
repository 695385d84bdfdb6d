import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { tabbableIn, trapFocus } from '../workbench/focusTrap';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}

/** A dialog above the workbench: Escape and the backdrop close it, focus moves into it. */
export function Modal(props: ModalProps): React.JSX.Element {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = box.current;
    const first = root
      ? tabbableIn(root).find((control) => !control.classList.contains('files-modal-close'))
      : undefined;
    (first ?? root)?.focus();
    const release = root ? trapFocus(root) : () => undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose.current();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      release();
      document.removeEventListener('keydown', onKey, true);
      previous?.focus?.();
    };
  }, []);
  return (
    <div
      className="files-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && props.onClose()}
    >
      <div
        ref={box}
        className={props.wide ? 'files-modal files-modal-wide' : 'files-modal'}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        tabIndex={-1}
      >
        <header className="files-modal-header">
          <h2>{props.title}</h2>
          <button
            type="button"
            className="files-modal-close"
            aria-label={t('files.close')}
            onClick={props.onClose}
          >
            ×
          </button>
        </header>
        <div className="files-modal-body">{props.children}</div>
        {props.footer ? <footer className="files-modal-footer">{props.footer}</footer> : null}
      </div>
    </div>
  );
}
