// Langium 4.4's parser library calls Object.groupBy (Node 21+); tests run on Node 20.
import 'object.groupby/auto';
