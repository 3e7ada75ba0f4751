export * from './report-model.js';
export * from './report-text.js';
