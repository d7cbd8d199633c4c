/**
 * Whether a GraphQL document holds no mutation or subscription, so that `request()` may retry it. Looks for
 * those keywords outside strings, comments, parentheses and braces (where operation types are named), so the
 * SDK needs no GraphQL parser.
 */
export function isQueryDocument(document: string): boolean {
  let depth = 0;
  for (let i = 0; i < document.length; i++) {
    const char = document[i];
    if (char === '#') {
      while (i < document.length && document[i] !== '\n') i++;
    } else if (char === '"') {
      i = endOfString(document, i);
      if (i < 0) return false;
    } else if (char === '{' || char === '(') {
      depth++;
    } else if (char === '}' || char === ')') {
      depth--;
    } else if (/[A-Za-z_$]/.test(char)) {
      const word = /^[$\w]+/.exec(document.slice(i))![0];
      if (depth === 0 && (word === 'mutation' || word === 'subscription')) return false;
      i += word.length - 1;
    }
  }
  return true;
}

/** The index of the last quote of the string starting at `start`, or -1 when it does not end. */
function endOfString(text: string, start: number): number {
  if (text.startsWith('"""', start)) {
    const end = text.indexOf('"""', start + 3);
    return end < 0 ? -1 : end + 2;
  }
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
