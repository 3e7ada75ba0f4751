/**
 * A syntax error's message lists what could have come instead. Chevrotain
 * works that list out as every sequence of up to `maxLookahead` tokens (3 by
 * default) each alternative may start with, and since any keyword may be a
 * name (rule `Name` of grammar/cnms.langium) those are some hundred thousand
 * sequences where a name may stand: a stray token after `value 1` in a factor
 * (an alternative decided past a whole expression) took seconds to report.
 * One token is all a message shows (validation/cnms-document-validator.ts
 * words it), so the list is worked out for one. Prediction does not use this
 * number: the parser looks ahead with its LL(*) strategy, as many tokens as a
 * decision needs.
 */
export function withOneTokenErrorPaths<P extends object>(parser: P): P {
    const wrapper = (parser as { wrapper?: { maxLookahead?: number } }).wrapper;
    if (wrapper && typeof wrapper.maxLookahead === 'number') wrapper.maxLookahead = 1;
    return parser;
}
