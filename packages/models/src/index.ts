/** placeholder */
export const PACKAGE = '@eventlead/models';
