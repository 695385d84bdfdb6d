import { describe, expect, it } from 'vitest';
import { cellIndexAt, formatTable, splitTableRow } from './gfmTable';

const format = (text: string): string | undefined => formatTable(text.split('\n'))?.text;

describe('GFM table layout', () => {
  it('aligns columns by display width: a Chinese character takes two columns', () => {
    expect(format('| 公司 | 金额 |\n|---|---|\n| OpenAI | 2亿美元 |\n| 微软 | 30 |')).toBe(
      [
        '| 公司   | 金额    |',
        '| ------ | ------- |',
        '| OpenAI | 2亿美元 |',
        '| 微软   | 30      |',
      ].join('\n'),
    );
  });

  it('keeps each column’s alignment and draws the delimiter row to the column width', () => {
    expect(format('|左|中|右|无|\n|:--|:-:|--:|-|\n|甲乙丙|a|b|c|')).toBe(
      [
        '| 左     | 中  |  右 | 无  |',
        '| :----- | :-: | --: | --- |',
        '| 甲乙丙 |  a  |   b | c   |',
      ].join('\n'),
    );
  });

  it('keeps escaped pipes inside their cell and counts them in the width', () => {
    expect(splitTableRow('| a \\| b | c |')).toEqual(['a \\| b', 'c']);
    expect(format('| x | y |\n| - | - |\n| a \\| b | 数据 |')).toBe(
      ['| x      | y    |', '| ------ | ---- |', '| a \\| b | 数据 |'].join('\n'),
    );
  });

  it('pads short rows and keeps the cells of long ones, never dropping text', () => {
    expect(format('a | b\n--|--\n1\n1 | 2 | 3')).toBe(
      [
        '| a   | b   |     |',
        '| --- | --- | --- |',
        '| 1   |     |     |',
        '| 1   | 2   | 3   |',
      ].join('\n'),
    );
  });

  it('keeps a blockquote or list prefix on every line', () => {
    expect(format('> |a|b|\n> |-|-|\n> |长文本|c|')).toBe(
      ['> | a      | b   |', '> | ------ | --- |', '> | 长文本 | c   |'].join('\n'),
    );
  });

  it('is not a table without a delimiter row', () => {
    expect(formatTable(['| a | b |', '| c | d |'])).toBeNull();
  });

  it('reports where each cell’s text sits in the result', () => {
    const table = formatTable(['|甲|b|', '|--|--|', '|x|长|']);
    expect(
      table?.cells.map((row) => row.map(({ from, to }) => table.text.slice(from, to))),
    ).toEqual([['甲', 'b'], [], ['x', '长']]);
  });

  it('finds the cell under a column, escaped pipes included', () => {
    const line = '| a \\| b | c |';
    expect(cellIndexAt(line, 3)).toBe(0);
    expect(cellIndexAt(line, 7)).toBe(0);
    expect(cellIndexAt(line, 11)).toBe(1);
    expect(cellIndexAt('a | b', 4)).toBe(1);
    expect(cellIndexAt('> | a | b |', 8)).toBe(1);
  });
});
