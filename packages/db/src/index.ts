/** placeholder */
export const PACKAGE = '@eventlead/db';
