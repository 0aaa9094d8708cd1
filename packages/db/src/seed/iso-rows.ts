import countries from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';
import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js';

/**
 * Kosovo's `XK` is a user-assigned code the European Commission uses, not part of ISO 3166-1;
 * i18n-iso-countries lists it anyway. Left out so `ref.Country` is exactly ISO 3166-1.
 */
const NOT_ISO_3166_1 = new Set(['XK']);

/** Sort order that puts Australia first in pick lists; everything else sorts by name after it. */
const HOME_COUNTRY = 'AU';
const HOME_LANGUAGE = 'en';
const HOME_SORT = 0;
const OTHER_SORT = 100;

/** A `ref.Country` row as the seed writes it. */
export interface CountryRow {
  /** ISO 3166-1 alpha-2 code (`AU`). */
  readonly code: string;
  /** ISO 3166-1 alpha-3 code (`AUS`). */
  readonly alpha3: string;
  /** ISO 3166-1 numeric code as three-digit text (`036`); null when the library has none. */
  readonly numericCode: string | null;
  /** International dialling prefix (`+61`); null for territories without numbering of their own. */
  readonly phonePrefix: string | null;
  /** English short name. */
  readonly name: string;
  /** 0 for Australia, 100 for every other country, so Australia heads pick lists. */
  readonly sortOrder: number;
}

/** A `ref.Language` row as the seed writes it. */
export interface LanguageRow {
  /** ISO 639-1 two-letter code (`en`). */
  readonly code: string;
  /** English name. */
  readonly name: string;
  /** The language's name in itself (`Deutsch`). */
  readonly nativeName: string;
  /** 0 for English, 100 for every other language, so English heads pick lists. */
  readonly sortOrder: number;
}

/**
 * Every ISO 3166-1 country (249), from i18n-iso-countries: alpha-2 code, alpha-3 code, the numeric
 * code as three-digit text and the English short name; the international dialling prefix (`+61`) from
 * libphonenumber-js, null for the territories without telephone numbering of their own (Antarctica,
 * Bouvet Island, Heard and McDonald Islands, ...). Sorted by code.
 */
export function countryRows(): CountryRow[] {
  const names = countries.getNames('en', { select: 'official' });
  return Object.keys(countries.getAlpha2Codes())
    .filter((code) => !NOT_ISO_3166_1.has(code))
    .sort()
    .map((code) => {
      const alpha3 = countries.alpha2ToAlpha3(code);
      const name = names[code];
      if (alpha3 === undefined || name === undefined) {
        throw new Error(`i18n-iso-countries has no alpha-3 code or English name for ${code}.`);
      }
      return {
        code,
        alpha3,
        numericCode: countries.alpha2ToNumeric(code) ?? null,
        phonePrefix: isSupportedCountry(code) ? `+${getCountryCallingCode(code)}` : null,
        name,
        sortOrder: code === HOME_COUNTRY ? HOME_SORT : OTHER_SORT,
      };
    });
}

/** Every ISO 639-1 language (two-letter code), from iso-639-1: English and native names. Sorted by code. */
export function languageRows(): LanguageRow[] {
  return ISO6391.getAllCodes()
    .slice()
    .sort()
    .map((code) => ({
      code,
      name: ISO6391.getName(code),
      nativeName: ISO6391.getNativeName(code),
      sortOrder: code === HOME_LANGUAGE ? HOME_SORT : OTHER_SORT,
    }));
}
