/** Code's fonts: Consolas for Latin text, SimSun for Han characters inside code. */
export const monoFont = {
  ascii: 'Consolas',
  hAnsi: 'Consolas',
  eastAsia: 'SimSun',
  cs: 'Consolas',
};
