export const PACKAGE = '@eventlead/api';
