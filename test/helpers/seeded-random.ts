// The one seeded generator, shared with the scripts (scripts/fuzz-lsp.mjs).
export { seededRandom } from '../../scripts/seeded-random.mjs';
