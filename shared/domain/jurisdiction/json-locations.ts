// The line each value of a JSON text starts on, by its path (`streets[3].communities[0].code`), so a
// validator can say "huangpu.json:1234: …" instead of only a path. A small scanner that follows JSON's
// grammar just far enough to know where each value begins; JSON.parse still does the parsing.
import { formatPath } from './schema.js';

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** Parses the text and maps every value's path to the line (1-based) where the value starts. */
export function parseJsonWithLines(text: string): { value: unknown; lines: Map<string, number> } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message)?.[1];
    const line = at === undefined ? (/line (\d+)/.exec(message)?.[1] ?? '1') : String(lineAt(text, Number(at)));
    throw new JsonSyntaxError(message, Number(line));
  }
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skip = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') break;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    for (; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: (string | number)[]) => {
    skip();
    lines.set(formatPath(path), line);
    const c = text[i];
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') return void i++;
      for (;;) {
        skip();
        const key = readString();
        skip();
        i++; // colon
        readValue([...path, key]);
        skip();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        readValue([...path, n]);
        skip();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') return void readString();
    while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++; // number, true, false, null
  };
  readValue([]);
  return { value, lines };
}

/** The line of the path, or of its nearest ancestor that has one. */
export function lineOf(lines: ReadonlyMap<string, number>, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(formatPath(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return undefined;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
