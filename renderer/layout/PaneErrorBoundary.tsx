import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import { useTranslation } from 'react-i18next';

interface PaneErrorBoundaryProps {
  /** Names the pane in the message (already translated). */
  paneName: string;
  /** Changing it (another article shown) gives the pane a fresh try. */
  resetKey: string | null;
  /** Show the article without this pane's rendering (plain text). */
  onReopenPlain(): void;
  /** The pane failed: the workbench remembers it so a restart does not reopen into it. */
  onCrash?(error: Error): void;
  children: ReactNode;
}

interface PaneErrorBoundaryState {
  error: Error | null;
  resetKey: string | null;
}

/**
 * Keeps a render error inside one pane (editor, preview, each side panel): the pane shows what
 * failed and a way out, and the rest of the window keeps working. Without it React unmounts the
 * whole tree and one bad article blanks the window.
 */
export class PaneErrorBoundary extends Component<PaneErrorBoundaryProps, PaneErrorBoundaryState> {
  override state: PaneErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<PaneErrorBoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(
    props: PaneErrorBoundaryProps,
    state: PaneErrorBoundaryState,
  ): Partial<PaneErrorBoundaryState> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.paneName} failed`, error, info.componentStack);
    this.props.onCrash?.(error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <PaneError
        paneName={this.props.paneName}
        message={error.message}
        onRetry={() => this.setState({ error: null })}
        onReopenPlain={() => {
          this.setState({ error: null });
          this.props.onReopenPlain();
        }}
      />
    );
  }
}

function PaneError(props: {
  paneName: string;
  message: string;
  onRetry(): void;
  onReopenPlain(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="pane-error" role="alert" data-testid="pane-error">
      <strong>{t('layout.paneFailed', { pane: props.paneName })}</strong>
      <code className="pane-error-message">{props.message}</code>
      <div className="pane-error-actions">
        <button type="button" onClick={props.onReopenPlain}>
          {t('layout.reopenPlain')}
        </button>
        <button type="button" onClick={props.onRetry}>
          {t('layout.retryPane')}
        </button>
      </div>
    </div>
  );
}
