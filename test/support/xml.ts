// A small XML well-formedness check for tests (no XML parser is a dependency): one root element, tags nested and
// closed in order, attributes quoted and unique, only the five predefined or numeric entities, no stray `<` or `&`.
// In: XML text. Out: the problems found (empty when well-formed).

const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function textProblems(text: string, where: string): string[] {
  const rest = text.replace(ENTITY, '');
  const out: string[] = [];
  if (rest.includes('&')) out.push(`${where}: bare &`);
  if (rest.includes('<')) out.push(`${where}: bare <`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(rest)) out.push(`${where}: control character`);
  return out;
}

export function wellFormedXml(xml: string): string[] {
  const problems: string[] = [];
  const s = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const tag = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const text = s.slice(i, lt < 0 ? s.length : lt);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root: ${text.slice(0, 40)}`);
    problems.push(...textProblems(text, `text at ${i}`));
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(s);
    if (!m) {
      problems.push(`malformed tag at ${lt}: ${s.slice(lt, lt + 60)}`);
      break;
    }
    const [, close, name = '', attrs = '', selfClose] = m;
    const names = [...attrs.matchAll(new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))];
    const seen = new Set<string>();
    for (const a of names) {
      if (seen.has(a[1] ?? '')) problems.push(`attribute ${a[1]} twice in <${name}>`);
      seen.add(a[1] ?? '');
      problems.push(...textProblems(a[2] ?? a[3] ?? '', `attribute ${a[1]} of <${name}>`));
    }
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
    i = tag.lastIndex;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
