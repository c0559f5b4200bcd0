/**
 * SVG charts of an evaluation (图表): the battle map (挂图作战图), the quarterly ranking (季度排名) and the
 * colour matrix (颜色矩阵). Pure functions: an `Evaluation` in, a standalone SVG string out.
 *
 * @packageDocumentation
 */
export { battleMapSvg } from './battleMap.js';
export { colourMatrixSvg } from './colourMatrix.js';
export { rankingChartSvg } from './rankingChart.js';
export type { ChartOptions } from './_svg.js';
