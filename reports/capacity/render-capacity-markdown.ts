/** The capacity report as Markdown (for pull-request comments and CI summaries), from the same findings as the HTML. */
import type { CapacityResult } from '../../loadgen/capacity/capacity-result.js';
import { escapeMarkdown } from '../markdown.js';
import { buildCapacityFindings, type TextTable } from './capacity-findings.js';

function table(text: TextTable): string[] {
  const row = (cells: string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [row(text.header), `|${text.numeric.map((numeric) => (numeric ? ' ---: ' : ' --- ')).join('|')}|`, ...text.rows.map(row)];
}

/** Renders the Markdown capacity report of `result` (ends with a newline). */
export function renderCapacityMarkdown(result: CapacityResult): string {
  const findings = buildCapacityFindings(result);
  const lines = [
    `### ${findings.sustainableFound ? '✅' : '❌'} ${escapeMarkdown(findings.title)}`,
    '',
    escapeMarkdown(findings.context),
    '',
    `**${escapeMarkdown(findings.sustainable)}**`,
    '',
    escapeMarkdown(findings.stop),
    '',
    '#### Knee',
    '',
    escapeMarkdown(findings.knee),
    ...(findings.kneeEvidence.length > 0 ? ['', ...findings.kneeEvidence.map((line) => `- ${escapeMarkdown(line)}`)] : []),
    '',
    '#### Costs fitted from the steps',
    '',
    ...findings.costs.map((line) => `- ${escapeMarkdown(line)}`),
  ];
  if (findings.projection !== undefined) {
    lines.push(
      '',
      '#### Projection',
      '',
      escapeMarkdown(findings.projection.summary),
      '',
      ...table(findings.projection.table),
      '',
      'Assumptions:',
      '',
      ...findings.projection.assumptions.map((line) => `- ${escapeMarkdown(line)}`),
    );
  }
  lines.push('', '#### Steps', '', ...table(findings.steps));
  if (findings.warnings.length > 0) lines.push('', '#### Warnings', '', ...findings.warnings.map((line) => `- ${escapeMarkdown(line)}`));
  return `${lines.join('\n')}\n`;
}
