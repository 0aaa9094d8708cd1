/** A key of a JSON text that is refused: its field path as the error details name fields, and why. */
export interface JsonKeyProblem {
  /** `email`, `address.city`, `items[0].name`; `''` past `messagesUpTo` problems (counted, not shown). */
  readonly path: string;
  /** A sentence naming the field; `''` past `messagesUpTo` problems. */
  readonly message: string;
}

const COUNTED: JsonKeyProblem = { path: '', message: '' };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** An object or array the scan is inside of. */
interface Frame {
  readonly array: boolean;
  /** The object's keys so far: the first one alone, a set from the second on (most objects of a deep text hold one key). */
  first: string | undefined;
  keys: Set<string> | undefined;
  /** The keys reported as repeated already (each is reported once, however often it comes). */
  reported: Set<string> | undefined;
  /** The object's key being read, or the array's index. */
  key: string;
  index: number;
}

/** The index of the quote that closes the string opened at `open` (its length when there is none). */
function closingQuote(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote !== -1) {
    let before = quote - 1;
    while (text.charCodeAt(before) === BACKSLASH) before--;
    // An even run of backslashes escapes itself, not the quote.
    if ((quote - 1 - before) % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

/** The key spelt between `start` and `end`, its escapes decoded (as they stand, on text that is not JSON). */
function keyAt(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The field path of the key being read in the innermost frame. */
function pathOf(frames: readonly Frame[]): string {
  let path = '';
  for (const frame of frames) {
    if (frame.array) path = `${path}[${frame.index}]`;
    else path = path === '' ? frame.key : `${path}.${frame.key}`;
  }
  return path;
}

/** Records `key` in `frame`; answers whether the object already had it. */
function isRepeated(frame: Frame, key: string): boolean {
  if (frame.first === undefined) {
    frame.first = key;
    return false;
  }
  if (frame.keys === undefined) {
    if (frame.first === key) return true;
    frame.keys = new Set([frame.first, key]);
    return false;
  }
  if (frame.keys.has(key)) return true;
  frame.keys.add(key);
  return false;
}

/**
 * The keys of a valid JSON text that a body must not have, in the order they appear, each path once:
 * - a key an object already has (`{"email":"a@x.co","email":"b@x.co"}`): `JSON.parse` keeps the last
 *   value, other parsers (a proxy's, a gateway's, a log pipeline's) the first, so two readers of one
 *   request would disagree on what it says;
 * - `__proto__`, and `prototype` inside `constructor` (what secure-json-parse refuses as prototype
 *   poisoning, with no word of which field).
 * One pass over the text without building values, iterative (deep nesting cannot exhaust the stack),
 * in time linear in its length: strings are skipped with `indexOf`, and only keys are decoded.
 * The text must be valid JSON (parse it first); on other text the answer means nothing, but the scan
 * still ends.
 * @example jsonKeyProblems('{"a":1,"a":2}') // [{ path: 'a', message: 'a appears more than once ...' }]
 */
export function jsonKeyProblems(text: string, messagesUpTo = Infinity): JsonKeyProblem[] {
  const problems: JsonKeyProblem[] = [];
  const frames: Frame[] = [];
  // Past messagesUpTo, a problem is only counted: no path is built for it.
  const report = (message: (path: string) => string): void => {
    if (problems.length >= messagesUpTo) {
      problems.push(COUNTED);
      return;
    }
    const path = pathOf(frames);
    problems.push({ path, message: message(path) });
  };
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = closingQuote(text, i);
      let next = end + 1;
      while (next < length && isJsonSpace(text.charCodeAt(next))) next++;
      const frame = frames[frames.length - 1];
      // In valid JSON, a string followed by a colon is a key of the innermost object.
      if (text.charCodeAt(next) === COLON && frame !== undefined && !frame.array) {
        const key = keyAt(text, i + 1, end);
        const repeated = isRepeated(frame, key);
        frame.key = key;
        // A key that comes again is reported once, as the first of its problems.
        const known = repeated && frame.reported?.has(key) === true;
        if (repeated) (frame.reported ??= new Set()).add(key);
        const parent = frames[frames.length - 2];
        if (key === '__proto__') {
          if (!repeated) report((path) => `${path} is not allowed: __proto__ is a reserved name in JavaScript objects; remove the field.`);
        } else if (key === 'prototype' && parent !== undefined && !parent.array && parent.key === 'constructor') {
          if (!repeated) report((path) => `${path} is not allowed: prototype inside constructor is reserved in JavaScript objects; remove the field.`);
        } else if (repeated && !known) {
          report((path) => `${path} appears more than once in the body: send each field once.`);
        }
        i = next + 1;
      } else {
        i = end + 1;
      }
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      frames.push({ array: code === OPEN_ARRAY, first: undefined, keys: undefined, reported: undefined, key: '', index: 0 });
      i++;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      frames.pop();
      i++;
    } else {
      if (code === COMMA) {
        const frame = frames[frames.length - 1];
        if (frame?.array === true) frame.index++;
      }
      i++;
    }
  }
  return problems;
}
