/** Distinct round colours on the dispatcher's map (colour-blind friendly first). */
export const ROUND_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#8c564b',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
] as const;

/** The colour of the `index`-th round of a day. */
export const colourAt = (index: number): string => ROUND_COLOURS[index % ROUND_COLOURS.length] ?? '#0072b2';
