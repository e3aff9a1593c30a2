import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One Korean string found in the source, with where it is. */
export interface KoString {
  file: string;
  line: number;
  text: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
      out.push(full);
  }
  return out;
}

/** A template's text with each `${…}` replaced by a neutral stand-in, so only the literal words are judged. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => `〈값〉${span.literal.text}`).join('');
  }
  return undefined;
}

/** i18next interpolations are variables too. */
function withoutInterpolations(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, '〈값〉').replace(/\{(\w+)\}/g, '〈값〉');
}

/**
 * Every Korean message in src: the `ko` member of any `{ en, ko }` pair (check titles, messages,
 * remediation, report labels), every string in a `ko` array, and every string of the web's Korean
 * message files (src/web/i18n/ko.ts, src/web/**\/messages.ko.ts).
 */
export function koreanStrings(): KoString[] {
  const found: KoString[] = [];
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const rel = path.relative(ROOT, file);
    const wholeFileIsKorean = /(^|\/)(ko|messages\.ko)\.ts$/.test(rel) && rel.startsWith('src/web/');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const add = (node: ts.Node): void => {
      const text = literalText(node);
      if (text === undefined || text.trim() === '') return;
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ file: rel, line, text: withoutInterpolations(text) });
    };
    const visit = (node: ts.Node, inKo: boolean): void => {
      const isKo =
        (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) &&
        node.name.getText(source) === 'ko';
      if (isKo && node.initializer) {
        visit(node.initializer, true);
        return;
      }
      if ((inKo || wholeFileIsKorean) && literalText(node) !== undefined) {
        add(node);
        if (!ts.isTemplateExpression(node)) return;
      }
      // Inside a ko template, nested expressions (a conditional suffix) are Korean too.
      ts.forEachChild(node, (child) => visit(child, inKo));
    };
    visit(source, false);
  }
  return found;
}

/**
 * Latin words allowed in Korean sentences: AWS and product names, API and setting names, units,
 * and standard acronyms. Anything that looks like an identifier (digits, dots, hyphens, colons,
 * slashes, underscores, camelCase or ALL CAPS) is an id or a name and allowed too.
 */
const ALLOWED = new Set(
  `again console AWS Amazon Lambda CloudWatch CloudTrail CloudFront CloudFormation Terraform Logs Insights
   Systems Manager Session Instance Connect Scheduler Identity Center Access Analyzer Organizations Backup
   Data Lifecycle Signer Power Tuning Auto Scaling Enforce Cost Explorer Price List Trusted Advisor Compute
   Optimizer Config Intelligent Tiering Standard Glacier Nitro Linux Windows Chart Pretendard Slack Redis BullMQ
   Security Hub Foundational Best Practices Benchmark Foundations CIS KISA ISMS Regions Region GovCloud China
   Block Public Errors Invocations Duration Maximum Average Sum REPORT ENA NVMe SSH RDP SSRF TLS HTTPS HTTP
   API CLI SDK CSV JSON PDF URL IP IPv4 IPv6 CIDR VPN VPC DNS MFA ID ARN OU UTC KST USD KRW GB GiB MB KB TB TiB
   IOPS MiB ms AZ SSE KMS ACL S3 EC2 EBS RDS IAM EIP AMI SNS SQS EFS ECR ACM ELB ALB NLB CPU OS gp2 gp3 io1 io2
   On Demand Google Authenticator OTP TOTP QR YubiKey WebAuthn Passkey ExternalId External Role Key Secret
   Secrets Enter Esc Tab Shift Ctrl Cmd Alt OK Mac Gateway ZIP CPUUtilization true false null`.split(/\s+/),
);

function looksLikeIdentifier(word: string): boolean {
  return /[0-9._:/\-@=*]/.test(word) || /[a-z][A-Z]/.test(word) || /^[A-Z]{2,}s?$/.test(word);
}

/** The Latin words of a Korean string that are neither allowed nor identifiers. */
export function strayLatinWords(text: string): string[] {
  // Code, commands and quoted ids are not prose.
  const prose = text
    .replace(/`[^`]*`/g, ' ') // code
    .replace(/"[^"]*"|“[^”]*”/g, ' ') // quoted API values ("available", "Deny")
    .replace(/\{"[^가-힣]*\}/g, ' ') // JSON documents
    .replace(/\baws [a-z0-9-]+ [^\n。]*/g, ' '); // CLI commands
  const words = prose.match(/[A-Za-z][A-Za-z0-9._:/\-@=*]*/g) ?? [];
  return words.filter((word) => {
    const bare = word.replace(/[.:]+$/, '');
    return !ALLOWED.has(bare) && !looksLikeIdentifier(bare);
  });
}
