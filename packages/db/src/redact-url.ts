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
