// Langium 4.4's parser library (chevrotain 13) calls Object.groupBy, which
// Node 20 lacks. Every entry point imports this module before Langium.
import 'object.groupby/auto';
