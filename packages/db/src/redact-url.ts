/**
 * Credentials inside `scheme://user:password@host` and `?password=` style query parameters. Matched
 * anywhere in a string, so whole log lines and error messages can be redacted, not just bare URLs.
 */
const USERINFO_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)[^\s@/]*@/gi;
const QUERY_SECRET = /([?&;](?:password|pwd|pass|secret|token)=)[^&;\s]*/gi;

/**
 * Returns `text` with every password in a connection URL replaced by `***`. Use it on anything
 * that may end up in a log or an error message.
 * @example
 * redactUrl('postgresql://app:s3cret@db:5432/eventlead') // 'postgresql://app:***@db:5432/eventlead'
 */
export function redactUrl(text: string): string {
  return text.replace(USERINFO_PASSWORD, '$1***@').replace(QUERY_SECRET, '$1***');
}

const SCHEME_AND_REST = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/is;

/**
 * Returns a database URL that failed to parse with its whole user-info part (everything between
 * `scheme://` and the last `@`) replaced by `***`, or `undefined` when it does not start with `scheme://`
 * and so has no part that is surely free of a password. Unlike {@link redactUrl}, it does not rely on the
 * URL being well-formed: a password holding `/`, `#` or `?`, or a URL without a host, stays hidden too.
 * @example
 * redactMalformedUrl('postgresql://app:pa/ss@db/eventlead') // 'postgresql://***@db/eventlead'
 * redactMalformedUrl('postgresql:/app:s3cret@db/eventlead') // undefined: show nothing of it
 */
export function redactMalformedUrl(text: string): string | undefined {
  const match = SCHEME_AND_REST.exec(text);
  if (!match) {
    return undefined;
  }
  const [, scheme, rest] = match as unknown as [string, string, string];
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    return `${scheme}***@${redactUrl(rest.slice(at + 1))}`;
  }
  // No `@`: what follows a colon in the authority should be a port; anything else may be a password.
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const port = /:([^:\]]*)$/.exec(authority);
  const masked = port && !/^\d*$/.test(port[1] ?? '') ? `${authority.slice(0, port.index)}:***` : authority;
  return `${scheme}${masked}${redactUrl(authorityEnd < 0 ? '' : rest.slice(authorityEnd))}`;
}
