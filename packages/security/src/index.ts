/** placeholder */
export const PACKAGE = '@eventlead/security';
