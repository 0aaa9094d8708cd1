import { hashToken } from '@eventlead/security';

/** One secret found where it must never be. */
export interface SecretFinding {
  kind: string;
  where: string;
  /** A few characters around the hit, with the secret itself masked. */
  excerpt: string;
}

// bcrypt hashes (ours are $2b$; imported ones $2a$/$2y$), whole or cut off after the cost.
const BCRYPT = /\$2[aby]\$\d{2}\$[./A-Za-z0-9]{8,}/;
// Any connection string of a database the platform speaks to.
const CONNECTION_STRING = /\b(?:postgres(?:ql)?|mssql|pglite):\/\/[^\s"']+/i;

function worthWatching(secret: string): boolean {
  // Short or repetitive strings would match by accident ("1", "        ", "aaaaaaaa").
  return secret.length >= 8 && new Set(secret).size >= 3;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface TrieNode {
  /** A string ends here. */
  end: boolean;
  next: Map<string, TrieNode>;
}

function patternOf(node: TrieNode): string {
  // A run of single-child nodes is one literal: the recursion only goes one level per branch point.
  let literal = '';
  while (node.next.size === 1 && !node.end) {
    const [char, child] = node.next.entries().next().value!;
    literal += escapeRegExp(char);
    node = child;
  }
  if (node.next.size === 0) return literal;
  const branches = Array.from(node.next, ([char, child]) => escapeRegExp(char) + patternOf(child));
  const rest = `(?:${branches.join('|')})`;
  return literal + (node.end ? `${rest}?` : rest);
}

/**
 * A regular expression that matches exactly the given strings, their common prefixes shared
 * (`fault passphrase (?:1|2(?:0)?)`): one pass over a text tells whether it holds any of them,
 * where one `indexOf` per secret made the scan texts × secrets (thousands of each in the load tests).
 * A pattern too large to be worth it, or that the engine refuses, matches everything: every secret is then looked for.
 */
function anyOf(strings: readonly string[]): RegExp {
  // Past this many characters the pattern costs more to build and compile than the scan it saves.
  if (strings.reduce((sum, text) => sum + text.length, 0) > 100_000) return /(?:)/;
  const root: TrieNode = { end: false, next: new Map() };
  for (const text of strings) {
    let node = root;
    for (const char of text) {
      let child = node.next.get(char);
      if (child === undefined) {
        child = { end: false, next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    node.end = true;
  }
  try {
    return new RegExp(patternOf(root));
  } catch {
    return /(?:)/;
  }
}

/**
 * Collects the secrets a suite handled (the admin token and its digest, every password it sent,
 * every password hash in the database, connection strings) and finds them in responses and logs,
 * together with anything shaped like a bcrypt hash or a connection string.
 */
export class SecretScanner {
  private readonly secrets = new Map<string, string>();
  /** Matches any of `secrets`; rebuilt after `add`. */
  private anySecret: RegExp | undefined;
  readonly findings: SecretFinding[] = [];
  responsesScanned = 0;
  logLinesScanned = 0;

  /** Watches for `secret` (and its JSON-escaped form) from now on. */
  add(kind: string, secret: string | undefined | null): void {
    if (typeof secret !== 'string' || !worthWatching(secret)) return;
    this.secrets.set(secret, kind);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) this.secrets.set(escaped, kind);
    this.anySecret = undefined;
  }

  /** Watches for a bearer token, its SHA-256 hex digest and (for the admin token) how it is configured. */
  addToken(kind: string, token: string): void {
    this.add(kind, token);
    this.add(`${kind} hash`, hashToken(token));
  }

  /** Scans one text; returns the findings (also kept in `findings`). */
  scan(text: string, where: string): SecretFinding[] {
    const found: SecretFinding[] = [];
    const excerpt = (index: number, length: number) =>
      `${text.slice(Math.max(0, index - 40), index)}<${length} chars>${text.slice(index + length, index + length + 40)}`;
    // Most texts hold no secret: one pass tells; only a text that holds one is searched secret by secret.
    if (this.mayHoldSecret(text)) {
      for (const [secret, kind] of this.secrets) {
        const index = text.indexOf(secret);
        if (index >= 0) found.push({ kind, where, excerpt: excerpt(index, secret.length) });
      }
    }
    for (const [kind, pattern] of [
      ['bcrypt hash', BCRYPT],
      ['connection string', CONNECTION_STRING],
    ] as const) {
      const match = pattern.exec(text);
      if (match) found.push({ kind, where, excerpt: excerpt(match.index, match[0].length) });
    }
    this.findings.push(...found);
    return found;
  }

  private mayHoldSecret(text: string): boolean {
    if (this.secrets.size === 0) return false;
    this.anySecret ??= anyOf([...this.secrets.keys()]);
    try {
      return this.anySecret.test(text);
    } catch {
      return true;
    }
  }

  /** Scans a response body and its headers. */
  scanResponse(body: string, headers: Record<string, unknown>, where: string): SecretFinding[] {
    this.responsesScanned += 1;
    return this.scan(`${JSON.stringify(headers)}\n${body}`, where);
  }

  /** Scans log lines. */
  scanLogLines(lines: readonly string[], where: string): SecretFinding[] {
    this.logLinesScanned += lines.length;
    return lines.flatMap((line) => this.scan(line, where));
  }
}
