import { describe, expect, it } from 'vitest';
import { CommandHandlers } from './commandHandlers';

describe('command handlers', () => {
  it('runs the newest handler and restores the previous one when it goes', () => {
    const handlers = new CommandHandlers();
    const calls: string[] = [];
    handlers.register('insert.citation', () => void calls.push('plain footnote'));
    const dispose = handlers.register(
      'insert.citation',
      (source) => void calls.push(`references panel (${source})`),
    );
    expect(handlers.run('insert.citation', 'toolbar')).toBe(true);
    dispose();
    handlers.run('insert.citation');
    expect(calls).toEqual(['references panel (toolbar)', 'plain footnote']);
  });

  it('reports commands without a handler, and handlers that decline', () => {
    const handlers = new CommandHandlers();
    expect(handlers.has('file.export')).toBe(false);
    expect(handlers.run('file.export')).toBe(false);
    handlers.register('edit.find', () => false);
    expect(handlers.run('edit.find')).toBe(false);
  });

  it('tells subscribers when handlers change', () => {
    const handlers = new CommandHandlers();
    let notified = 0;
    handlers.subscribe(() => notified++);
    const dispose = handlers.registerAll({
      'format.bold': () => true,
      'format.italic': () => true,
    });
    dispose();
    expect(notified).toBe(4);
  });
});
