/** Blank optional text becomes null, so the column holds NULL rather than ''. */
export function blankToNull(value: string | null | undefined): string | null | undefined {
  return value === '' ? null : value;
}
