import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Readable } from 'node:stream';
import { HttpError } from '../errors';
import { jsonKeyProblems } from '../json-keys';
import { addRouteHook } from './route-hooks';
import { MAX_PROBLEMS, refusal } from './validation';

/** A JSON body whose bytes are not UTF-8 (RFC 8259 requires it): refused rather than stored with U+FFFD in place of the bad bytes. */
export class BodyNotUtf8Error extends HttpError {
  constructor() {
    super(400, 'BODY_NOT_UTF8', 'The body is not valid UTF-8: send the JSON encoded as UTF-8.');
  }
}

/** A body sent compressed (`Content-Encoding: gzip`, `br`...): the API does not decompress bodies. */
export class UnsupportedContentEncodingError extends HttpError {
  constructor() {
    super(415, 'UNSUPPORTED_CONTENT_ENCODING', 'This API accepts uncompressed bodies only: send the body without a Content-Encoding header (or with Content-Encoding: identity).');
  }
}

/**
 * A body sent without `Content-Type: application/json` (no Content-Type at all, `text/plain`, a form,
 * XML...): the API reads JSON bodies only. Fastify's own answer is a bare "Unsupported Media Type".
 */
export class UnsupportedMediaTypeError extends HttpError {
  constructor(mediaType: string | undefined, headerSent: boolean) {
    const what = !headerSent ? 'The request has a body but no Content-Type header' : mediaType === undefined ? 'The Content-Type header is not a valid media type' : `This API reads JSON bodies only, not ${mediaType}`;
    super(415, 'UNSUPPORTED_MEDIA_TYPE', `${what}: send the body as JSON with the header Content-Type: application/json.`);
  }
}

/**
 * A JSON body declared in a charset other than UTF-8 (`application/json; charset=latin1`): RFC 8259
 * JSON is UTF-8, and decoding it as UTF-8 anyway would store other characters than the client meant.
 */
export class UnsupportedCharsetError extends HttpError {
  constructor() {
    super(
      415,
      'UNSUPPORTED_CHARSET',
      'This API accepts JSON encoded as UTF-8 only, and the charset of the Content-Type is not utf-8 (another charset, an empty or malformed one, or more than one): send the body in UTF-8 with Content-Type: application/json (or application/json; charset=utf-8).',
    );
  }
}

/**
 * A body declared with more than one Content-Type header: Node keeps the first and drops the others,
 * while a proxy in front may have read another one, so what the body is cannot be told.
 */
export class AmbiguousContentTypeError extends HttpError {
  constructor(count: number) {
    super(400, 'AMBIGUOUS_CONTENT_TYPE', `The request has ${count} Content-Type headers: send exactly one, Content-Type: application/json.`);
  }
}

/** How many Content-Type headers the request came with (Node's `headers` keeps only the first). */
function contentTypeHeaders(request: FastifyRequest): number {
  const raw = request.raw.rawHeaders;
  let count = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.length === 12 && raw[i]?.toLowerCase() === 'content-type') count += 1;
  return count;
}

// The methods whose requests fastify reads a body of.
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const IDENTITY = /^\s*identity\s*$/i;

function takesBody(route: RouteOptions): boolean {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.some((method) => BODY_METHODS.has(method.toUpperCase()));
}

// The charset parameters of a Content-Type (a name is case-insensitive; a value may be quoted).
const CHARSET_PARAMETER = /;\s*charset\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/gi;
// The names UTF-8 goes by (WHATWG's "utf8" label is common in clients).
const UTF8 = /^utf-?8$/i;

/** Whether a Content-Type names a charset other than UTF-8 (none named is UTF-8, as RFC 8259 has it). */
function namesOtherCharset(contentType: string): boolean {
  if (!contentType.includes('=')) return false;
  for (const [, raw = ''] of contentType.matchAll(CHARSET_PARAMETER)) {
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (!UTF8.test(value.trim())) return true;
  }
  return false;
}

/** Whether a request has a body, as fastify decides it (no Content-Length and no Transfer-Encoding, or a Content-Length of 0: none). */
function hasBody(request: FastifyRequest): boolean {
  const { 'content-length': length, 'transfer-encoding': transfer } = request.headers;
  return transfer !== undefined || (length !== undefined && length !== '0');
}

/**
 * Refuses a body the API will not read, before it is read, with a 415 saying what to send:
 * - compressed: fastify does not decompress, so a gzip body would otherwise reach the JSON parser as
 *   binary and be answered "not valid JSON", which hides what to fix;
 * - not JSON (no Content-Type, or another media type): fastify's answer says only "Unsupported Media
 *   Type", without naming the header the client should send;
 * - JSON in another charset than UTF-8: it would be decoded as UTF-8 all the same;
 * - more than one Content-Type header (a 400): Node keeps the first, a proxy may have read another.
 */
function refuseUnreadableBody(request: FastifyRequest, _reply: FastifyReply, payload: Readable, done: (error: Error | null, payload?: Readable) => void): void {
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && !IDENTITY.test(encoding)) {
    done(new UnsupportedContentEncodingError());
    return;
  }
  if (!hasBody(request)) {
    done(null, payload);
    return;
  }
  const contentType = request.headers['content-type'];
  const declared = contentTypeHeaders(request);
  if (declared > 1) done(new AmbiguousContentTypeError(declared));
  else if (request.mediaType !== 'application/json') done(new UnsupportedMediaTypeError(request.mediaType, contentType !== undefined));
  else if (contentType !== undefined && namesOtherCharset(contentType)) done(new UnsupportedCharsetError());
  else done(null, payload);
}

/** Whether `text` is JSON (for an error of the default parser, which says the same of broken JSON and of refused keys). */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The refusal of a parsed body's keys ({@link jsonKeyProblems}: a key twice in one object, `__proto__`,
 * `constructor.prototype`), a 400 naming each field, or `undefined`.
 */
function keyRefusal(text: string): Error | undefined {
  const problems = jsonKeyProblems(text, MAX_PROBLEMS + 1);
  return problems.length === 0 ? undefined : refusal(problems);
}

/**
 * How request bodies are read:
 * - a JSON body must be valid UTF-8: fastify's own parser decodes it leniently, so bytes such as
 *   `\xff\xfe` would be stored as U+FFFD (answered 400, {@link BodyNotUtf8Error}). The bytes are
 *   decoded fatally here, then handed to fastify's default JSON parser, which keeps its
 *   `__proto__`/`constructor` poisoning protection; the body limit applies as before, while reading;
 * - a parsed body must not have a key twice in one object, at any depth (`JSON.parse` keeps the last
 *   value, other parsers the first); this and the poisoning refusals are a 400 naming the field
 *   ({@link jsonKeyProblems}, one more pass over the text, linear in its length). The default parser
 *   answers a refused `__proto__` as "not valid JSON", so its errors on text that is JSON are
 *   explained the same way;
 * - the only body read is JSON: the text/plain parser fastify adds by default is removed, and on the
 *   routes whose methods take a body, a body with a Content-Encoding other than identity
 *   ({@link UnsupportedContentEncodingError}), without Content-Type: application/json
 *   ({@link UnsupportedMediaTypeError}), or declared in a charset other than UTF-8
 *   ({@link UnsupportedCharsetError}) is answered 415 before it is read (the other routes pay
 *   nothing for the checks).
 * Registered before the routes, which inherit the parser.
 */
export const bodyPlugin = fp(
  (app: FastifyInstance, _options, done) => {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const parseJson = app.getDefaultJsonParser(app.initialConfig.onProtoPoisoning ?? 'error', app.initialConfig.onConstructorPoisoning ?? 'error');
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, parsed) => {
      let text: string;
      try {
        text = utf8.decode(body);
      } catch {
        parsed(new BodyNotUtf8Error(), undefined);
        return;
      }
      void parseJson(request, text, (error, value?: unknown) => {
        if (error !== null) parsed((isJson(text) ? keyRefusal(text) : undefined) ?? error, undefined);
        else parsed(keyRefusal(text) ?? null, value);
      });
    });
    app.addHook('onRoute', (route) => {
      if (takesBody(route)) addRouteHook(route, 'preParsing', refuseUnreadableBody);
    });
    done();
  },
  { name: 'eventlead-body', fastify: '5.x' },
);
