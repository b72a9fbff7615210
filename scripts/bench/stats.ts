/** Medians, ratios and the text table the bench prints. */

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The median of the first figure of each sample (to DOM, or to the update). */
export const first = (samples: readonly (readonly number[])[]): number => median(samples.map((sample) => sample[0]!));
/** The median of the second figure (to the next painted frame). */
export const painted = (samples: readonly (readonly number[])[]): number => median(samples.map((sample) => sample[1]!));

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const ratio = (value: number, floor: number): string => `${(value / floor).toFixed(1)}×`;

/** Columns padded to their widest cell; the first column left-aligned, the others right-aligned. */
export function formatTable(header: string[], body: string[][]): string[] {
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((cells) => (cells[column] ?? '').length)));
  const format = (cells: string[]) => cells.map((text, column) => (column ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join('   ');
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...body.map(format)];
}
