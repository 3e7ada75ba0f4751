/**
 * The mass units that join a gas name to make a mass of that gas
 * (language.md §2: `g kg t kt Mt` joined to a gas: `tCO2`, `kgCH4`, `tC`;
 * CNMS adds the pound, `lbCO2`, for factors published in lb/MWh).
 * Longest first, so `kt…` is not read as `k` + `t…`.
 */
export const GAS_MASS_PREFIXES = ['kg', 'kt', 'Mt', 'lb', 'g', 't'] as const;

/** Splits `kgHFC134a` into its mass unit `kg` and the gas name `HFC134a`; undefined when no prefix fits. */
export function splitGasUnit(name: string, isGas: (gas: string) => boolean): { massUnit: string; gas: string } | undefined {
    for (const prefix of GAS_MASS_PREFIXES) {
        if (name.length > prefix.length && name.startsWith(prefix)) {
            const gas = name.slice(prefix.length);
            if (isGas(gas)) {
                return { massUnit: prefix, gas };
            }
        }
    }
    return undefined;
}
