export * from './report-model.js';
export * from './report-text.js';
export * from './report-builder.js';
export * from './render-html.js';
