import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../shared/frontMatterSchema';
import { labelOf, useForm } from '../formContext';
import { FieldShell } from './FieldShell';

const MAX_SUGGESTIONS = 8;

/**
 * A list of tags as chips. Enter adds (the highlighted suggestion or the typed text), Backspace
 * in the empty box removes the last chip, Delete/Backspace on a chip removes it, Alt+Arrow keys
 * (or dragging) move it. Suggestions come from every value the workspace uses, and from the
 * schema's allowed values, which are then the only ones accepted. Each change is one undo step
 * and touches only the list's own lines (a flow list `[a, b]` stays a flow list).
 */
export function TagListField({
  row,
  path,
}: {
  row: FormField;
  path: readonly string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm();
  const id = useId();
  const listboxId = `${id}-suggestions`;
  const label =
    path.length > 1 ? (path[path.length - 1] as string) : labelOf(row.schema, form.labelLanguage);
  const values = useMemo(
    () => (Array.isArray(row.value) ? row.value.map(String) : []),
    [row.value],
  );
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const chips = useRef<(HTMLSpanElement | null)[]>([]);
  const dragFrom = useRef<number | null>(null);
  /** Where the focus goes once the document's new list has come back. */
  const focusNext = useRef<number | 'input' | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === 'input' || values.length === 0) inputRef.current?.focus();
    else chips.current[Math.min(target, values.length - 1)]?.focus();
  }, [values]);

  const allowed = row.schema.allowed;
  const suggestions = useMemo(() => {
    const query = input.trim().toLowerCase();
    const pool = [...new Set([...(allowed ?? []), ...(allowed ? [] : row.schema.vocabulary)])];
    return pool
      .filter(
        (item) => !values.includes(item) && (query === '' || item.toLowerCase().includes(query)),
      )
      .slice(0, MAX_SUGGESTIONS);
  }, [input, allowed, row.schema.vocabulary, values]);
  const showSuggestions = open && suggestions.length > 0 && !form.readOnly;

  /** The list as it is in the document right now (the rendered one may lag behind by a snapshot). */
  const current = (): string[] => {
    const now = form.valueNow(path);
    return Array.isArray(now) ? now.map(String) : values;
  };
  const write = (next: string[]): void => form.set(path, next, { discrete: true });

  const add = (raw: string): void => {
    const value = raw.trim();
    if (value === '') return;
    const list = current();
    if (list.includes(value)) {
      setMessage(t('frontMatter.tags.duplicate', { value }));
      return;
    }
    if (allowed && !allowed.includes(value)) {
      setMessage(t('frontMatter.tags.notAllowed', { value }));
      return;
    }
    setMessage(null);
    write([...list, value]);
    setInput('');
    setActive(-1);
  };
  const remove = (index: number, focus: number | 'input'): void => {
    const list = current();
    if (index < 0 || index >= list.length) return;
    focusNext.current = focus;
    write(list.filter((_, i) => i !== index));
  };
  const move = (from: number, to: number): void => {
    const list = current();
    if (from === to || to < 0 || to >= list.length || from < 0 || from >= list.length) return;
    const next = [...list];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item as string);
    focusNext.current = to;
    write(next);
  };

  const onInputKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return; // the IME owns Enter and arrows
    if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = showSuggestions && active >= 0 ? suggestions[active] : undefined;
      add(chosen ?? input);
    } else if (event.key === 'Backspace' && input === '' && values.length > 0) {
      event.preventDefault();
      remove(current().length - 1, 'input');
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const count = suggestions.length;
      if (count === 0) return;
      setActive((index) =>
        event.key === 'ArrowDown' ? (index + 1) % count : (index - 1 + count) % count,
      );
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  const onChipKeyDown = (event: React.KeyboardEvent<HTMLSpanElement>, index: number): void => {
    if (form.readOnly) return;
    if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      remove(
        index,
        values.length > 1 ? Math.max(0, event.key === 'Backspace' ? index - 1 : index) : 'input',
      );
    } else if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowUp')) {
      event.preventDefault();
      move(index, index - 1);
    } else if (event.altKey && (event.key === 'ArrowRight' || event.key === 'ArrowDown')) {
      event.preventDefault();
      move(index, index + 1);
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      chips.current[index - 1]?.focus();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      (chips.current[index + 1] ?? inputRef.current)?.focus();
    }
  };

  return (
    <FieldShell
      row={row}
      path={path}
      labelId={`${id}-label`}
      footer={
        <>
          {message ? (
            <p className="fm-problem" role="status">
              {message}
            </p>
          ) : null}
          <p className="fm-hint" id={`${id}-help`}>
            {t('frontMatter.tags.help')}
          </p>
        </>
      }
    >
      <div className="fm-chips" role="group" aria-labelledby={`${id}-label`}>
        <ul className="fm-chip-list" aria-labelledby={`${id}-label`}>
          {values.map((value, index) => (
            <li key={`${value}-${index}`}>
              <span
                ref={(element) => {
                  chips.current[index] = element;
                }}
                className={
                  allowed && !allowed.includes(value) ? 'fm-chip fm-chip-invalid' : 'fm-chip'
                }
                tabIndex={0}
                draggable={!form.readOnly}
                data-testid="chip"
                aria-label={t('frontMatter.tags.chip', {
                  value,
                  position: index + 1,
                  count: values.length,
                })}
                onKeyDown={(event) => onChipKeyDown(event, index)}
                onDragStart={(event) => {
                  dragFrom.current = index;
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', value);
                }}
                onDragOver={(event) => {
                  if (dragFrom.current !== null) event.preventDefault();
                }}
                onDrop={(event) => {
                  event.preventDefault();
                  if (dragFrom.current !== null) move(dragFrom.current, index);
                  dragFrom.current = null;
                }}
                onDragEnd={() => (dragFrom.current = null)}
              >
                <span className="fm-chip-text">{value}</span>
                <button
                  type="button"
                  className="fm-chip-remove"
                  tabIndex={-1}
                  disabled={form.readOnly}
                  aria-label={t('frontMatter.tags.remove', { value })}
                  onClick={() =>
                    remove(index, values.length > 1 ? Math.min(index, values.length - 2) : 'input')
                  }
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
        <div className="fm-combobox">
          <input
            ref={inputRef}
            type="text"
            className="fm-input fm-chip-input"
            role="combobox"
            aria-label={t('frontMatter.tags.add', { field: label })}
            aria-describedby={`${id}-help`}
            aria-autocomplete="list"
            aria-expanded={showSuggestions}
            aria-controls={listboxId}
            aria-activedescendant={
              showSuggestions && active >= 0 ? `${listboxId}-${active}` : undefined
            }
            placeholder={t('frontMatter.tags.addPlaceholder')}
            value={input}
            readOnly={form.readOnly}
            autoComplete="off"
            onChange={(event) => {
              setInput(event.currentTarget.value);
              setOpen(true);
              setActive(-1);
              setMessage(null);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onInputKeyDown}
          />
          <ul
            id={listboxId}
            role="listbox"
            className="fm-suggestions"
            aria-label={t('frontMatter.tags.suggestions')}
            hidden={!showSuggestions}
          >
            {showSuggestions
              ? suggestions.map((item, index) => (
                  <li
                    key={item}
                    id={`${listboxId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className={
                      index === active ? 'fm-suggestion fm-suggestion-active' : 'fm-suggestion'
                    }
                    // mousedown, not click: the input keeps the focus.
                    onMouseDown={(event) => {
                      event.preventDefault();
                      add(item);
                    }}
                  >
                    {item}
                  </li>
                ))
              : null}
          </ul>
        </div>
      </div>
    </FieldShell>
  );
}
