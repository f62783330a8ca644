// Filling a message template: `{name}` becomes the argument, `{name#one|other}` picks `one` when the argument is 1
// (English plurals; the Chinese texts have none). In: a template and arguments. Out: text. Unknown names stay as written.

export function fill(template: string, args: Readonly<Record<string, string | number>>): string {
  return template
    .replace(/\{(\w+)#([^|{}]*)\|([^{}]*)\}/g, (m, k: string, one: string, other: string) => (Object.hasOwn(args, k) ? (String(args[k]) === '1' ? one : other) : m))
    .replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(args, k) ? String(args[k]) : m));
}
