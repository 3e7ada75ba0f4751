/** The version of cnms, as `cnms --version` and SARIF report it. */
export const CLI_VERSION = '0.1.0';
