// Escaping for HTML reports. In: any text (ruleset labels, evidence names: user-controlled). Out: safe markup text.

const MAP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => MAP[c] ?? c);
}

/** A fragment id made of safe characters only (`p-P1_hub_operator`); distinct inputs may collide, so callers number them. */
export function anchorId(prefix: string, s: string, n: number): string {
  return `${prefix}${n}-${s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60)}`;
}
