import { escapeMarkdown } from '../markdown.js';
import { buildCapacityFindings } from './capacity-findings.js';
function table(text) {
    const row = (cells) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
    return [row(text.header), `|${text.numeric.map((numeric) => (numeric ? ' ---: ' : ' --- ')).join('|')}|`, ...text.rows.map(row)];
}
/** Renders the Markdown capacity report of `result` (ends with a newline). */
export function renderCapacityMarkdown(result) {
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
        lines.push('', '#### Projection', '', escapeMarkdown(findings.projection.summary), '', ...table(findings.projection.table), '', 'Assumptions:', '', ...findings.projection.assumptions.map((line) => `- ${escapeMarkdown(line)}`));
    }
    lines.push('', '#### Steps', '', ...table(findings.steps));
    if (findings.warnings.length > 0)
        lines.push('', '#### Warnings', '', ...findings.warnings.map((line) => `- ${escapeMarkdown(line)}`));
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=render-capacity-markdown.js.map