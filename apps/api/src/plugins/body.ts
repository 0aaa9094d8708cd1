import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Readable } from 'node:stream';
import { HttpError } from '../errors';
import { addRouteHook } from './route-hooks';

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

// The methods whose requests fastify reads a body of.
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const IDENTITY = /^\s*identity\s*$/i;

function takesBody(route: RouteOptions): boolean {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.some((method) => BODY_METHODS.has(method.toUpperCase()));
}

/**
 * Refuses a compressed body before it is read: fastify does not decompress, so a gzip body would
 * otherwise reach the JSON parser as binary and be answered "not valid JSON", which hides what to fix.
 */
function refuseContentEncoding(request: FastifyRequest, _reply: FastifyReply, payload: Readable, done: (error: Error | null, payload?: Readable) => void): void {
  const encoding = request.headers['content-encoding'];
  if (encoding === undefined || IDENTITY.test(encoding)) done(null, payload);
  else done(new UnsupportedContentEncodingError());
}

/**
 * How request bodies are read:
 * - a JSON body must be valid UTF-8: fastify's own parser decodes it leniently, so bytes such as
 *   `\xff\xfe` would be stored as U+FFFD (answered 400, {@link BodyNotUtf8Error}). The bytes are
 *   decoded fatally here, then handed to fastify's default JSON parser, which keeps its
 *   `__proto__`/`constructor` poisoning protection; the body limit applies as before, while reading;
 * - a body with a Content-Encoding other than identity is answered 415
 *   ({@link UnsupportedContentEncodingError}), on the routes whose methods take a body (the others
 *   pay nothing for the check).
 * Registered before the routes, which inherit the parser.
 */
export const bodyPlugin = fp(
  (app: FastifyInstance, _options, done) => {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const parseJson = app.getDefaultJsonParser(app.initialConfig.onProtoPoisoning ?? 'error', app.initialConfig.onConstructorPoisoning ?? 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, parsed) => {
      let text: string;
      try {
        text = utf8.decode(body);
      } catch {
        parsed(new BodyNotUtf8Error(), undefined);
        return;
      }
      void parseJson(request, text, parsed);
    });
    app.addHook('onRoute', (route) => {
      if (takesBody(route)) addRouteHook(route, 'preParsing', refuseContentEncoding);
    });
    done();
  },
  { name: 'eventlead-body', fastify: '5.x' },
);
