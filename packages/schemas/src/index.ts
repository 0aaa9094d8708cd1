/** placeholder */
export const PACKAGE = '@eventlead/schemas';
