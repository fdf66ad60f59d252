/**
 * Parses the Prometheus text exposition format (version 0.0.4, as prom-client, prometheus_client and
 * node_exporter serve it; the OpenMetrics variant parses too, `# EOF` included) into samples by metric name.
 * Pure. A family declared by `# TYPE` without samples yet (a labelled counter before its first event) is present
 * with no samples; other comments are skipped.
 */

/** One sample line: its labels and value (NaN and ±Inf as JavaScript numbers). */
export interface PrometheusSample {
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** Every sample of one exposition, by metric name (histogram parts keep their `_bucket`/`_sum`/`_count` names); declared families without samples have an empty list. */
export type PrometheusSamples = ReadonlyMap<string, readonly PrometheusSample[]>;

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/**
 * The samples of `text`. Throws a SyntaxError naming the line for a malformed sample line, so a URL that serves
 * something else (an HTML page, JSON) is reported as such instead of reading as "every metric missing".
 */
export function parsePrometheusText(text: string): PrometheusSamples {
  const samples = new Map<string, PrometheusSample[]>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    const declared = /^#\s+TYPE\s+([a-zA-Z_:][a-zA-Z0-9_:]*)\s/.exec(line)?.[1];
    if (declared !== undefined && !samples.has(declared)) samples.set(declared, []);
    if (line === '' || line.startsWith('#')) continue;
    const parsed = parseSampleLine(line);
    if (typeof parsed === 'string') throw new SyntaxError(`line ${index + 1} is not a Prometheus sample (${parsed}): ${line.slice(0, 80)}`);
    const list = samples.get(parsed.name);
    if (list === undefined) samples.set(parsed.name, [parsed.sample]);
    else list.push(parsed.sample);
  }
  return samples;
}

function parseSampleLine(line: string): { name: string; sample: PrometheusSample } | string {
  const name = NAME.exec(line)?.[0];
  if (name === undefined) return 'no metric name';
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith('}')) break;
      const labelName = LABEL_NAME.exec(rest)?.[0];
      if (labelName === undefined) return 'bad label name';
      rest = rest.slice(labelName.length).trimStart();
      if (!rest.startsWith('="')) return `label ${labelName} has no quoted value`;
      const value = readQuoted(rest.slice(2));
      if (value === undefined) return `label ${labelName} has an unterminated value`;
      labels[labelName] = value.text;
      rest = rest.slice(2 + value.length).trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) return 'expected , or } after a label';
    }
    rest = rest.slice(1);
  }
  // The value, then an optional timestamp (ignored: the sampler stamps readings with its own clock).
  const valueText = rest.trim().split(/\s+/)[0] ?? '';
  const value = parseValue(valueText);
  if (value === undefined) return `bad value ${JSON.stringify(valueText)}`;
  return { name, sample: { labels, value } };
}

/** The text of a quoted label value from just after its opening quote, and the characters it took (closing quote included). */
function readQuoted(text: string): { text: string; length: number } | undefined {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '"') return { text: out, length: i + 1 };
    if (char === '\\') {
      const next = text[i + 1];
      if (next === undefined) return undefined;
      out += next === 'n' ? '\n' : next;
      i += 1;
    } else {
      out += char;
    }
  }
  return undefined;
}

function parseValue(text: string): number | undefined {
  switch (text) {
    case 'NaN':
      return Number.NaN;
    case '+Inf':
    case 'Inf':
      return Number.POSITIVE_INFINITY;
    case '-Inf':
      return Number.NEGATIVE_INFINITY;
  }
  if (text === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
