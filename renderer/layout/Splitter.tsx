import { useCallback, useState } from 'react';

interface SplitterProps {
  /** Accessible name (already translated). */
  label: string;
  /** The size the splitter controls (pixels of a pane, or a percentage), with its bounds. */
  value: number;
  min: number;
  max: number;
  /** Moving the splitter this way makes `value` larger (the pane it sizes is on the other side). */
  grows: 'left' | 'right';
  /** Value units per pointer pixel, asked when a drag starts (1 for pixel sizes). */
  unitsPerPixel?: () => number;
  /** Arrow-key step; Shift+arrow moves four steps. */
  step: number;
  /** Value for Enter and a double click. */
  resetValue: number;
  /** Every change; `final` is false while a drag is still going on. */
  onChange(value: number, final: boolean): void;
  className?: string;
  testId?: string;
}

/**
 * A vertical splitter (WAI-ARIA window splitter): drag it, or focus it and use the arrow keys,
 * Home/End for the bounds and Enter to reset. Reports its value as aria-valuenow.
 */
export function Splitter({
  label,
  value,
  min,
  max,
  grows,
  unitsPerPixel,
  step,
  resetValue,
  onChange,
  className,
  testId,
}: SplitterProps): React.JSX.Element {
  const [dragging, setDragging] = useState(false);
  const clamp = useCallback((v: number) => Math.min(max, Math.max(min, v)), [min, max]);
  const sign = grows === 'right' ? 1 : -1;

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startValue = value;
    const scale = unitsPerPixel?.() ?? 1;
    let latest = value;
    setDragging(true);
    const move = (e: PointerEvent): void => {
      latest = clamp(startValue + sign * (e.clientX - startX) * scale);
      onChange(latest, false);
    };
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      setDragging(false);
      onChange(latest, true);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const by = (event.shiftKey ? 4 : 1) * step;
    let next: number;
    if (event.key === 'ArrowLeft') next = value - sign * by;
    else if (event.key === 'ArrowRight') next = value + sign * by;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    else if (event.key === 'Enter') next = resetValue;
    else return;
    event.preventDefault();
    onChange(clamp(next), true);
  };

  return (
    <div
      className={`splitter${dragging ? ' splitter-dragging' : ''}${className ? ` ${className}` : ''}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      aria-valuenow={Math.round(value)}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(clamp(resetValue), true)}
    />
  );
}
