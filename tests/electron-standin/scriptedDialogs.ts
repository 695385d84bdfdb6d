import type {
  BaseWindow,
  MessageBoxOptions,
  MessageBoxReturnValue,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { CallRecord } from './callRecord';

interface DialogTypes {
  showOpenDialog: { options: OpenDialogOptions; answer: OpenDialogReturnValue };
  showSaveDialog: { options: SaveDialogOptions; answer: SaveDialogReturnValue };
  showMessageBox: { options: MessageBoxOptions; answer: MessageBoxReturnValue };
}
export type DialogKind = keyof DialogTypes;

/** A dialog main is showing: the writer (the test) looks at its options and answers it. */
export interface ShownDialog<K extends DialogKind> {
  kind: K;
  options: DialogTypes[K]['options'];
  /** The window the dialog is modal to; null for a free-standing one. */
  parent: BaseWindow | null;
  answer(answer: DialogTypes[K]['answer']): void;
}

type Answerer<K extends DialogKind> = (
  options: DialogTypes[K]['options'],
) => DialogTypes[K]['answer'];

/**
 * Native dialogs as a meeting point: a dialog main shows waits, like the real one, until it is
 * answered, either by an answer scripted beforehand (`script`) or by the test taking it (`next`).
 */
export class ScriptedDialogs {
  private readonly scripted = new Map<DialogKind, Answerer<DialogKind>[]>();
  private readonly waiting: ShownDialog<DialogKind>[] = [];
  private readonly takers: { kind: DialogKind; take: (dialog: ShownDialog<DialogKind>) => void }[] =
    [];

  /** The next dialog of this kind gets this answer as soon as it shows. */
  script<K extends DialogKind>(kind: K, answerer: Answerer<K>): void {
    const queue = this.scripted.get(kind) ?? [];
    queue.push(answerer as unknown as Answerer<DialogKind>);
    this.scripted.set(kind, queue);
  }

  /** The next unanswered dialog of this kind, shown already or still to come. */
  next<K extends DialogKind>(kind: K): Promise<ShownDialog<K>> {
    const index = this.waiting.findIndex((dialog) => dialog.kind === kind);
    if (index >= 0) {
      const [dialog] = this.waiting.splice(index, 1);
      return Promise.resolve(dialog as unknown as ShownDialog<K>);
    }
    return new Promise((resolve) =>
      this.takers.push({ kind, take: (dialog) => resolve(dialog as unknown as ShownDialog<K>) }),
    );
  }

  show<K extends DialogKind>(
    kind: K,
    parent: BaseWindow | null,
    options: DialogTypes[K]['options'],
  ): Promise<DialogTypes[K]['answer']> {
    return new Promise((resolve) => {
      const dialog: ShownDialog<K> = { kind, options, parent, answer: resolve };
      const answerer = this.scripted.get(kind)?.shift() as Answerer<K> | undefined;
      if (answerer) {
        // Answered after main's call returns, as a real dialog is.
        setImmediate(() => dialog.answer(answerer(options)));
        return;
      }
      const taker = this.takers.findIndex((candidate) => candidate.kind === kind);
      if (taker >= 0)
        this.takers.splice(taker, 1)[0]?.take(dialog as unknown as ShownDialog<DialogKind>);
      else this.waiting.push(dialog as unknown as ShownDialog<DialogKind>);
    });
  }
}

/** Electron's `dialog`: each call is recorded and answered through the ScriptedDialogs. */
export function createDialog(dialogs: ScriptedDialogs, record: CallRecord) {
  const answered = <T>(kind: string, answer: Promise<T>): Promise<T> =>
    answer.then((value) => {
      record.add(`dialog.${kind}.answer`, value);
      return value;
    });
  const split = <O>(first: BaseWindow | O, second: O | undefined): [BaseWindow | null, O] =>
    second === undefined ? [null, first as O] : [first as BaseWindow, second];
  return {
    showOpenDialog(first: BaseWindow | OpenDialogOptions, second?: OpenDialogOptions) {
      const [parent, options] = split(first, second);
      record.add('dialog.showOpenDialog', options, parent);
      return answered('showOpenDialog', dialogs.show('showOpenDialog', parent, options));
    },
    showSaveDialog(first: BaseWindow | SaveDialogOptions, second?: SaveDialogOptions) {
      const [parent, options] = split(first, second);
      record.add('dialog.showSaveDialog', options, parent);
      return answered('showSaveDialog', dialogs.show('showSaveDialog', parent, options));
    },
    showMessageBox(first: BaseWindow | MessageBoxOptions, second?: MessageBoxOptions) {
      const [parent, options] = split(first, second);
      record.add('dialog.showMessageBox', options, parent);
      return answered('showMessageBox', dialogs.show('showMessageBox', parent, options));
    },
    showErrorBox(title: string, content: string): void {
      record.add('dialog.showErrorBox', title, content);
    },
  } satisfies Pick<
    Electron.Dialog,
    'showOpenDialog' | 'showSaveDialog' | 'showMessageBox' | 'showErrorBox'
  >;
}
