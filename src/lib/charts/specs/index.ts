/**
 * Every chart spec, loaded by PlotFigure only when a chart is drawn (in the browser), so that
 * Observable Plot and d3 stay out of a page's first load.
 */
export { digitalCategoriesSpec } from './digital-categories';
export { digitalRepresentationSpec } from './digital-representation';
export { openingsSupplySpec } from './openings-supply';
export { representationSpec } from './representation';
export { smallMultiplesSpec } from './small-multiples';
export { supplyGapsSpec } from './supply-gaps';
export { wageCompareSpec } from './wage-compare';
export { wageRangeSpec } from './wage-range';
