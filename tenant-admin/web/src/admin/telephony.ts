/**
 * Loose client-side checks and display helpers for trunks, numbers and calls. The server is authoritative:
 * these only catch obvious typing mistakes before a round trip, and never refuse what the server accepts.
 */

/** `+1 (555) 123-0000`, `0015551230000` → `+15551230000`: spaces, dots, dashes, parentheses and a leading 00 go. */
export function normalizePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s().-]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

/** Whether `raw` looks like an E.164 number once normalized: `+`, a country code, up to 15 digits. */
export function looksLikeE164(raw: string): boolean {
  return /^\+[1-9]\d{1,14}$/.test(normalizePhone(raw));
}

/** Whether `raw` looks like an IPv4 or IPv6 address or CIDR block (loosely: the server checks it exactly). */
export function looksLikeIpBlock(raw: string): boolean {
  const [address, prefix, ...rest] = raw.split('/');
  if (rest.length > 0 || address === undefined || address === '') return false;
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return false;
  const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(address) && address.split('.').every((octet) => Number(octet) <= 255);
  const ipv6 = address.includes(':') && /^[0-9A-Fa-f:.]+$/.test(address);
  return ipv4 || ipv6;
}

/** Whether `raw` looks like `host` or `host:port` (no scheme, user or spaces). */
export function looksLikeHostPort(raw: string): boolean {
  return raw !== '' && !/[\s/@]/.test(raw) && raw.length <= 261;
}

/** Whether `raw` looks like a host name or IP address (no scheme, user, path or spaces). */
export function looksLikeHost(raw: string): boolean {
  return raw !== '' && !/[\s/@]/.test(raw) && raw.length <= 253;
}

/** `host:port`, with an IPv6 host in brackets. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Whether two lists hold the same entries in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
