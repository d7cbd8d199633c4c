/** A `/metrics` answer read the way Prometheus reads it: one number per series name and label set. */
export interface Scrape {
  status: number;
  contentType: string | null;
  text: string;
  /** The value of one series, or undefined when it is not there; `labels` must match the series' labels exactly. */
  value(name: string, labels?: Record<string, string>): number | undefined;
  /** The label sets present for a series name. */
  labelsOf(name: string): Record<string, string>[];
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** GETs `/metrics` of the server whose GraphQL URL is `graphqlUrl`, without a token. */
export async function scrape(graphqlUrl: string): Promise<Scrape> {
  const response = await fetch(new URL('/metrics', graphqlUrl));
  const text = await response.text();
  const series = text
    .split('\n')
    .map((line) => LINE.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, name, labels = '', value]) => ({
      name,
      labels: Object.fromEntries([...labels.matchAll(LABEL)].map((l) => [l[1], l[2]])),
      value: Number(value),
    }));
  const same = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    value: (name, labels = {}) => series.find((s) => s.name === name && same(s.labels, labels))?.value,
    labelsOf: (name) => series.filter((s) => s.name === name).map((s) => s.labels),
  };
}
