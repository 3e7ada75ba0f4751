export * from './attribution.js';
export * from './compare.js';
export * from './diff-model.js';
export * from './model-snapshot.js';
export * from './revision-files.js';
export * from './render-diff.js';
