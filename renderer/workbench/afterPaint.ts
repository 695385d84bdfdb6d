/**
 * Schedules main-thread background work (preview updates, snapshots, the status bar) right
 * after a frame has been produced. After a keystroke that is the longest stretch before the next
 * key can arrive, so the work does not delay the key's echo; work landing at a random moment
 * (a timer, an idle callback) is what made keystrokes wait (bench/editor.bench.ts). While input
 * is waiting to be handled, the work waits one more frame (a few times at most).
 *
 * Frames stop in a hidden window; a timer makes sure the work still runs there (the crash
 * journal depends on it).
 */
const hiddenFallbackMs = 200;
const maxInputDeferrals = 3;

interface InputScheduling {
  isInputPending?: (options?: { includeContinuous?: boolean }) => boolean;
}

const inputPending = (): boolean =>
  (navigator as Navigator & { scheduling?: InputScheduling }).scheduling?.isInputPending?.() ??
  false;

export function afterPaint(callback: () => void): () => void {
  let done = false;
  let deferrals = 0;
  let frame = 0;
  const run = (): void => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    callback();
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (done) return;
    if (deferrals < maxInputDeferrals && inputPending()) {
      deferrals++;
      frame = requestAnimationFrame(() => channel.port2.postMessage(null));
      return;
    }
    channel.port1.onmessage = null;
    run();
  };
  // rAF runs just before the frame; the message posted from it is handled just after it.
  frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  const fallback = setTimeout(run, hiddenFallbackMs);
  return () => {
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    channel.port1.onmessage = null;
  };
}
