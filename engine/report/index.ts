// Assessment reports: self-contained HTML (inline CSS and SVG charts, print styles) and Markdown.
// In: report items (explanation, plan, evidence hash per platform) and metadata. Out: the document text.

export { reportHtml } from './html';
export { reportMarkdown } from './markdown';
export { distribution, badgeClass, type ReportItem, type ReportMeta } from './model';
export { radarSvg, barsSvg, type RadarAxis, type Bar } from './svg';
export { escapeHtml } from './escape';
